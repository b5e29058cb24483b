// The engine model against the real engine: after storms of mixed events, after the events stream
// is cut and after the engine restarts, what a subscribed client holds equals a fresh list call.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type {
  ContainerSummary,
  ImageSummary,
  ModelKind,
  ModelRow,
  Network,
  VolumeList,
} from '@berth/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  ensureBaseImage,
  startPrivateEngine,
  type PrivateEngine,
} from '../../../scripts/lib/engine.mjs';
import type { Gateway } from '../src/gateway';
import { containerRow, imageRow, networkRow, volumeRow } from '../src/model/rows';
import { BASE_IMAGE, bearer, engineHost, startTestGateway, tempDataDir, tokenFor } from './harness';
import { ModelClient } from './model-client';
import { engineAt, runBounded } from './model-storm';

const LABEL = { 'berth.test': 'model' };
const KINDS: ModelKind[] = ['containers', 'images', 'networks', 'volumes'];

/** Status texts move with the clock ("Up 3 seconds"); the state they name does not. */
function comparable(kind: ModelKind, rows: ModelRow[]): unknown[] {
  return rows
    .map((row) => {
      if (kind !== 'containers') return row;
      const {
        status,
        since: _since,
        ...rest
      } = row as ModelRow & { status: string; since: unknown };
      return {
        ...rest,
        status:
          /^(Up|Exited \(-?\d+\)|Created|Restarting|Dead|Removal)/.exec(status)?.[0] ?? status,
      };
    })
    .sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1));
}

async function freshLists(socketPath: string): Promise<Record<ModelKind, ModelRow[]>> {
  const call = engineAt(socketPath);
  const [containers, images, networks, volumes] = await Promise.all([
    call<ContainerSummary[]>('GET', '/containers/json?all=1'),
    call<ImageSummary[]>('GET', '/images/json'),
    call<Network[]>('GET', '/networks'),
    call<VolumeList>('GET', '/volumes'),
  ]);
  return {
    containers: containers.body.map((c) => containerRow(c)),
    images: images.body.map(imageRow),
    networks: networks.body.map(networkRow),
    volumes: (volumes.body.Volumes ?? []).map(volumeRow),
    services: [],
    tasks: [],
    nodes: [],
  };
}

/** The model converges: within the timeout, every kind equals a fresh list of the engine. */
async function expectModelMatchesEngine(client: ModelClient, socketPath: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  let last = '';
  while (Date.now() < deadline) {
    const fresh = await freshLists(socketPath);
    const diffs = KINDS.filter(
      (kind) =>
        JSON.stringify(comparable(kind, client.rows(kind))) !==
        JSON.stringify(comparable(kind, fresh[kind])),
    );
    if (diffs.length === 0 && client.replica.complete) {
      for (const kind of KINDS) {
        expect(comparable(kind, client.rows(kind))).toEqual(comparable(kind, fresh[kind]));
      }
      return;
    }
    last = diffs.join(', ');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const fresh = await freshLists(socketPath);
  for (const kind of KINDS) {
    expect(comparable(kind, client.rows(kind)), `model ${kind} (differed: ${last})`).toEqual(
      comparable(kind, fresh[kind]),
    );
  }
}

/**
 * About 200 engine events of every kind the lists show: creates, starts, stops (kill, die,
 * stop), renames, destroys, network create/connect/disconnect, volume create, image tag/untag.
 * Calls that fail (the engine restarting under them) are allowed: the test is the model's.
 */
async function storm(socketPath: string, tag: string, tolerant = false): Promise<number> {
  const call = engineAt(socketPath);
  let events = 0;
  const ok = async (promise: Promise<{ status: number; text: string }>, what: string) => {
    const answer = await promise.catch((error: Error) => ({ status: 0, text: error.message }));
    if (answer.status >= 200 && answer.status < 300) events++;
    else if (!tolerant) throw new Error(`${what}: ${answer.status} ${answer.text}`);
  };
  const names = Array.from({ length: 24 }, (_, i) => `model-${tag}-${i}`);
  const ids: string[] = [];
  await ok(call('POST', '/networks/create', { Name: `model-${tag}-net`, Labels: LABEL }), 'net');
  await runBounded(names, 4, async (name, i) => {
    const volume = `model-${tag}-vol-${i}`;
    await ok(call('POST', '/volumes/create', { Name: volume, Labels: LABEL }), 'volume');
    const made = await call<{ Id: string }>('POST', `/containers/create?name=${name}`, {
      Image: BASE_IMAGE,
      Cmd: ['sleep', '3600'],
      Labels: LABEL,
      HostConfig: { Mounts: [{ Type: 'volume', Source: volume, Target: '/data' }] },
    }).catch(() => ({ status: 0, body: { Id: '' }, text: '' }));
    if (made.status === 201) {
      events++;
      ids.push(made.body.Id);
    } else if (!tolerant) throw new Error(`create ${name}: ${made.status} ${made.text}`);
  });
  const started = ids.slice(0, 16);
  await runBounded(started, 4, (id) => ok(call('POST', `/containers/${id}/start`), 'start'));
  await runBounded(started.slice(0, 8), 4, (id) =>
    ok(call('POST', `/networks/model-${tag}-net/connect`, { Container: id }), 'connect'),
  );
  await runBounded(started.slice(0, 3), 3, (id) =>
    ok(call('POST', `/networks/model-${tag}-net/disconnect`, { Container: id }), 'disconnect'),
  );
  await runBounded(started.slice(8, 14), 4, (id) =>
    ok(call('POST', `/containers/${id}/stop?t=0`), 'stop'),
  );
  await runBounded(ids.slice(16, 20), 4, (id, i) =>
    ok(call('POST', `/containers/${id}/rename?name=model-${tag}-renamed-${i}`), 'rename'),
  );
  for (let i = 0; i < 4; i++) {
    await ok(call('POST', `/images/${BASE_IMAGE}/tag?repo=berth/model-${tag}&tag=t${i}`), 'tag');
  }
  for (let i = 0; i < 2; i++) {
    await ok(call('DELETE', `/images/berth/model-${tag}:t${i}`), 'untag');
  }
  await runBounded([...ids.slice(0, 4), ...ids.slice(20)], 4, (id) =>
    ok(call('DELETE', `/containers/${id}?force=1`), 'destroy'),
  );
  return events;
}

async function cleanUp(socketPath: string): Promise<void> {
  const call = engineAt(socketPath);
  const filters = encodeURIComponent(JSON.stringify({ label: ['berth.test=model'] }));
  const list = await call<Array<{ Id: string }>>(
    'GET',
    `/containers/json?all=1&filters=${filters}`,
  );
  await runBounded(list.body, 4, (c) => call('DELETE', `/containers/${c.Id}?force=1&v=1`));
  await call('POST', `/volumes/prune?filters=${filters}`);
  await call('POST', `/networks/prune?filters=${filters}`);
  const images = await call<ImageSummary[]>('GET', '/images/json');
  for (const image of images.body) {
    for (const tag of image.RepoTags ?? []) {
      if (tag.startsWith('berth/model-')) await call('DELETE', `/images/${tag}`);
    }
  }
}

/** A TCP hop between gateway and engine that the test can cut, as a network blip would. */
function cuttableProxy(socketPath: string): Promise<{ server: Server; host: string; cut(): void }> {
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(socketPath);
    open.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        server,
        host: `tcp://127.0.0.1:${port}`,
        cut: () => {
          for (const socket of open) socket.destroy();
        },
      });
    }),
  );
}

describe('engine model (real engine)', () => {
  const socketPath = engineHost().slice('unix://'.length);
  let gateway: Gateway;
  let proxy: Awaited<ReturnType<typeof cuttableProxy>>;
  let client: ModelClient;

  beforeAll(async () => {
    await cleanUp(socketPath);
    proxy = await cuttableProxy(socketPath);
    gateway = await startTestGateway({ DOCKER_HOST: proxy.host });
    client = new ModelClient(
      `${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws/events`,
      bearer(tokenFor(gateway, 'viewer')),
    );
    await client.start();
  });

  afterAll(async () => {
    client?.ws.close();
    await gateway?.close();
    proxy?.server.close();
    await cleanUp(socketPath);
  });

  it('equals a fresh list call after a storm of ~200 mixed events, with no second snapshot', async () => {
    await expectModelMatchesEngine(client, socketPath);
    const events = await storm(socketPath, 'a');
    await storm(socketPath, 'b').then((more) => expect(events + more).toBeGreaterThan(150));
    await expectModelMatchesEngine(client, socketPath);
    expect(client.snapshots).toBe(1);
    expect(client.resyncs).toBe(0);
  }, 120_000);

  it('equals a fresh list call after the events stream is cut mid-storm', async () => {
    const storming = storm(socketPath, 'c');
    await new Promise((resolve) => setTimeout(resolve, 300));
    proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 200));
    proxy.cut();
    await storming;
    await expectModelMatchesEngine(client, socketPath);
    // The gap was closed by deltas from the gateway's resync, not by a new snapshot.
    expect(client.snapshots).toBe(1);
  }, 120_000);

  it('a reconnecting client gets only the deltas it missed', async () => {
    const position = client.replica.position;
    expect(position).toBeDefined();
    client.ws.close();
    const call = engineAt(socketPath);
    await call('POST', '/volumes/create', { Name: 'model-missed', Labels: LABEL });
    const again = new ModelClient(
      `${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws/events`,
      bearer(tokenFor(gateway, 'viewer')),
      client.replica,
    );
    await again.start();
    await expectModelMatchesEngine(again, socketPath);
    expect(again.snapshots).toBe(0);
    expect(again.rows('volumes').some((row) => row.id === 'model-missed')).toBe(true);
    client = again;
  }, 60_000);

  it('answers a malformed model message with model.error, and the socket stays usable', async () => {
    const messages: string[] = [];
    const ws = new WebSocket(`${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws/events`, {
      headers: bearer(tokenFor(gateway, 'viewer')),
    });
    ws.on('message', (data: Buffer) => messages.push(data.toString()));
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send('{"type":"model.subscribe","since":{"epoch":1}}');
    ws.send('not json');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const errors = messages
      .map((m) => JSON.parse(m) as { type: string })
      .filter((m) => m.type === 'model.error');
    expect(errors).toHaveLength(2);
    ws.close();
  });
});

describe('engine model started while the events stream is already up', () => {
  let gateway: Gateway;

  afterAll(async () => {
    await gateway?.close();
  });

  it("is built at once, not at the engine's next event", async () => {
    gateway = await startTestGateway();
    const url = `${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws/events`;
    const headers = bearer(tokenFor(gateway, 'viewer'));
    // An events page first: the endpoint's events stream opens and says up, with no model yet.
    const events = new WebSocket(url, { headers });
    await new Promise<void>((resolve) =>
      events.on('message', (data: Buffer) => {
        if ((JSON.parse(data.toString()) as { type: string }).type === 'engine') resolve();
      }),
    );
    // Then a list page. The engine stays quiet meanwhile: no event will come to wake the model.
    const client = new ModelClient(url, headers);
    const started = Date.now();
    await client.start();
    await expect.poll(() => client.snapshots, { timeout: 5000, interval: 20 }).toBe(1);
    expect(Date.now() - started).toBeLessThan(3000);
    client.ws.close();
    events.close();
  }, 30_000);
});

/**
 * Starts the stopped engine again. Several engines share this host's iptables, and a dockerd
 * starting while another rewrites its chains can fail once ("Chain 'DOCKER' does not exist").
 */
async function startAgain(name: string, dir: string): Promise<PrivateEngine> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPrivateEngine({ name, dir });
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

describe('engine model across an engine restart', () => {
  let restartable: PrivateEngine | undefined;
  let own: Gateway | undefined;
  let client: ModelClient | undefined;

  afterAll(async () => {
    client?.ws.close();
    await own?.close();
    await restartable?.stop();
  });

  it('equals a fresh list call after the engine restarts mid-storm', async () => {
    const dir = tempDataDir();
    const name = `${process.env.BERTH_CHECK_NAME ?? 'itest'}3`;
    restartable = await startPrivateEngine({ name, dir });
    await ensureBaseImage(restartable.host);
    own = await startTestGateway({ DOCKER_HOST: restartable.host });
    client = new ModelClient(
      `${own.url.replace('http', 'ws')}/api/endpoints/local/ws/events`,
      bearer(tokenFor(own, 'viewer')),
    );
    await client.start();
    await storm(restartable.socket, 'r1');
    const storming = storm(restartable.socket, 'r2', true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await restartable.stop();
    await storming;
    restartable = await startAgain(name, dir);
    await storm(restartable.socket, 'r3', true);
    await expectModelMatchesEngine(client, restartable.socket);
  }, 240_000);
});
