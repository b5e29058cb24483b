import type { ContainerRow } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { countContainers } from './container-counts';

const row = (name: string, state: ContainerRow['state'], health: ContainerRow['health'] = null) =>
  ({ id: name, name, state, health }) as ContainerRow;

describe('countContainers', () => {
  it('counts states and calls out unhealthy and restarting containers', () => {
    const counts = countContainers([
      row('a', 'running'),
      row('b', 'running', 'unhealthy'),
      row('c', 'paused'),
      row('d', 'exited'),
      row('e', 'created'),
      row('f', 'restarting'),
    ]);
    expect(counts.running).toBe(2);
    expect(counts.paused).toBe(1);
    expect(counts.stopped).toBe(2);
    expect(counts.unhealthy.map((r) => r.name)).toEqual(['b']);
    expect(counts.restarting.map((r) => r.name)).toEqual(['f']);
  });
});
