import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_ROUTES, type Me } from '@berth/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Gateway } from '../src/gateway';
import {
  ADMIN_PASSWORD,
  bearer,
  createContainer,
  engine,
  removeTestContainers,
  startTestGateway,
  tempDataDir,
  tokenFor,
} from './harness';

let gateway: Gateway;
let dataDir: string;
let origin: string;

/** A concrete path for a route template: parameters become harmless placeholders. */
const concrete = (path: string) => path.replace(/\{(\w+)\*?\}/g, 'berth-probe');

async function call(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const res = await fetch(`${gateway.url}${path}`, init);
  const text = await res.text();
  let body: { message?: string } = {};
  try {
    body = JSON.parse(text) as { message?: string };
  } catch {
    // not JSON
  }
  return { status: res.status, body, headers: res.headers, text };
}

async function login(username: string, password: string): Promise<string> {
  const res = await fetch(`${gateway.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/berth_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict/);
  return cookie.split(';')[0]!;
}

beforeAll(async () => {
  await removeTestContainers();
  dataDir = tempDataDir();
  gateway = await startTestGateway({ BERTH_DATA: dataDir });
  origin = gateway.url;
});

afterAll(async () => {
  await removeTestContainers();
  await gateway?.close();
});

describe('nobody gets in without a session or token', () => {
  it('answers 401 JSON to every relay route of both engine references', async () => {
    expect(ENGINE_ROUTES.length).toBeGreaterThan(100);
    for (const route of ENGINE_ROUTES) {
      const res = await call(`/api/endpoints/local/docker${concrete(route.path)}`, {
        method: route.method,
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
      if (route.method !== 'HEAD') expect(res.body.message, route.op).toBe('Log in first.');
    }
  });

  it('keeps health, login and first-run open and everything else closed', async () => {
    expect((await call('/api/health')).status).toBe(200);
    expect((await call('/api/auth/setup')).body).toEqual({ needed: false });
    for (const path of [
      '/api/endpoints',
      '/api/auth/me',
      '/api/users',
      '/api/tokens',
      '/api/audit',
      '/metrics',
      '/api/settings/security',
    ]) {
      expect((await call(path)).status, path).toBe(401);
    }
  });

  it('refuses a forged or revoked token', async () => {
    expect((await call('/api/endpoints', { headers: bearer('berth_forged') })).status).toBe(401);
  });

  it('sends security headers', async () => {
    const res = await call('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
  });
});

describe('roles on the relay', () => {
  it('answers 403 to every mutating relay route for a viewer, before the engine sees it', async () => {
    const viewer = bearer(tokenFor(gateway, 'viewer'));
    const mutating = ENGINE_ROUTES.filter((r) => !r.readOnly);
    expect(mutating.length).toBeGreaterThan(60);
    for (const route of mutating) {
      const res = await call(`/api/endpoints/local/docker${concrete(route.path)}`, {
        method: route.method,
        headers: viewer,
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
      expect(res.body.message).toMatch(
        /^Your role \(viewer\) cannot do \w+; it needs (operator|admin)\.$/,
      );
    }
  });

  it('lets a viewer read and an operator run containers, but not prune or touch swarm and plugins', async () => {
    const viewer = bearer(tokenFor(gateway, 'viewer'));
    const operator = bearer(tokenFor(gateway, 'operator'));
    expect(
      (await call('/api/endpoints/local/docker/containers/json', { headers: viewer })).status,
    ).toBe(200);
    const id = await createContainer('sec-operator', ['sleep', '60']);
    expect(
      (
        await call(`/api/endpoints/local/docker/containers/${id}/start`, {
          method: 'POST',
          headers: operator,
        })
      ).status,
    ).toBe(204);
    expect(
      (await engine<{ State: { Running: boolean } }>('GET', `/containers/${id}/json`)).body.State
        .Running,
    ).toBe(true);
    for (const [method, path] of [
      ['POST', '/containers/prune'],
      ['POST', '/swarm/init'],
      ['GET', '/plugins'],
      ['GET', '/swarm'],
      ['POST', '/grpc'],
    ] as const) {
      expect(
        (await call(`/api/endpoints/local/docker${path}`, { method, headers: operator })).status,
        path,
      ).toBe(403);
    }
  });
});

describe('policy on bodies for non-admins', () => {
  const create = (headers: Record<string, string>, body: object) =>
    call('/api/endpoints/local/docker/containers/create?name=sec-policy', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        Image: 'berth/busybox:latest',
        Labels: { 'berth.test': 'integration' },
        ...body,
      }),
    });

  it.each([
    ['privileged', { HostConfig: { Privileged: true } }, /HostConfig\.Privileged/],
    [
      'Binds of /',
      { HostConfig: { Binds: ['/:/host'] } },
      /host path \/ \(HostConfig\.Binds\[0\]\)/,
    ],
    [
      'Mounts of /',
      { HostConfig: { Mounts: [{ Type: 'bind', Source: '/', Target: '/host' }] } },
      /host path \/ \(HostConfig\.Mounts\[0\]\)/,
    ],
    ['host PID namespace', { HostConfig: { PidMode: 'host' } }, /PidMode=host/],
    ['added capabilities', { HostConfig: { CapAdd: ['SYS_ADMIN'] } }, /CapAdd/],
  ])('refuses an operator a container with %s, saying why', async (_name, body, why) => {
    const res = await create(bearer(tokenFor(gateway, 'operator')), body);
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/^Refused by Berth's policy for non-admins: /);
    expect(res.body.message).toMatch(why);
    expect((await engine('GET', '/containers/sec-policy/json')).status).toBe(404);
  });

  it('refuses an operator a swarm service with a host mount', async () => {
    const res = await call('/api/endpoints/local/docker/services/create', {
      method: 'POST',
      headers: { ...bearer(tokenFor(gateway, 'operator')), 'Content-Type': 'application/json' },
      body: JSON.stringify({
        Name: 'sec-svc',
        TaskTemplate: {
          ContainerSpec: {
            Image: 'berth/busybox:latest',
            Mounts: [{ Type: 'bind', Source: '/etc', Target: '/host-etc' }],
          },
        },
      }),
    });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(
      /host path \/etc \(TaskTemplate\.ContainerSpec\.Mounts\[0\]\)/,
    );
  });

  it('lets binds under a path the admin allowed through, and admins past the policy', async () => {
    const admin = bearer(tokenFor(gateway, 'admin'));
    const put = await call('/api/settings/security', {
      method: 'PUT',
      headers: { ...admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ allowedBindPaths: ['/tmp'] }),
    });
    expect(put.status).toBe(200);
    const ok = await create(bearer(tokenFor(gateway, 'operator')), {
      HostConfig: { Binds: ['/tmp:/data:ro'] },
    });
    expect(ok.status).toBe(201);
    await engine('DELETE', '/containers/sec-policy?force=1');
    const privileged = await create(admin, { HostConfig: { Privileged: true } });
    expect(privileged.status).toBe(201);
    await engine('DELETE', '/containers/sec-policy?force=1');
  });
});

describe('sessions, CSRF and tokens', () => {
  it('logs in with a cookie that works, and logs out', async () => {
    const cookie = await login('admin', ADMIN_PASSWORD);
    const me = await call('/api/auth/me', { headers: { Cookie: cookie } });
    expect(me.body).toMatchObject({
      username: 'admin',
      role: 'admin',
      via: 'session',
    } satisfies Partial<Me>);
    const out = await call('/api/auth/logout', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: origin },
    });
    expect(out.status).toBe(204);
    expect((await call('/api/auth/me', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('answers a wrong password with 401 and the same words as an unknown user', async () => {
    const wrong = await call('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ username: 'admin', password: 'not-the-password' }),
    });
    const unknown = await call('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ username: 'nobody', password: 'not-the-password' }),
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('refuses a cookie mutation without Origin or CSRF header, and from a foreign origin', async () => {
    const cookie = await login('admin', ADMIN_PASSWORD);
    const id = await createContainer('sec-csrf', ['sleep', '60']);
    const start = (headers: Record<string, string>) =>
      call(`/api/endpoints/local/docker/containers/${id}/start`, {
        method: 'POST',
        headers: { Cookie: cookie, ...headers },
      });
    const bare = await start({});
    expect(bare.status).toBe(403);
    expect(bare.body.message).toMatch(/needs an Origin header or the x-berth-csrf header/);
    const foreign = await start({ Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toMatch(/Requests from https:\/\/evil\.example are not allowed/);
    expect(
      (await engine<{ State: { Running: boolean } }>('GET', `/containers/${id}/json`)).body.State
        .Running,
    ).toBe(false);
    expect((await start({ 'X-Berth-Csrf': '1' })).status).toBe(204);
    expect((await start({ Origin: origin })).status).toBe(304);
  });

  it('turns away a DNS-rebinding page by its Host header', async () => {
    const { port } = new URL(gateway.url);
    const res = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/api/auth/setup',
            headers: { Host: `evil.example:${port}` },
          },
          (r) => {
            r.resume();
            resolve(r.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      }, reject);
    });
    expect(res).toBe(421);
  });

  it('creates a token shown once, uses it, caps its role and revokes it', async () => {
    const cookie = await login('admin', ADMIN_PASSWORD);
    const headers = { Cookie: cookie, Origin: origin, 'Content-Type': 'application/json' };
    const created = await call('/api/tokens', {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'ci', role: 'viewer' }),
    });
    expect(created.status).toBe(201);
    const token = (created.body as { token: string; id: number }).token;
    const id = (created.body as { id: number }).id;
    expect(token).toMatch(/^berth_[\w-]{43}$/);
    const list = await call('/api/tokens', { headers: { Cookie: cookie } });
    expect(list.text).not.toContain(token);
    expect(
      (await call('/api/endpoints/local/docker/containers/json', { headers: bearer(token) }))
        .status,
    ).toBe(200);

    const viewerToken = bearer(token);
    const escalate = await call('/api/tokens', {
      method: 'POST',
      headers: { ...viewerToken, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'more', role: 'admin' }),
    });
    expect(escalate.status).toBe(403);

    expect((await call(`/api/tokens/${id}`, { method: 'DELETE', headers })).status).toBe(204);
    expect(
      (await call('/api/endpoints/local/docker/containers/json', { headers: bearer(token) }))
        .status,
    ).toBe(401);
  });

  it('rate-limits failed logins per user name', async () => {
    const attempt = () =>
      call('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: origin },
        body: JSON.stringify({ username: 'victim', password: 'guess-guess-guess' }),
      });
    for (let i = 0; i < 10; i++) expect((await attempt()).status).toBe(401);
    const locked = await attempt();
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('websocket upgrades', () => {
  const open = (headers: Record<string, string>, kind = 'events') =>
    new Promise<{ status: number; message?: string }>((resolve) => {
      const ws = new WebSocket(
        `${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws/${kind}`,
        { headers },
      );
      ws.on('open', () => {
        ws.once('message', (data: Buffer) => {
          resolve({ status: 101, message: data.toString() });
          ws.close();
        });
      });
      ws.on('unexpected-response', (_req, res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0 });
      });
    });

  it('refuses anonymous, foreign-origin and under-privileged upgrades, accepts the admin from our origin', async () => {
    const cookie = await login('admin', ADMIN_PASSWORD);
    expect((await open({ Origin: origin })).status).toBe(401);
    expect((await open({ Origin: 'https://evil.example', Cookie: cookie })).status).toBe(403);
    expect((await open({ Cookie: cookie })).status).toBe(403);
    expect(
      (await open({ Origin: origin, ...bearer(tokenFor(gateway, 'viewer')) }, 'exec')).status,
    ).toBe(403);
    const accepted = await open({ Origin: origin, Cookie: cookie });
    expect(accepted.status).toBe(101);
    expect(JSON.parse(accepted.message!)).toEqual({ type: 'engine', status: 'up' });
  });
});

describe('storage', () => {
  it('keeps sessions across a gateway restart', async () => {
    const cookie = await login('admin', ADMIN_PASSWORD);
    await gateway.close();
    gateway = await startTestGateway({ BERTH_DATA: dataDir });
    origin = gateway.url;
    expect((await call('/api/auth/me', { headers: { Cookie: cookie } })).body).toMatchObject({
      username: 'admin',
    });
  });

  it('stores password hashes (argon2id), never the passwords', () => {
    const bytes = readdirSync(dataDir)
      .filter((f) => f.startsWith('berth.db'))
      .map((f) => readFileSync(join(dataDir, f)).toString('latin1'))
      .join('');
    expect(bytes).not.toContain(ADMIN_PASSWORD);
    expect(bytes).toContain('$argon2id$');
  });

  it('writes audit rows for logins, mutations and refusals, and exports them as CSV', async () => {
    const admin = bearer(tokenFor(gateway, 'admin'));
    const page = (await call('/api/audit?limit=1000', { headers: admin })).body as unknown as {
      entries: Array<{ action: string; result: string; username: string | null }>;
      total: number;
    };
    const actions = page.entries.map((e) => `${e.action}:${e.result}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'login:ok',
        'login:denied',
        'ContainerStart:ok',
        'ContainerCreate:denied',
        'csrf:denied',
        'ws.events:denied',
        'token.create:ok',
        'token.revoke:ok',
        'settings.security:ok',
      ]),
    );
    const csv = await call('/api/audit.csv?result=denied', { headers: admin });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe(
      'time,username,role,ip,endpoint,action,target,status,result,detail',
    );
    expect(csv.text).toContain('ContainerCreate');
  });
});

describe('first run', () => {
  it('shows the setup page until the first admin exists, and only once', async () => {
    const fresh = await startTestGateway({ BERTH_DATA: tempDataDir(), BERTH_ADMIN_PASSWORD: '' });
    try {
      const get = (path: string) => fetch(`${fresh.url}${path}`);
      expect(await (await get('/api/auth/setup')).json()).toEqual({ needed: true });
      const closed = await get('/api/endpoints');
      expect(closed.status).toBe(401);
      expect(await closed.json()).toEqual({
        message: 'Berth has no admin yet: create one on the first-run page.',
      });
      const post = (body: object) =>
        fetch(`${fresh.url}/api/auth/setup`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: fresh.url },
          body: JSON.stringify(body),
        });
      const weak = await post({ username: 'root', password: 'short' });
      expect(weak.status).toBe(400);
      expect(((await weak.json()) as { message: string }).message).toMatch(
        /at least 10 characters/,
      );
      const made = await post({ username: 'root', password: 'tide-lamp-orbit-9' });
      expect(made.status).toBe(201);
      expect(made.headers.get('set-cookie')).toMatch(/berth_session=/);
      expect((await post({ username: 'second', password: 'tide-lamp-orbit-9' })).status).toBe(409);
      expect(await (await get('/api/auth/setup')).json()).toEqual({ needed: false });
    } finally {
      await fresh.close();
    }
  });
});
