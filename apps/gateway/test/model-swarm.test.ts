// The live model's services and nodes rows against a fresh engine list, on a real single-node
// swarm (an engine of its own: swarm mode changes an engine's networks). The services and nodes
// pages paint from these rows (#15), so after every change made outside Berth's pages (a scale,
// a spec update, a node's labels and availability) the rows must say what the engine lists,
// and come as deltas (no new snapshot: nothing reads a whole list again for one event).
import { createServer } from 'node:net';
import type { ModelChange, ModelNode, ModelService, SwarmNode, SwarmService } from '@berth/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureBaseImage,
  startPrivateEngine,
  type PrivateEngine,
} from '../../../scripts/lib/engine.mjs';
import type { Gateway } from '../src/gateway';
import { nodeRow, serviceRow } from '../src/model/rows';
import {
  bearer,
  eventually,
  relayClient,
  startTestGateway,
  tempDataDir,
  tokenFor,
} from './harness';
import { ModelClient } from './model-client';

let swarmEngine: PrivateEngine;
let gateway: Gateway;
let admin: Record<string, string>;
const api = relayClient(
  () => gateway,
  () => admin,
);

/** A free TCP port for the swarm's listen address: other checkouts may run a swarm too. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  const name = `${process.env.BERTH_CHECK_NAME ?? 'itest'}-msw`;
  swarmEngine = await startPrivateEngine({ name, dir: tempDataDir() });
  await ensureBaseImage(swarmEngine.host);
  gateway = await startTestGateway({ DOCKER_HOST: swarmEngine.host });
  admin = bearer(tokenFor(gateway, 'admin'));
  const port = await freePort();
  const init = await api('POST', '/swarm/init', {
    ListenAddr: `127.0.0.1:${port}`,
    AdvertiseAddr: `127.0.0.1:${port}`,
  });
  expect(init.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await api('POST', '/swarm/leave?force=1').catch(() => undefined);
  await gateway?.close();
  await swarmEngine?.stop();
});

const sortById = <T extends { id: string }>(rows: T[]) =>
  [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe('the model’s services and nodes rows match a fresh engine list', () => {
  it('after create, scale, spec update, node labels and availability, each as deltas', async () => {
    const watcher = new ModelClient(
      `${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws/events`,
      admin,
    );
    const changes: ModelChange[] = [];
    watcher.ws.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string; changes?: ModelChange[] };
      if (message.type === 'model.delta') changes.push(...(message.changes ?? []));
    });
    await watcher.start();
    await eventually(
      'the swarm model',
      () => watcher.replica.complete && watcher.replica.swarm,
      Boolean,
      20_000,
    );

    /** Waits until the model's rows of `kind` equal the engine's list mapped to rows. */
    const matchesEngine = async (what: string) => {
      const services = async () => (await api<SwarmService[]>('GET', '/services')).body;
      const nodes = async () => (await api<SwarmNode[]>('GET', '/nodes')).body;
      await eventually(
        `${what}: services and nodes rows equal the engine's lists`,
        async () => ({
          model: [sortById(watcher.rows('services')), sortById(watcher.rows('nodes'))],
          engine: [
            sortById((await services()).map((s) => serviceRow(s))),
            sortById((await nodes()).map((n) => nodeRow(n))),
          ],
        }),
        ({ model, engine }) => JSON.stringify(model) === JSON.stringify(engine),
        20_000,
      );
      return { services: await services(), nodes: await nodes() };
    };
    const modelService = (id: string) =>
      watcher.rows('services').find((row) => row.id === id) as ModelService;
    const runningInModel = (id: string) =>
      watcher
        .rows('tasks')
        .filter((t) => t.serviceId === id && t.desiredState === 'running' && t.state === 'running')
        .length;

    const created = await api<{ ID: string }>('POST', '/services/create', {
      Name: 'model-web',
      Labels: { tier: 'front' },
      TaskTemplate: {
        ContainerSpec: { Image: 'berth/busybox:latest', Command: ['sleep', '3600'] },
      },
      Mode: { Replicated: { Replicas: 1 } },
      EndpointSpec: { Ports: [{ TargetPort: 80, PublishedPort: 18_081, Protocol: 'tcp' }] },
    });
    expect(created.status).toBe(201);
    const id = created.body.ID;
    let fresh = await matchesEngine('created');
    let listed = fresh.services.find((s) => s.ID === id) as SwarmService;
    // The fields the services page shows, read from the engine's own list (not the mapper).
    expect(modelService(id)).toMatchObject({
      name: 'model-web',
      mode: 'replicated',
      replicas: 1,
      labels: { tier: 'front' },
      ports: [{ containerPort: 80, hostPort: 18_081, protocol: 'tcp' }],
      updateState: listed.UpdateStatus?.State ?? '',
    });

    // Scaled outside Berth's pages: the row's desired count and the model's running tasks follow.
    const scale = async (replicas: number) => {
      const current = await api<SwarmService>('GET', `/services/${id}`);
      const answer = await api(
        'POST',
        `/services/${id}/update?version=${current.body.Version.Index}`,
        { ...current.body.Spec, Mode: { Replicated: { Replicas: replicas } } },
      );
      expect(answer.status).toBe(200);
    };
    const snapshotsBefore = watcher.snapshots;
    changes.length = 0;
    await scale(3);
    fresh = await matchesEngine('scaled to 3');
    expect(modelService(id).replicas).toBe(3);
    await eventually(
      '3 running tasks in the model',
      () => runningInModel(id),
      (n) => n === 3,
    );
    const serviceChanges = changes.filter((c) => c.kind === 'services');
    expect(serviceChanges.length).toBeGreaterThan(0);
    // One row changed, in the fields that changed: not a new list.
    expect(serviceChanges.every((c) => c.op === 'changed' && c.id === id)).toBe(true);

    // A spec update (labels and environment) makes an update whose state the row carries.
    const current = await api<SwarmService>('GET', `/services/${id}`);
    const updated = await api(
      'POST',
      `/services/${id}/update?version=${current.body.Version.Index}`,
      {
        ...current.body.Spec,
        Labels: { tier: 'back', owner: 'berth' },
        TaskTemplate: {
          ...current.body.Spec.TaskTemplate,
          ContainerSpec: { ...current.body.Spec.TaskTemplate.ContainerSpec, Env: ['STAGE=two'] },
        },
      },
    );
    expect(updated.status).toBe(200);
    fresh = await matchesEngine('spec updated');
    listed = fresh.services.find((s) => s.ID === id) as SwarmService;
    expect(modelService(id).labels).toEqual({ tier: 'back', owner: 'berth' });
    expect(listed.UpdateStatus?.State).toBeTruthy();
    expect(modelService(id).updateState).toBe(listed.UpdateStatus?.State);

    // The node: labels and availability changed through the relay, as another client would.
    const [node] = fresh.nodes;
    const setNode = async (spec: Partial<SwarmNode['Spec']>) => {
      const now = await api<SwarmNode>('GET', `/nodes/${node!.ID}`);
      const answer = await api(
        'POST',
        `/nodes/${node!.ID}/update?version=${now.body.Version.Index}`,
        { ...now.body.Spec, ...spec },
      );
      expect(answer.status).toBe(200);
    };
    changes.length = 0;
    await setNode({ Labels: { zone: 'harbour' }, Availability: 'pause' });
    fresh = await matchesEngine('node labelled and paused');
    const row = watcher.rows('nodes').find((n) => n.id === node!.ID) as ModelNode;
    const engineNode = fresh.nodes[0] as SwarmNode;
    expect(row).toMatchObject({
      hostname: engineNode.Description.Hostname,
      role: 'manager',
      availability: 'pause',
      state: 'ready',
      leader: true,
      labels: { zone: 'harbour' },
      nanoCpus: engineNode.Description.Resources?.NanoCPUs,
      memoryBytes: engineNode.Description.Resources?.MemoryBytes,
      engineVersion: engineNode.Description.Engine?.EngineVersion,
    });
    expect(row.nanoCpus).toBeGreaterThan(0);
    const nodeChanges = changes.filter((c) => c.kind === 'nodes');
    expect(nodeChanges.length).toBeGreaterThan(0);
    expect(nodeChanges.every((c) => c.op === 'changed' && c.id === node!.ID)).toBe(true);
    await setNode({ Availability: 'active' });
    await matchesEngine('node active again');

    // Every change above came as deltas: the page never got a new snapshot to read.
    expect(watcher.snapshots).toBe(snapshotsBefore);

    expect((await api('DELETE', `/services/${id}`)).status).toBe(200);
    await matchesEngine('service removed');
    expect(watcher.rows('services').some((s) => s.id === id)).toBe(false);
    watcher.close();
  }, 180_000);
});
