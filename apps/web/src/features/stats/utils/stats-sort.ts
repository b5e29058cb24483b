import type { ContainerRow, StatsSample } from '@berth/api';

export type StatsSortKey = 'name' | 'cpu' | 'memory';
export interface StatsSort {
  key: StatsSortKey;
  direction: 'asc' | 'desc';
}

/** Rows by name, CPU % or memory used; containers without a sample yet go last either way. */
export function sortByStats(
  rows: readonly ContainerRow[],
  latest: ReadonlyMap<string, StatsSample>,
  sort: StatsSort,
): ContainerRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const value = (row: ContainerRow) => {
    const sample = latest.get(row.id);
    if (!sample) return undefined;
    return sort.key === 'cpu' ? sample.cpuPercent : sample.memoryUsage;
  };
  return [...rows].sort((a, b) => {
    if (sort.key === 'name') return sign * a.name.localeCompare(b.name);
    const va = value(a);
    const vb = value(b);
    if (va === undefined || vb === undefined) {
      if (va === vb) return a.name.localeCompare(b.name);
      return va === undefined ? 1 : -1;
    }
    return sign * (va - vb) || a.name.localeCompare(b.name);
  });
}

/** Host totals over the containers that reported: what the dashboard tiles show. */
export function totals(latest: ReadonlyMap<string, StatsSample>): {
  cpuPercent: number;
  memoryUsage: number;
  reporting: number;
} {
  let cpuPercent = 0;
  let memoryUsage = 0;
  for (const sample of latest.values()) {
    cpuPercent += sample.cpuPercent;
    memoryUsage += sample.memoryUsage;
  }
  return { cpuPercent, memoryUsage, reporting: latest.size };
}
