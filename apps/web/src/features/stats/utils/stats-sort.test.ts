import type { ContainerRow, StatsSample } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { sortByStats, totals } from './stats-sort';

const row = (name: string) => ({ id: name, name }) as ContainerRow;
const sample = (cpuPercent: number, memoryUsage: number) =>
  ({ cpuPercent, memoryUsage }) as StatsSample;

describe('sortByStats', () => {
  const rows = [row('a'), row('b'), row('c'), row('d')];
  const latest = new Map([
    ['a', sample(5, 300)],
    ['b', sample(50, 100)],
    ['c', sample(0.5, 200)],
  ]);

  it('sorts by CPU or memory, busiest first, silent containers last', () => {
    expect(sortByStats(rows, latest, { key: 'cpu', direction: 'desc' }).map((r) => r.id)).toEqual([
      'b',
      'a',
      'c',
      'd',
    ]);
    expect(sortByStats(rows, latest, { key: 'memory', direction: 'asc' }).map((r) => r.id)).toEqual(
      ['b', 'c', 'a', 'd'],
    );
    expect(sortByStats(rows, latest, { key: 'name', direction: 'desc' }).map((r) => r.id)).toEqual([
      'd',
      'c',
      'b',
      'a',
    ]);
  });

  it('adds up host totals', () => {
    expect(totals(latest)).toEqual({ cpuPercent: 55.5, memoryUsage: 600, reporting: 3 });
  });
});
