import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EndpointSummary } from '@berth/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startPrivateEngine, type PrivateEngine } from '../../../scripts/lib/engine.mjs';
import type { Gateway } from '../src/gateway';
import { bearer, engineHost, startTestGateway, tempDataDir, tokenFor } from './harness';

// Three engines: the test engine (local, from DOCKER_HOST) and two more of their own, one of
// which also listens on TCP with TLS and client certificates made here.
let second: PrivateEngine;
let third: PrivateEngine | undefined;
let gateway: Gateway;
let admin: Record<string, string>;
const certs = tempDataDir();
const TLS_PORT = 23761;

function makeCertificates(dir: string): void {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  run('genrsa', '-out', 'ca-key.pem', '2048');
  run(
    'req',
    '-x509',
    '-new',
    '-key',
    'ca-key.pem',
    '-days',
    '1',
    '-subj',
    '/CN=berth-test-ca',
    '-out',
    'ca.pem',
  );
  run('genrsa', '-out', 'server-key.pem', '2048');
  run('req', '-new', '-key', 'server-key.pem', '-subj', '/CN=127.0.0.1', '-out', 'server.csr');
  writeFileSync(
    join(dir, 'server.ext'),
    'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n',
  );
  run(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca-key.pem',
    '-CAcreateserial',
    '-days',
    '1',
    '-out',
    'server-cert.pem',
    '-extfile',
    'server.ext',
  );
  run('genrsa', '-out', 'key.pem', '2048');
  run('req', '-new', '-key', 'key.pem', '-subj', '/CN=berth-client', '-out', 'client.csr');
  writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  run(
    'x509',
    '-req',
    '-in',
    'client.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca-key.pem',
    '-CAcreateserial',
    '-days',
    '1',
    '-out',
    'cert.pem',
    '-extfile',
    'client.ext',
  );
}

const pem = (name: string) => readFileSync(join(certs, name), 'utf8');

async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  headers = admin,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${gateway.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function eventually<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs: number,
): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return { value, ms: Date.now() - started };
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const listEndpoints = () => api<EndpointSummary[]>('GET', '/api/endpoints').then((r) => r.body);

beforeAll(async () => {
  makeCertificates(certs);
  // one after the other: two dockerds starting at once race on their iptables chains
  second = await startPrivateEngine({ name: 'itest-e2', dir: tempDataDir() });
  third = await startPrivateEngine({
    name: 'itest-e3',
    dir: tempDataDir(),
    extraArgs: [
      `--host=tcp://127.0.0.1:${TLS_PORT}`,
      '--tlsverify',
      `--tlscacert=${join(certs, 'ca.pem')}`,
      `--tlscert=${join(certs, 'server-cert.pem')}`,
      `--tlskey=${join(certs, 'server-key.pem')}`,
    ],
  });
  gateway = await startTestGateway();
  admin = bearer(tokenFor(gateway, 'admin'));
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all([second?.stop(), third?.stop()]);
});

describe('endpoints', () => {
  it('adds a unix endpoint and a TLS endpoint with real certificates; the fleet shows all three', async () => {
    const wrong = await api<{ message: string }>('POST', '/api/endpoints', {
      name: 'bad',
      url: 'http://x',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toMatch(/^url: must look like unix:\/\//);

    const probe = await api<{ ok: boolean; kind: string }>('POST', '/api/endpoints/test', {
      url: `tcp://127.0.0.1:${TLS_PORT}`,
      tls: { verify: true, ca: pem('ca.pem'), cert: pem('cert.pem'), key: pem('key.pem') },
    });
    expect(probe.body).toMatchObject({ ok: true, kind: 'docker' });
    const noClientCert = await api<{ ok: boolean; error: string }>('POST', '/api/endpoints/test', {
      url: `tcp://127.0.0.1:${TLS_PORT}`,
      tls: { verify: true, ca: pem('ca.pem') },
    });
    expect(noClientCert.body.ok).toBe(false);

    const added = await api<EndpointSummary>('POST', '/api/endpoints', {
      name: 'Build box',
      url: second.host,
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      id: 'build-box',
      status: 'up',
      source: 'saved',
      tls: false,
    });
    const secure = await api<EndpointSummary>('POST', '/api/endpoints', {
      name: 'Secure',
      url: `tcp://127.0.0.1:${TLS_PORT}`,
      tls: { verify: true, ca: pem('ca.pem'), cert: pem('cert.pem'), key: pem('key.pem') },
    });
    expect(secure.body).toMatchObject({ id: 'secure', status: 'up', tls: true, kind: 'docker' });
    expect(
      (await api<unknown[]>('GET', '/api/endpoints/secure/docker/containers/json')).status,
    ).toBe(200);
    // certificates never come back
    expect(JSON.stringify(await listEndpoints())).not.toContain('BEGIN');

    const all = await listEndpoints();
    expect(all.map((e) => [e.id, e.status])).toEqual([
      ['local', 'up'],
      ['build-box', 'up'],
      ['secure', 'up'],
    ]);
    expect((await api('DELETE', '/api/endpoints/local')).status).toBe(409);
  });

  it('turns a stopped engine down within 5 s while the others stay up, and recovers', async () => {
    await second.stop();
    const down = await eventually(
      listEndpoints,
      (l) => l.find((e) => e.id === 'build-box')?.status === 'down',
      8000,
    );
    expect(down.ms).toBeLessThan(5000);
    expect(down.value.filter((e) => e.id !== 'build-box').every((e) => e.status === 'up')).toBe(
      true,
    );
    // a down endpoint does not slow the others
    const started = Date.now();
    expect((await api('GET', '/api/endpoints/local/docker/info')).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(
      (await api<{ message: string }>('GET', '/api/endpoints/build-box/docker/info')).status,
    ).toBe(502);

    second = await startPrivateEngine({ name: 'itest-e2', dir: second.dataDir });
    await eventually(
      listEndpoints,
      (l) => l.find((e) => e.id === 'build-box')?.status === 'up',
      15_000,
    );
  });

  it("imports the Docker CLI's contexts", async () => {
    const dir = tempDataDir();
    const meta = join(dir, 'contexts', 'meta', 'abc123');
    mkdirSync(meta, { recursive: true });
    writeFileSync(
      join(meta, 'meta.json'),
      JSON.stringify({
        Name: 'laptop',
        Metadata: {},
        Endpoints: { docker: { Host: engineHost(), SkipTLSVerify: false } },
      }),
    );
    const other = join(dir, 'contexts', 'meta', 'def456');
    mkdirSync(other, { recursive: true });
    writeFileSync(
      join(other, 'meta.json'),
      JSON.stringify({
        Name: 'secure-ctx',
        Metadata: {},
        Endpoints: { docker: { Host: `tcp://127.0.0.1:${TLS_PORT}` } },
      }),
    );
    const tls = join(dir, 'contexts', 'tls', 'def456', 'docker');
    mkdirSync(tls, { recursive: true });
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(tls, f), pem(f));
    process.env.DOCKER_CONFIG = dir;
    try {
      const imported = await api<{ found: number; created: EndpointSummary[] }>(
        'POST',
        '/api/endpoints/import',
      );
      expect(imported.body.found).toBe(2);
      expect(imported.body.created.map((e) => e.name).sort()).toEqual(['laptop', 'secure-ctx']);
      await eventually(
        listEndpoints,
        (l) => l.find((e) => e.name === 'secure-ctx')?.status === 'up',
        10_000,
      );
    } finally {
      delete process.env.DOCKER_CONFIG;
    }
  });

  it('confines a user with a role on one endpoint to it, over REST and websockets', async () => {
    const token = tokenFor(gateway, 'operator');
    const user = gateway.security.users.byName('operator-user')!;
    const set = await api('PUT', `/api/users/${user.id}/endpoints`, {
      grants: [{ endpoint: 'build-box', role: 'viewer' }],
    });
    expect(set.status).toBe(200);
    const mine = await api<EndpointSummary[]>('GET', '/api/endpoints', undefined, bearer(token));
    expect(mine.body.map((e) => e.id)).toEqual(['build-box']);
    // the summary carries the role there, so the UI offers the buttons of a viewer, not an operator
    expect(mine.body[0]?.role).toBe('viewer');
    expect((await listEndpoints()).every((e) => e.role === 'admin')).toBe(true);
    expect(
      (await api('GET', '/api/endpoints/local/docker/containers/json', undefined, bearer(token)))
        .status,
    ).toBe(404);
    expect(
      (
        await api(
          'GET',
          '/api/endpoints/build-box/docker/containers/json',
          undefined,
          bearer(token),
        )
      ).status,
    ).toBe(200);
    expect(
      (await api('POST', '/api/endpoints/build-box/docker/containers/create', {}, bearer(token)))
        .status,
    ).toBe(403);
    const ws = (endpoint: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(
          `${gateway.url.replace('http', 'ws')}/api/endpoints/${endpoint}/ws/events`,
          { headers: bearer(token) },
        );
        socket.on('open', () => {
          socket.close();
          resolve(101);
        });
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      });
    expect(await ws('local')).toBe(404);
    expect(await ws('build-box')).toBe(101);
  });

  it('removes a saved endpoint', async () => {
    expect((await api('DELETE', '/api/endpoints/secure')).status).toBe(204);
    expect((await listEndpoints()).some((e) => e.id === 'secure')).toBe(false);
  });

  it('saves other addresses of an engine and works through the first that answers when the address does not', async () => {
    const refused = await api<{ message: string }>('POST', '/api/endpoints', {
      name: 'ssh pair',
      url: 'ssh://deploy@build',
      alternates: ['unix:///run/other.sock'],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/^alternates: other addresses work with unix/);

    const gone = `unix://${join(tempDataDir(), 'gone.sock')}`;
    const added = await api<EndpointSummary>('POST', '/api/endpoints', {
      name: 'Pair',
      url: gone,
      alternates: [second.host],
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      id: 'pair',
      url: gone,
      alternates: [second.host],
      connectedUrl: second.host,
      status: 'up',
    });
    expect((await api<unknown[]>('GET', '/api/endpoints/pair/docker/containers/json')).status).toBe(
      200,
    );
    expect((await api('DELETE', '/api/endpoints/pair')).status).toBe(204);
  });
});
