import { describe, expect, it } from 'vitest';
import { listStacks } from './stack-list';
import type { StackEngine } from './stack-engine';

/**
 * A stand-in engine answering as PouchContainer 1.3 does (no pouchd can run here; the shape is
 * the recorded one of /work/shared/fixtures: a container list without State or Ports, and no
 * swarm).
 */
function pouchLikeEngine(): StackEngine {
  const labels = (service: string, n: number) => ({
    'com.docker.compose.project': 'shop',
    'com.docker.compose.service': service,
    'com.docker.compose.container-number': String(n),
    'com.docker.compose.oneoff': 'False',
  });
  const list = [
    {
      Id: 'a',
      Names: ['shop-web-1'],
      Image: 'busybox',
      Status: 'Up 8 seconds',
      Created: 1,
      Labels: labels('web', 1),
    },
    {
      Id: 'b',
      Names: ['shop-db-1'],
      Image: 'busybox',
      Status: 'Stopped (0) 3 seconds',
      Created: 2,
      Labels: labels('db', 1),
    },
  ];
  const call = (_method: string, path: string) =>
    Promise.resolve(
      path.startsWith('/containers/json')
        ? { status: 200, body: list }
        : { status: 404, body: { message: 'page not found' } },
    );
  return { call, ok: call } as unknown as StackEngine;
}

describe('listStacks on a PouchContainer-shaped engine', () => {
  it('takes each container state from the Status text when the list has no State', async () => {
    const [stack] = await listStacks(pouchLikeEngine(), []);
    expect(stack).toMatchObject({
      name: 'shop',
      kind: 'compose',
      running: 1,
      containers: 2,
      status: 'partial',
      services: [
        { name: 'db', running: 0, total: 1 },
        { name: 'web', running: 1, total: 1 },
      ],
    });
  });
});
