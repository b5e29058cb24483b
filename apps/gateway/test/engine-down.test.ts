import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { EndpointSummary } from '@berth/api';
import { startPrivateEngine, type PrivateEngine } from '../../../scripts/lib/engine.mjs';
import type { Gateway } from '../src/gateway';
import { bearer, startTestGateway, tokenFor } from './harness';

// A second real engine, started only after the gateway has seen its socket missing.
const SOCKET_DIR = '/tmp/berth-run-itest-down';
let gateway: Gateway | undefined;
let late: PrivateEngine | undefined;

afterAll(async () => {
  await gateway?.close();
  await late?.stop();
});

let auth: Record<string, string> = {};
const get = (path: string) => fetch(`${gateway!.url}${path}`, { headers: auth });

async function endpoint(): Promise<EndpointSummary> {
  const list = (await (await get('/api/endpoints')).json()) as EndpointSummary[];
  return list[0]!;
}

describe('engine down', () => {
  it('answers 502 with an actionable message, keeps running, and recovers when the engine returns', async () => {
    rmSync(SOCKET_DIR, { recursive: true, force: true });
    gateway = await startTestGateway({ DOCKER_HOST: `unix://${SOCKET_DIR}/docker.sock` });
    auth = bearer(tokenFor(gateway, 'viewer'));

    const down = await get('/api/endpoints/local/docker/containers/json');
    expect(down.status).toBe(502);
    const body = (await down.json()) as { message: string };
    expect(body.message).toBe(
      `Cannot reach the engine at unix://${SOCKET_DIR}/docker.sock: the socket does not exist. Is the engine running?`,
    );
    expect(await endpoint()).toMatchObject({ status: 'down', error: body.message });

    // the gateway itself is fine
    expect((await get('/api/health')).status).toBe(200);

    late = await startPrivateEngine({ name: 'itest-down' });
    expect(late.socket).toBe(`${SOCKET_DIR}/docker.sock`);
    const up = await get('/api/endpoints/local/docker/containers/json?all=1');
    expect(up.status).toBe(200);
    expect(Array.isArray(await up.json())).toBe(true);
    expect(await endpoint()).toMatchObject({ status: 'up', apiVersion: '1.41', error: null });
  });
});
