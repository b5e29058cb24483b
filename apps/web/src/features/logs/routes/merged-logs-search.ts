// Apart from the route so the router can read it without loading the log viewer.
export interface MergedLogsSearch {
  /** Container ids (or names), comma-separated. */
  containers?: string;
}

export function parseMergedLogsSearch(search: Record<string, unknown>): MergedLogsSearch {
  return typeof search.containers === 'string' && search.containers
    ? { containers: search.containers }
    : {};
}
