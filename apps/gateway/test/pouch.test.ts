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
