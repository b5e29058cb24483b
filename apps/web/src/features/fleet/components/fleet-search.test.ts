import type { ContainerRow, EndpointSummary } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { searchFleet } from './fleet-search';

const endpoint = (id: string) => ({ id, name: id }) as EndpointSummary;
const row = (name: string, id: string, image = 'busybox') =>
  ({ name, id, image, state: 'running', health: null }) as ContainerRow;

describe('searchFleet', () => {
  it('finds containers on every endpoint, name matches first, then id prefix and image', () => {
    const lists = [
      { endpoint: endpoint('a'), rows: [row('web-1', 'aaa111'), row('db', 'web999')] },
      {
        endpoint: endpoint('b'),
        rows: [row('api', 'bbb222', 'registry/web-app'), row('Web-2', 'ccc')],
      },
      { endpoint: endpoint('down'), rows: undefined },
    ];
    expect(searchFleet(lists, ' WEB ').map((m) => `${m.endpoint.id}/${m.row.name}`)).toEqual([
      'a/web-1',
      'b/Web-2',
      'a/db',
      'b/api',
    ]);
    expect(searchFleet(lists, 'bbb2').map((m) => m.row.name)).toEqual(['api']);
    expect(searchFleet(lists, '   ')).toEqual([]);
  });
});
