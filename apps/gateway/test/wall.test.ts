import type { WallDeviceSummary, WallLayoutSummary, WallPairingState } from '@berth/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../src/gateway';
import { bearer, startTestGateway, tokenFor } from './harness';

let gateway: Gateway;
let admin: Record<string, string>;

async function call<T>(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
) {
  const res = await fetch(`${gateway.url}${path}`, {
    method,
    headers: {
      Origin: gateway.url,
      ...headers,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : undefined) as T,
    cookie: res.headers.get('set-cookie'),
  };
}

beforeAll(async () => {
  gateway = await startTestGateway();
  admin = bearer(tokenFor(gateway, 'admin'));
});

afterAll(async () => {
  await gateway?.close();
});

describe('wall pairing', () => {
  it('pairs a screen by code without a password, binds it to a layout, and revokes it', async () => {
    const layout = await call<WallLayoutSummary>('POST', '/api/wall/layouts', admin, {
      name: 'Ops room',
      config: {
        rotateSeconds: 20,
        pages: [{ title: 'Fleet', tiles: [{ type: 'endpoints' }, { type: 'events' }] }],
      },
    });
    expect(layout.status).toBe(201);
    const other = await call<WallLayoutSummary>('POST', '/api/wall/layouts', admin, {
      name: 'Other',
      config: { pages: [{ tiles: [{ type: 'endpoints' }] }] },
    });
    expect(other.body.config.rotateSeconds).toBe(30);
    const invalid = await call<{ message: string }>('POST', '/api/wall/layouts', admin, {
      name: 'Bad',
      config: { pages: [] },
    });
    expect(invalid.status).toBe(400);

    // the wall: no session at all
    const started = await call<{ secret: string; code: string; expiresAt: number }>(
      'POST',
      '/api/wall/pairings',
    );
    expect(started.status).toBe(201);
    expect(started.body.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    const pending = await call<WallPairingState>(
      'POST',
      '/api/wall/pairings/state',
      {},
      { secret: started.body.secret },
    );
    expect(pending.status).toBe(202);
    expect(pending.body).toMatchObject({ status: 'pending', code: started.body.code });

    // an admin approves from their own session; the code alone is not enough for anyone else
    expect(
      (
        await call('POST', '/api/wall/pairings/approve', bearer(tokenFor(gateway, 'operator')), {
          code: started.body.code,
          name: 'TV',
          layoutId: layout.body.id,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('POST', '/api/wall/pairings/approve', admin, {
          code: 'ZZZZZZ',
          name: 'TV',
          layoutId: null,
        })
      ).status,
    ).toBe(404);
    const approved = await call<WallDeviceSummary>('POST', '/api/wall/pairings/approve', admin, {
      code: started.body.code.toLowerCase(),
      name: 'Ops TV',
      layoutId: layout.body.id,
    });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ name: 'wall-ops-tv', layoutId: layout.body.id });

    const done = await call<WallPairingState>(
      'POST',
      '/api/wall/pairings/state',
      {},
      { secret: started.body.secret },
    );
    expect(done.body).toEqual({ status: 'approved', layoutId: layout.body.id });
    const cookie = done.cookie!.split(';')[0]!;
    // the pairing is used up
    expect(
      (await call('POST', '/api/wall/pairings/state', {}, { secret: started.body.secret })).status,
    ).toBe(404);

    const wall = { Cookie: cookie };
    expect((await call<{ role: string }>('GET', '/api/auth/me', wall)).body).toMatchObject({
      username: 'wall-ops-tv',
      role: 'viewer',
    });
    expect(
      (await call<WallLayoutSummary[]>('GET', '/api/wall/layouts', wall)).body.map((l) => l.name),
    ).toEqual(['Ops room']);
    expect((await call('GET', `/api/wall/layouts/${other.body.id}`, wall)).status).toBe(404);
    expect((await call('GET', '/api/endpoints/local/docker/containers/json', wall)).status).toBe(
      200,
    );
    expect(
      (await call('POST', '/api/endpoints/local/docker/containers/create', wall, {})).status,
    ).toBe(403);
    // nobody logs in as a device, and it is not listed among people
    expect(
      (await call('POST', '/api/auth/login', {}, { username: 'wall-ops-tv', password: '!' }))
        .status,
    ).toBe(401);
    expect(
      (await call<Array<{ username: string }>>('GET', '/api/users', admin)).body.map(
        (u) => u.username,
      ),
    ).not.toContain('wall-ops-tv');

    const devices = await call<WallDeviceSummary[]>('GET', '/api/wall/devices', admin);
    expect(devices.body).toHaveLength(1);
    expect((await call('DELETE', `/api/wall/devices/${approved.body.id}`, admin)).status).toBe(204);
    expect((await call('GET', '/api/auth/me', wall)).status).toBe(401);
  });
});
