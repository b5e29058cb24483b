import type { ContainerRow } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { filterAndSort, parseContainersSearch } from './filter-sort';

function row(partial: Partial<ContainerRow> & { name: string }): ContainerRow {
  return {
    id: `${partial.name}0000000000000000`,
    shortId: partial.name.slice(0, 12),
    image: 'busybox',
    state: 'running',
    status: 'Up 1 minute',
    health: null,
    ports: [],
    ips: [],
    created: 0,
    command: '',
    labels: {},
    ...partial,
  };
}

const rows = [
  row({ name: 'web10', state: 'exited', created: 3, ips: ['172.17.0.10'] }),
  row({ name: 'web2', state: 'running', created: 1, ips: ['172.17.0.9'], image: 'nginx' }),
  row({ name: 'db', state: 'paused', created: 2, health: 'unhealthy', id: 'abc123def' }),
];

const names = (list: ContainerRow[]) => list.map((r) => r.name);

describe('filterAndSort', () => {
  it('sorts names naturally (web2 before web10) in both directions', () => {
    expect(
      names(
        filterAndSort(rows, { text: '', state: 'all', sort: { key: 'name', direction: 'asc' } }),
      ),
    ).toEqual(['db', 'web2', 'web10']);
    expect(
      names(
        filterAndSort(rows, { text: '', state: 'all', sort: { key: 'name', direction: 'desc' } }),
      ),
    ).toEqual(['web10', 'web2', 'db']);
  });

  it('sorts states by urgency and IPs numerically', () => {
    expect(
      names(
        filterAndSort(rows, { text: '', state: 'all', sort: { key: 'state', direction: 'asc' } }),
      ),
    ).toEqual(['web2', 'db', 'web10']);
    expect(
      names(
        filterAndSort(rows, { text: '', state: 'all', sort: { key: 'ips', direction: 'asc' } }),
      ),
    ).toEqual(['web2', 'web10', 'db']);
  });

  it('filters by name, image or id prefix, and by state or health', () => {
    const sort = { key: 'name', direction: 'asc' } as const;
    expect(names(filterAndSort(rows, { text: 'WEB', state: 'all', sort }))).toEqual([
      'web2',
      'web10',
    ]);
    expect(names(filterAndSort(rows, { text: 'nginx', state: 'all', sort }))).toEqual(['web2']);
    expect(names(filterAndSort(rows, { text: 'abc1', state: 'all', sort }))).toEqual(['db']);
    expect(names(filterAndSort(rows, { text: '', state: 'exited', sort }))).toEqual(['web10']);
    expect(names(filterAndSort(rows, { text: '', state: 'unhealthy', sort }))).toEqual(['db']);
  });
});

describe('parseContainersSearch', () => {
  it('keeps known values and drops defaults and junk', () => {
    expect(
      parseContainersSearch({
        q: 'web',
        state: 'running',
        sort: 'created',
        dir: 'desc',
        stopped: false,
      }),
    ).toEqual({ q: 'web', state: 'running', sort: 'created', dir: 'desc', stopped: false });
    expect(
      parseContainersSearch({ q: '', state: 'all', sort: 'bogus', dir: 'up', stopped: true }),
    ).toEqual({});
    expect(parseContainersSearch({ stopped: '0' })).toEqual({ stopped: false });
  });
});
