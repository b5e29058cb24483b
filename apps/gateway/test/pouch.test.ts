import type { EndpointSummary, EventsMessage, StatsMessage } from '@berth/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Gateway } from '../src/gateway';
import { bearer, startTestGateway, tokenFor } from './harness';
import { startPouchReplay, type PouchReplay } from './pouch-replay';
import { openTerminal } from './terminal-client';

let replay: PouchReplay;
let gateway: Gateway;
let auth: Record<string, string>;

beforeAll(async () => {
  replay = await startPouchReplay();
  gateway = await startTestGateway({ DOCKER_HOST: replay.host });
  auth = bearer(tokenFor(gateway, 'admin'));
});

afterAll(async () => {
  await gateway?.close();
  await replay?.close();
});

const call = (path: string, init: RequestInit = {}) =>
  fetch(`${gateway.url}${path}`, {
    ...init,
    headers: { ...auth, ...(init.headers as Record<string, string>) },
  });

function messages<T>(
  kind: string,
  send?: object,
): Promise<{ ws: WebSocket; got: T[]; until(p: (m: T) => boolean): Promise<T> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(
      `${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws/${kind}`,
      { headers: auth },
    );
    const got: T[] = [];
    ws.on('message', (d: Buffer) => got.push(JSON.parse(d.toString()) as T));
    ws.on('open', () => {
      if (send) ws.send(JSON.stringify(send));
      resolve({
        ws,
        got,
        until: (p) =>
          new Promise((done, fail) => {
            const started = Date.now();
            const tick = () => {
              const found = got.find(p);
              if (found) return done(found);
              if (Date.now() - started > 10_000)
                return fail(new Error(`timed out: ${JSON.stringify(got.slice(-3))}`));
              setTimeout(tick, 20);
            };
            tick();
          }),
      });
    });
    ws.on('error', reject);
  });
}

describe('pouch replay: the gateway against recorded pouchd answers', () => {
  it('learns the engine kind and API version from the engine itself', async () => {
    const [endpoint] = (await (await call('/api/endpoints')).json()) as EndpointSummary[];
    expect(endpoint).toMatchObject({
      kind: 'pouch',
      apiVersion: '1.24',
      engineVersion: '1.3.0',
      status: 'up',
    });
  });

  it("relays Pouch's paths as they are, with its /v1.24 prefix", async () => {
    const res = await call('/api/endpoints/local/docker/containers/json?all=1');
    expect(res.status).toBe(200);
    expect(replay.seen).toContain('GET /v1.24/containers/json?all=1');
    const kill = await call('/api/endpoints/local/docker/containers/fx-running/kill', {
      method: 'POST',
    });
    expect(kill.status).toBe(405);
    expect(await kill.json()).toEqual({ message: 'The engine answered HTTP 405.' });
  });

  it("relays VolumeInspect to pouchd's GET /volumes/{id}, its Status included", async () => {
    const res = await call('/api/endpoints/local/docker/volumes/fixture-vol');
    expect(res.status).toBe(200);
    expect(replay.seen).toContain('GET /v1.24/volumes/fixture-vol');
    expect(await res.json()).toMatchObject({
      Name: 'fixture-vol',
      Mountpoint: '/tmp/pouch/home/volume/fixture-vol',
      Status: { size: '' },
    });
  });

  it('normalises events to Docker field names on the events socket', async () => {
    const events = await messages<EventsMessage>('events');
    const die = await events.until((m) => m.type === 'event' && m.event.Action === 'die');
    expect(die).toMatchObject({
      type: 'event',
      event: { Type: 'container', Action: 'die', Actor: { Attributes: { name: 'demo1' } } },
    });
    events.ws.close();
  });

  it('asks for stream=1 and computes stats without precpu_stats', async () => {
    const stats = await messages<StatsMessage>('stats', {
      type: 'subscribe',
      containers: ['fx-running'],
    });
    const second = await stats.until(
      (m) => m.type === 'stats' && stats.got.filter((x) => x.type === 'stats').length >= 2,
    );
    expect(
      replay.seen.some((s) => s.startsWith('GET /v1.24/containers/fx-running/stats?stream=1')),
    ).toBe(true);
    expect(second).toMatchObject({
      type: 'stats',
      container: 'fx-running',
      memoryLimit: expect.any(Number),
    });
    stats.ws.close();
  });

  it('demultiplexes pouchd logs into stdout and stderr', async () => {
    const t = await openTerminal(
      `${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws/logs?container=fx-running&follow=0&tail=2&timestamps=1`,
      auth,
    );
    await t.closed;
    expect(t.text(1)).toMatch(/^\d{4}-\d\d-\d\dT\S+Z out \d+\n/);
    expect(t.text(2)).toMatch(/^\d{4}-\d\d-\d\dT\S+Z err \d+\n/);
  });

  it('demultiplexes pouchd exec output and reads the exit code from exec inspect', async () => {
    const cmd = encodeURIComponent(JSON.stringify(['sh', '-c', 'echo hi; echo oops >&2; exit 7']));
    const t = await openTerminal(
      `${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws/exec?container=fx-running&cmd=${cmd}&tty=0&flow=off`,
      auth,
    );
    await t.closed;
    expect(t.text(1)).toBe('hi\n');
    expect(t.text(2)).toBe('oops\n');
    expect(t.statuses).toContainEqual({ type: 'exit', exitCode: 7 });
    expect(replay.seen).toContain('POST /v1.24/containers/fx-running/exec');
  });

  it('answers pouchd errors in its own words: exec in a paused container, a running remove', async () => {
    const exec = await call('/api/endpoints/local/docker/containers/fx-paused/exec', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Cmd: ['true'] }),
    });
    expect(exec.status).toBe(500);
    const remove = await call('/api/endpoints/local/docker/containers/fx-running', {
      method: 'DELETE',
    });
    expect(remove.status).toBe(500);
    expect(((await remove.json()) as { message: string }).message).toMatch(/\S/);
  });
});

describe('pouch replay: ContainerWait (fixture made from the reference, no recording)', () => {
  it('relays POST /containers/{id}/wait with its /v1.24 prefix and the exit code', async () => {
    const res = await call('/api/endpoints/local/docker/containers/fx-exited/wait', {
      method: 'POST',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ Error: '', StatusCode: 3 });
    expect(replay.seen).toContain('POST /v1.24/containers/fx-exited/wait');
  });

  it('lets a viewer wait (it changes nothing) but not start', async () => {
    const viewer = bearer(tokenFor(gateway, 'viewer'));
    const wait = await fetch(
      `${gateway.url}/api/endpoints/local/docker/containers/fx-exited/wait`,
      {
        method: 'POST',
        headers: viewer,
      },
    );
    expect(wait.status).toBe(200);
    const start = await fetch(
      `${gateway.url}/api/endpoints/local/docker/containers/fx-exited/start`,
      {
        method: 'POST',
        headers: viewer,
      },
    );
    expect(start.status).toBe(403);
  });
});

/**
 * Every endpoint of the PouchContainer reference that Berth calls, through Berth's relay (the
 * same calls the UI makes) to the pouch replay. Where no pouchd answer was recorded the fixture
 * is made from the reference and says so in its `note`; the test checks the request reached
 * pouchd under /v1.24 with what Berth was given, and pouchd's answer came back.
 */
describe('pouch replay: each endpoint through the relay', () => {
  const exec = '3f4460310cce4bc9e666e2cee9256e5f8be03ff063f62eb3550ea5bde7fc068a';
  const json = { 'Content-Type': 'application/json' };
  const cases: Array<{
    name: string;
    method: string;
    path: string;
    body?: object;
    headers?: Record<string, string>;
    prefer?: string[];
    status: number;
    answer?: unknown;
  }> = [
    {
      name: 'commit',
      method: 'POST',
      path: '/commit?container=fx-running&repo=fx-committed&tag=v1',
      body: { Comment: 'c' },
      status: 201,
      answer: { Id: expect.stringMatching(/^sha256:/) },
    },
    {
      name: 'container create',
      method: 'POST',
      path: '/containers/create?name=fx-running',
      body: { Image: 'busybox:latest', Cmd: ['sleep', '1000'], HostConfig: { EnableLxcfs: true } },
      prefer: ['container-create'],
      status: 201,
      answer: { Id: expect.any(String), Name: 'fx-running', Warnings: [] },
    },
    {
      name: 'container create, name taken',
      method: 'POST',
      path: '/containers/create?name=fx-running',
      body: { Image: 'busybox:latest' },
      prefer: ['container-create-duplicate'],
      status: 409,
    },
    {
      name: 'container start',
      method: 'POST',
      path: '/containers/fx-running/start',
      prefer: ['container-start'],
      status: 204,
    },
    {
      name: 'container stop',
      method: 'POST',
      path: '/containers/fx-stopped/stop?t=1',
      status: 204,
    },
    {
      name: 'image list',
      method: 'GET',
      path: '/images/json',
      status: 200,
      answer: expect.any(Array),
    },
    {
      name: 'image inspect',
      method: 'GET',
      path: '/images/busybox:latest/json',
      status: 200,
      answer: expect.objectContaining({ Id: expect.any(String) }),
    },
    {
      name: 'image history',
      method: 'GET',
      path: '/images/busybox:latest/history',
      status: 200,
      answer: expect.any(Array),
    },
    { name: 'image remove, in use', method: 'DELETE', path: '/images/busybox:latest', status: 500 },
    { name: 'image save', method: 'GET', path: '/images/save?name=busybox:latest', status: 200 },
    { name: 'image load', method: 'POST', path: '/images/load?name=fx-loaded', status: 200 },
    { name: 'container pause', method: 'POST', path: '/containers/fx-paused/pause', status: 204 },
    {
      name: 'container unpause',
      method: 'POST',
      path: '/containers/fx-paused/unpause',
      status: 204,
    },
    {
      name: 'container rename',
      method: 'POST',
      path: '/containers/fx-created/rename?name=fx-created2',
      status: 204,
    },
    {
      name: 'container resize',
      method: 'POST',
      path: '/containers/fx-running/resize?h=30&w=90',
      status: 200,
    },
    {
      name: 'container restart',
      method: 'POST',
      path: '/containers/fx-running/restart',
      status: 204,
    },
    {
      name: 'container top',
      method: 'GET',
      path: '/containers/fx-running/top',
      status: 200,
      answer: { Titles: expect.any(Array), Processes: expect.any(Array) },
    },
    {
      name: 'container update',
      method: 'POST',
      path: '/containers/fx-stopped/update',
      body: { Memory: 64 * 1024 ** 2, CpuShares: 512, RestartPolicy: { Name: 'always' } },
      status: 200,
    },
    {
      name: 'container upgrade (a new image)',
      method: 'POST',
      path: '/containers/fx-running/upgrade',
      body: { Image: 'busybox:1.36', Cmd: ['top'] },
      status: 200,
    },
    { name: 'exec resize', method: 'POST', path: `/exec/${exec}/resize?h=30&w=90`, status: 200 },
    {
      name: 'image pull',
      method: 'POST',
      path: '/images/create?fromImage=busybox&tag=latest',
      status: 200,
    },
    {
      name: 'image search',
      method: 'GET',
      path: '/images/search?term=busybox',
      status: 200,
      answer: [expect.objectContaining({ name: 'busybox', is_official: true })],
    },
    {
      name: 'image push',
      method: 'POST',
      path: '/images/fx-committed/push?tag=v1',
      headers: { 'X-Registry-Auth': 'e30=' },
      status: 200,
    },
    {
      name: 'image tag',
      method: 'POST',
      path: '/images/busybox:latest/tag?repo=fx-tagged&tag=v1',
      status: 201,
    },
    {
      name: 'network create',
      method: 'POST',
      path: '/networks/create',
      body: { Name: 'fx-net', Driver: 'bridge' },
      status: 201,
      answer: { Id: expect.any(String), Warning: '' },
    },
    {
      name: 'network inspect',
      method: 'GET',
      path: '/networks/bridge',
      status: 200,
      answer: expect.objectContaining({ Name: 'bridge' }),
    },
    {
      name: 'network connect',
      method: 'POST',
      path: '/networks/fx-net/connect',
      body: { Container: 'fx-running' },
      status: 200,
    },
    {
      name: 'network disconnect',
      method: 'POST',
      path: '/networks/fx-net/disconnect',
      body: { Container: 'fx-running', Force: true },
      status: 200,
    },
    { name: 'network remove', method: 'DELETE', path: '/networks/fx-net', status: 204 },
    {
      name: 'volume create',
      method: 'POST',
      path: '/volumes/create',
      body: { Name: 'fixture-vol', Driver: 'local' },
      status: 201,
      answer: expect.objectContaining({ Name: 'fixture-vol' }),
    },
    { name: 'volume remove', method: 'DELETE', path: '/volumes/fixture-vol', status: 204 },
    {
      name: 'checkpoint create (CRIU works)',
      method: 'POST',
      path: '/containers/fx-criu/checkpoints',
      body: { CheckpointID: 'cp1', Exit: false },
      status: 201,
    },
    {
      name: 'checkpoint list',
      method: 'GET',
      path: '/containers/fx-criu/checkpoints',
      status: 200,
      answer: ['cp1'],
    },
    {
      name: 'start from a checkpoint',
      method: 'POST',
      path: '/containers/fx-criu/start?checkpoint=cp1',
      status: 204,
    },
    {
      name: 'checkpoint delete',
      method: 'DELETE',
      path: '/containers/fx-criu/checkpoints/cp1',
      status: 204,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: ${c.method} ${c.path.split('?')[0]}`, async () => {
      replay.prefer(c.prefer ?? []);
      const before = replay.received.length;
      const res = await call(`/api/endpoints/local/docker${c.path}`, {
        method: c.method,
        headers: { ...(c.body ? json : {}), ...c.headers },
        ...(c.body ? { body: JSON.stringify(c.body) } : {}),
      });
      const text = await res.text();
      expect(res.status, text).toBe(c.status);
      const sent = replay.received.slice(before).find((r) => r.path === `/v1.24${c.path}`);
      expect(sent, `pouchd saw ${JSON.stringify(replay.seen.slice(-3))}`).toBeDefined();
      expect(sent?.method).toBe(c.method);
      if (c.body) expect(JSON.parse(sent?.body ?? 'null')).toEqual(c.body);
      for (const [key, value] of Object.entries(c.headers ?? {}))
        expect(sent?.headers[key.toLowerCase()]).toBe(value);
      if (c.answer !== undefined) expect(JSON.parse(text)).toEqual(c.answer);
      if (c.status >= 400) expect(JSON.parse(text)).toHaveProperty('message');
      replay.prefer([]);
    });
  }

  it('image pull and push stream pouchd progress lines through as they come', async () => {
    const pull = await call(
      '/api/endpoints/local/docker/images/create?fromImage=busybox&tag=latest',
      {
        method: 'POST',
      },
    );
    const lines = (await pull.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { status: string });
    expect(lines.at(-1)?.status).toMatch(/Downloaded newer image/);
  });

  it('attach (ws/attach) reads pouchd raw stream, not multiplexed, into the terminal', async () => {
    const t = await openTerminal(
      `${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws/attach?container=fx-running&logs=1`,
      auth,
    );
    await t.closed;
    expect(t.text(1)).toBe('out 1\nerr 1\nout 2\n');
    expect(replay.seen).toContain(
      'POST /v1.24/containers/fx-running/attach?stream=1&stdin=1&stdout=1&stderr=1&logs=1 (upgrade)',
    );
  });

  it("Test login sends the saved credentials to pouchd's POST /auth", async () => {
    const saved = await call('/api/registries', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        name: 'pouch-reg',
        server: 'registry.example',
        username: 'fx',
        password: 'fx-secret-1',
      }),
    });
    expect(saved.status).toBe(201);
    const { id } = (await saved.json()) as { id: number };
    const before = replay.received.length;
    const login = await call(`/api/endpoints/local/registries/${id}/login`, { method: 'POST' });
    expect(await login.json()).toEqual({ status: 'Login Succeeded' });
    const sent = replay.received.slice(before).find((r) => r.path === '/v1.24/auth');
    expect(JSON.parse(sent?.body ?? '{}')).toMatchObject({
      username: 'fx',
      password: 'fx-secret-1',
      serveraddress: 'registry.example',
    });
  });
});
