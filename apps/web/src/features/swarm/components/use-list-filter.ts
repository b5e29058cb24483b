import { useMemo, useState } from 'react';

/**
 * A list page's filter box and the rows that match it, sorted when `compare` is given. `matches`
 * gets the filter trimmed and lower-cased; pass functions defined once (not inline), so the rows
 * are only worked out again when the data or the filter change.
 */
export function useListFilter<T>(
  data: readonly T[] | undefined,
  matches: (row: T, needle: string) => boolean,
  compare?: (a: T, b: T) => number,
) {
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const kept = (data ?? []).filter((row) => !needle || matches(row, needle));
    return compare ? kept.sort(compare) : kept;
  }, [data, filter, matches, compare]);
  /** What ListPage takes for its filter box and count. */
  const listProps = { filter, onFilter: setFilter, visibleCount: rows.length };
  return { rows, listProps };
}

interface Named {
  Spec: { Name: string };
}

/** Swarm objects (services, secrets, configs) by their name. */
export const bySpecName = (a: Named, b: Named) => a.Spec.Name.localeCompare(b.Spec.Name);

export const matchesSpecName = (o: Named, needle: string) =>
  o.Spec.Name.toLowerCase().includes(needle);
