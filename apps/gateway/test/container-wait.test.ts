// ContainerWait through the relay, against the real engine: the call stays open until the
// container exits and answers with its exit code; a viewer may wait (it changes nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../src/gateway';
import {
  bearer,
  createContainer,
  engine,
  removeTestContainers,
  startTestGateway,
  tokenFor,
} from './harness';

let gateway: Gateway;

beforeAll(async () => {
  await removeTestContainers();
  gateway = await startTestGateway();
});

afterAll(async () => {
  await removeTestContainers();
  await gateway?.close();
});

const wait = (id: string, role: 'viewer' | 'operator', query = '') =>
  fetch(`${gateway.url}/api/endpoints/local/docker/containers/${id}/wait${query}`, {
    method: 'POST',
    headers: bearer(tokenFor(gateway, role)),
  });

describe('ContainerWait through the relay', () => {
  it('holds the call until the container exits and answers with the exit code', async () => {
    const id = await createContainer('wait-exit', ['sh', '-c', 'sleep 1; exit 5']);
    // next-exit, asked before the start, cannot miss a quick exit.
    const waiting = wait(id, 'viewer', '?condition=next-exit');
    const res = await waiting;
    expect(res.status).toBe(200);
    const started = Date.now();
    await engine('POST', `/containers/${id}/start`);
    expect(await res.json()).toEqual(expect.objectContaining({ StatusCode: 5 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('answers at once for a container that already exited', async () => {
    const id = await createContainer('wait-done', ['sh', '-c', 'exit 2']);
    await engine('POST', `/containers/${id}/start`);
    await engine('POST', `/containers/${id}/wait`);
    const res = await wait(id, 'operator');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { StatusCode: number }).StatusCode).toBe(2);
  });

  it("keeps the engine's 404 for a missing container", async () => {
    const res = await wait('no-such-container-w', 'viewer');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toMatch(/no-such-container-w/);
  });
});
