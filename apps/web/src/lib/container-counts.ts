import type { ContainerRow } from '@berth/api';

export interface ContainerCounts {
  running: number;
  paused: number;
  stopped: number;
  /** Running but failing their health check. */
  unhealthy: ContainerRow[];
  /** In a restart loop (the engine says `restarting`). */
  restarting: ContainerRow[];
}

/** Running / paused / stopped, and the containers that need someone's attention. */
export function countContainers(rows: readonly ContainerRow[]): ContainerCounts {
  const counts: ContainerCounts = {
    running: 0,
    paused: 0,
    stopped: 0,
    unhealthy: [],
    restarting: [],
  };
  for (const row of rows) {
    if (row.state === 'running') counts.running++;
    else if (row.state === 'paused') counts.paused++;
    else if (row.state === 'restarting') counts.restarting.push(row);
    else counts.stopped++;
    if (row.health === 'unhealthy') counts.unhealthy.push(row);
  }
  return counts;
}
