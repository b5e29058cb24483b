import type { WallTile } from '@berth/api';

/** Columns × rows for a page of `count` tiles on a 16:9 screen. */
export function gridFor(count: number): { columns: number; rows: number } {
  if (count <= 1) return { columns: 1, rows: 1 };
  if (count === 2) return { columns: 2, rows: 1 };
  if (count <= 4) return { columns: 2, rows: 2 };
  if (count <= 6) return { columns: 3, rows: 2 };
  if (count <= 9) return { columns: 3, rows: 3 };
  return { columns: 4, rows: 3 };
}

/** Which page shows at `elapsedMs` after the wall started, rotating every `rotateSeconds`. */
export function pageAt(elapsedMs: number, rotateSeconds: number, pages: number): number {
  if (pages <= 1) return 0;
  return Math.floor(elapsedMs / (rotateSeconds * 1000)) % pages;
}

export const TILE_TITLES: Record<WallTile['type'], string> = {
  endpoints: 'Endpoint health',
  containers: 'Containers',
  charts: 'CPU and memory',
  events: 'Events',
  services: 'Swarm services',
};

/** The endpoints a layout's tiles read, so the wall opens one live connection per engine. */
export function endpointsOf(tiles: readonly WallTile[]): string[] {
  const ids = new Set<string>();
  for (const tile of tiles) if ('endpoint' in tile && tile.endpoint) ids.add(tile.endpoint);
  return [...ids];
}
