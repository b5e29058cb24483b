import type { EventsMessage, StatsMessage } from '@berth/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  ensureBaseImage,
  startPrivateEngine,
  type PrivateEngine,
} from '../../../scripts/lib/engine.mjs';
import type { Gateway } from '../src/gateway';
import {
  bearer,
  createContainer,
  engine,
  removeTestContainers,
  startTestGateway,
  tempDataDir,
  tokenFor,
} from './harness';
import { openTerminal } from './terminal-client';

let gateway: Gateway;
let auth: Record<string, string>;

interface JsonSocket<T> {
  ws: WebSocket;
  messages: T[];
  waitFor(predicate: (m: T) => boolean, timeoutMs?: number): Promise<T>;
}

function openJson<T>(url: string, headers: Record<string, string>): Promise<JsonSocket<T>> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const messages: T[] = [];
    const waiters = new Set<() => void>();
    ws.on('message', (data: Buffer) => {
      messages.push(JSON.parse(data.toString()) as T);
      for (const w of waiters) w();
    });
    ws.on('open', () =>
      resolve({
        ws,
        messages,
        waitFor: (predicate, timeoutMs = 15_000) =>
          new Promise((done, fail) => {
            const check = () => {
              const found = messages.find(predicate);
              if (found) {
                waiters.delete(check);
                clearTimeout(timer);
                done(found);
              }
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`timed out; got ${JSON.stringify(messages.slice(-5))}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          }),
      }),
    );
    ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

const wsBase = () => `${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws`;

async function upstreamStreams(kind: string): Promise<number> {
  const text = await (await fetch(`${gateway.url}/metrics`, { headers: auth })).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`berth_upstream_streams{endpoint="local",kind="${kind}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

beforeAll(async () => {
  await removeTestContainers();
  gateway = await startTestGateway();
  auth = bearer(tokenFor(gateway, 'viewer'));
});

afterAll(async () => {
  await removeTestContainers();
  await gateway?.close();
});

describe('events hub', () => {
  it('says the engine is up and relays a change made behind its back, in Docker field names', async () => {
    const events = await openJson<EventsMessage>(`${wsBase()}/events`, auth);
    await events.waitFor((m) => m.type === 'engine' && m.status === 'up');
    const id = await createContainer('live-event', ['true']);
    const created = await events.waitFor((m) => m.type === 'event' && m.event.Actor.ID === id);
    expect(created).toMatchObject({
      type: 'event',
      event: { Type: 'container', Action: 'create', Actor: { Attributes: { name: 'live-event' } } },
    });
    expect(await upstreamStreams('events')).toBe(1);
    events.ws.close();
  });
});

describe('stats hub', () => {
  it('shares one upstream per container among viewers, computes sane numbers, and closes after the last leaves', async () => {
    const id = await createContainer('live-burn', ['sh', '-c', 'while :; do :; done']);
    await engine('POST', `/containers/${id}/start`);
    // A busy loop gets whatever CPU a loaded machine leaves it; an idle container shows ~0%.
    const viewers = await Promise.all(
      [1, 2, 3].map(() => openJson<StatsMessage>(`${wsBase()}/stats`, auth)),
    );
    for (const v of viewers) v.ws.send(JSON.stringify({ type: 'subscribe', containers: [id] }));
    const busy = await viewers[0]!.waitFor((m) => m.type === 'stats' && m.cpuPercent > 5, 20_000);
    expect(busy).toMatchObject({ type: 'stats', container: id, pids: expect.any(Number) });
    if (busy.type !== 'stats') throw new Error('unreachable');
    expect(busy.cpuPercent).toBeLessThanOrEqual(100 * 2 + 1);
    expect(busy.memoryUsage).toBeGreaterThan(0);
    expect(busy.memoryLimit).toBeGreaterThan(busy.memoryUsage);
    expect(busy.pids).toBeGreaterThanOrEqual(1);
    expect(await upstreamStreams('stats')).toBe(1);

    // a late viewer gets the history at once
    const late = await openJson<StatsMessage>(`${wsBase()}/stats`, auth);
    late.ws.send(JSON.stringify({ type: 'subscribe', containers: [id] }));
    const history = await late.waitFor((m) => m.type === 'history');
    expect(history.type === 'history' && history.samples.length).toBeGreaterThan(1);
    expect(await upstreamStreams('stats')).toBe(1);

    for (const v of [...viewers, late]) v.ws.close();
    await new Promise((r) => setTimeout(r, 6500));
    expect(await upstreamStreams('stats')).toBe(0);
    await engine('DELETE', `/containers/${id}?force=1`);
  });

  it('answers a bad request and an unknown container in words', async () => {
    const s = await openJson<StatsMessage>(`${wsBase()}/stats`, auth);
    s.ws.send('{"type":"watch"}');
    await s.waitFor((m) => m.type === 'error' && m.message.includes('subscribe'));
    s.ws.send(JSON.stringify({ type: 'subscribe', containers: ['no-such-container'] }));
    const error = await s.waitFor((m) => m.type === 'error' && m.container === 'no-such-container');
    expect(error).toMatchObject({ message: expect.stringContaining('No such container') });
    s.ws.close();
  });
});

describe('logs over the channel protocol', () => {
  it('keeps stdout and stderr apart and joins a line the engine split', async () => {
    const id = await createContainer('live-logs', [
      'sh',
      '-c',
      'echo out-1; echo err-1 >&2; head -c 40000 /dev/zero | tr "\\\\0" a; echo; echo out-2',
    ]);
    await engine('POST', `/containers/${id}/start`);
    await engine('POST', `/containers/${id}/wait`);
    const t = await openTerminal(`${wsBase()}/logs?container=${id}&follow=0&timestamps=1`, auth);
    await t.closed;
    const out = t.text(1).split('\n').filter(Boolean);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+Z out-1$/);
    expect(out[1]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\S+Z a{40000}$`));
    expect(out[2]).toMatch(/Z out-2$/);
    expect(t.text(2)).toMatch(/^\d{4}-\S+Z err-1\n$/);
  });

  it('follows new lines as they are written', async () => {
    const id = await createContainer('live-follow', [
      'sh',
      '-c',
      'i=0; while true; do echo tick-$i; i=$((i+1)); sleep 0.2; done',
    ]);
    await engine('POST', `/containers/${id}/start`);
    const t = await openTerminal(
      `${wsBase()}/logs?container=${id}&follow=1&timestamps=0&tail=0`,
      auth,
    );
    await t.waitFor(() => /tick-\d+\n.*tick-\d+\n/s.test(t.text()));
    expect(await upstreamStreams('logs')).toBe(1);
    t.ws.close();
    await t.closed;
    await new Promise((r) => setTimeout(r, 100));
    expect(await upstreamStreams('logs')).toBe(0);
  });
});

describe('engine restart', () => {
  let restartable: PrivateEngine | undefined;
  let own: Gateway | undefined;

  afterAll(async () => {
    await own?.close();
    await restartable?.stop();
  });

  it('reports down, reconnects, says up, and delivers what happened since, once', async () => {
    const dir = tempDataDir();
    restartable = await startPrivateEngine({ name: 'itest-events', dir });
    await ensureBaseImage(restartable.host);
    own = await startTestGateway({ DOCKER_HOST: restartable.host });
    const url = `${own.url.replace('http', 'ws')}/api/endpoints/local/ws/events`;
    const events = await openJson<EventsMessage>(url, bearer(tokenFor(own, 'viewer')));
    await events.waitFor((m) => m.type === 'engine' && m.status === 'up');

    await restartable.stop();
    await events.waitFor((m) => m.type === 'engine' && m.status === 'down');
    restartable = await startPrivateEngine({ name: 'itest-events', dir });
    // made right away, before the hub is likely back: it must still arrive (since= resume)
    const socket = restartable.socket;
    const made = await fetchEngine(socket, '/containers/create?name=after-restart', {
      Image: 'berth/busybox:latest',
      Cmd: ['true'],
    });
    const event = await events.waitFor(
      (m) => m.type === 'event' && m.event.Actor.ID === made.Id && m.event.Action === 'create',
      30_000,
    );
    expect(event).toBeTruthy();
    expect(events.messages.filter((m) => m.type === 'engine' && m.status === 'up').length).toBe(2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(
      events.messages.filter(
        (m) => m.type === 'event' && m.event.Actor.ID === made.Id && m.event.Action === 'create',
      ),
    ).toHaveLength(1);
    events.ws.close();
  });
});

function fetchEngine(socketPath: string, path: string, body: object): Promise<{ Id: string }> {
  return import('node:http').then(
    ({ request }) =>
      new Promise((resolve, reject) => {
        const payload = JSON.stringify(body);
        const req = request(
          {
            socketPath,
            method: 'POST',
            path,
            headers: {
              'Content-Type': 'application/json',
              'Content-Length': Buffer.byteLength(payload),
            },
          },
          (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => resolve(JSON.parse(text) as { Id: string }));
          },
        );
        req.on('error', reject);
        req.end(payload);
      }),
  );
}
