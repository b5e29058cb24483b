// Berth on a real five-node swarm (3 managers, 2 workers, each a dockerd in a network namespace
// of its own; scripts/lib/swarm-cluster.mjs): nodes, node changes, services spread over nodes,
// a node going down, the gateway's live model, and the leader going down — all through the
// gateway, which talks to the leader and knows the other managers' addresses for fail-over.
import type { EndpointSummary } from '@berth/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startSwarmCluster,
  type SwarmCluster,
  type SwarmClusterNode,
} from '../../../scripts/lib/swarm-cluster.mjs';
import type { Gateway } from '../src/gateway';
import { BASE_IMAGE, bearer, eventually, relayClient, startTestGateway, tokenFor } from './harness';
import { ModelClient } from './model-client';

/** Named after this run's engine, so two checks side by side never share a cluster. */
const CLUSTER = `${(process.env.BERTH_CHECK_NAME ?? 'itest')
  .toLowerCase()
  .replace(/[^a-z0-9-]/g, '-')
  .replace(/^[^a-z]+/, '')
  .slice(0, 7)}-sw`.replace(/^-/, 'c');

let cluster: SwarmCluster;
let gateway: Gateway;
let admin: Record<string, string>;
let model: ModelClient;

interface Node {
  ID: string;
  Version: { Index: number };
  Spec: { Role: string; Availability: string; Labels?: Record<string, string> };
  Description: {
    Hostname: string;
    Engine: { EngineVersion: string };
    Resources: { NanoCPUs: number; MemoryBytes: number };
  };
  Status: { State: string; Addr: string };
  ManagerStatus?: { Leader?: boolean; Reachability: string; Addr: string };
}

interface Task {
  ID: string;
  ServiceID: string;
  NodeID: string;
  DesiredState: string;
  Status: { State: string; Err?: string };
}

const api = relayClient(
  () => gateway,
  () => admin,
);

const nodes = () => api<Node[]>('GET', '/nodes').then((r) => r.body);
const node = (id: string) => api<Node>('GET', `/nodes/${id}`).then((r) => r.body);
const nodeOf = (list: Node[], member: SwarmClusterNode) =>
  list.find((n) => n.Description.Hostname === member.name);

/** Changes a node's spec at its current version (read again if it moved meanwhile). */
async function updateNode(id: string, change: (spec: Node['Spec']) => Node['Spec']) {
  const res = await eventually(
    `node ${id} update`,
    async () => {
      const current = await node(id);
      return api<{ message?: string }>(
        'POST',
        `/nodes/${id}/update?version=${current.Version.Index}`,
        change(current.Spec),
      );
    },
    (r) => r.status === 200 || !/out of sequence/.test(r.body?.message ?? ''),
    20_000,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const running = (service: string) =>
  api<Task[]>(
    'GET',
    `/tasks?filters=${encodeURIComponent(JSON.stringify({ service: [service], 'desired-state': ['running'] }))}`,
  ).then((r) => r.body.filter((t) => t.Status.State === 'running'));

async function createService(name: string, replicas: number, constraints: string[] = []) {
  const created = await api<{ ID: string }>('POST', '/services/create', {
    Name: name,
    TaskTemplate: {
      ContainerSpec: {
        Image: BASE_IMAGE,
        Command: ['sleep', '3600'],
        // sleep as pid 1 ignores SIGTERM: stopping a node (and the test) need not wait 10 s
        StopGracePeriod: 1_000_000_000,
      },
      Placement: { Constraints: constraints },
      RestartPolicy: { Condition: 'any', Delay: 1_000_000_000 },
    },
    Mode: { Replicated: { Replicas: replicas } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.ID;
}

const ids = (tasks: Array<{ ID: string } | { id: string }>) =>
  tasks.map((t) => ('ID' in t ? t.ID : t.id)).sort();

beforeAll(async () => {
  const started = Date.now();
  cluster = await startSwarmCluster({ name: CLUSTER, managers: 3, workers: 2 });
  process.stderr.write(`[swarm-cluster] ${CLUSTER}: formed in ${Date.now() - started} ms\n`);
  const others = cluster.nodes.filter((n) => n.role === 'manager' && n !== cluster.leader);
  gateway = await startTestGateway({
    DOCKER_HOST: cluster.leader.host,
    BERTH_FAILOVER_HOSTS: others.map((n) => n.host).join(','),
  });
  admin = bearer(tokenFor(gateway, 'admin'));
  model = new ModelClient(
    `${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws/events`,
    admin,
  );
  await model.start();
}, 240_000);

afterAll(async () => {
  model?.close();
  await gateway?.close();
  await cluster?.stop();
}, 120_000);

describe('a five-node swarm through the gateway', () => {
  let web = '';

  it('lists 5 ready nodes: 3 managers (a leader, 2 reachable) and 2 workers, with engine and resources', async () => {
    const list = await nodes();
    expect(list).toHaveLength(5);
    const managers = list.filter((n) => n.Spec.Role === 'manager');
    const workers = list.filter((n) => n.Spec.Role === 'worker');
    expect(managers).toHaveLength(3);
    expect(workers).toHaveLength(2);
    expect(managers.filter((n) => n.ManagerStatus?.Leader)).toHaveLength(1);
    expect(
      managers.filter((n) => !n.ManagerStatus?.Leader).map((n) => n.ManagerStatus?.Reachability),
    ).toEqual(['reachable', 'reachable']);
    expect(workers.every((n) => n.ManagerStatus === undefined)).toBe(true);
    for (const member of cluster.nodes) {
      const listed = nodeOf(list, member);
      expect(listed, member.name).toBeDefined();
      expect(listed!.Spec.Role).toBe(member.role);
      expect(listed!.Status).toMatchObject({ State: 'ready', Addr: member.addr });
      expect(listed!.Spec.Availability).toBe('active');
      expect(listed!.Description.Engine.EngineVersion).toMatch(/^\d+\.\d+/);
      expect(listed!.Description.Resources.NanoCPUs).toBeGreaterThan(0);
      expect(listed!.Description.Resources.MemoryBytes).toBeGreaterThan(0);
    }
    // the leader is the node the swarm was initialised on, which the gateway talks to
    expect(nodeOf(list, cluster.leader)!.ManagerStatus?.Leader).toBe(true);
  });

  it('drains a worker and activates it, promotes it and demotes it, adds and removes a label', async () => {
    const worker = cluster.nodes.find((n) => n.role === 'worker')!;
    const id = nodeOf(await nodes(), worker)!.ID;

    await updateNode(id, (spec) => ({ ...spec, Availability: 'drain' }));
    expect((await node(id)).Spec.Availability).toBe('drain');
    await updateNode(id, (spec) => ({ ...spec, Availability: 'active' }));
    expect((await node(id)).Spec.Availability).toBe('active');

    await updateNode(id, (spec) => ({ ...spec, Role: 'manager' }));
    expect((await node(id)).Spec.Role).toBe('manager');
    // it joins the managers' raft group: reachable, and not the leader
    const promoted = await eventually(
      'the promoted worker to be a reachable manager',
      () => node(id),
      (n) => n.ManagerStatus?.Reachability === 'reachable',
      30_000,
    );
    expect(promoted.ManagerStatus?.Leader).toBeFalsy();
    expect((await nodes()).filter((n) => n.Spec.Role === 'manager')).toHaveLength(4);

    await updateNode(id, (spec) => ({ ...spec, Role: 'worker' }));
    expect((await node(id)).Spec.Role).toBe('worker');
    await eventually(
      'the demoted node to leave the managers',
      () => node(id),
      (n) => n.ManagerStatus === undefined && n.Status.State === 'ready',
      30_000,
    );
    expect((await nodes()).filter((n) => n.Spec.Role === 'manager')).toHaveLength(3);

    await updateNode(id, (spec) => ({ ...spec, Labels: { ...spec.Labels, 'berth.zone': 'blue' } }));
    expect((await node(id)).Spec.Labels).toMatchObject({ 'berth.zone': 'blue' });
    await updateNode(id, (spec) => {
      const { 'berth.zone': _zone, ...labels } = spec.Labels ?? {};
      return { ...spec, Labels: labels };
    });
    expect((await node(id)).Spec.Labels ?? {}).not.toHaveProperty('berth.zone');
  }, 120_000);

  it('spreads a 4-replica service over several nodes, all running', async () => {
    web = await createService('berth-spread', 4);
    const tasks = await eventually(
      '4 running tasks of berth-spread',
      () => running(web),
      (t) => t.length === 4,
      60_000,
    );
    expect(new Set(tasks.map((t) => t.NodeID)).size).toBeGreaterThan(1);
  }, 90_000);

  it('places every task of a node.role==worker service on a worker', async () => {
    const workerIds = new Set(
      (await nodes()).filter((n) => n.Spec.Role === 'worker').map((n) => n.ID),
    );
    const id = await createService('berth-on-workers', 3, ['node.role==worker']);
    const tasks = await eventually(
      '3 running tasks of berth-on-workers',
      () => running(id),
      (t) => t.length === 3,
      60_000,
    );
    expect(tasks.every((t) => workerIds.has(t.NodeID))).toBe(true);
    expect((await api('DELETE', `/services/${id}`)).status).toBe(200);
    // (a task filter naming a removed service is an error: list them all)
    await eventually(
      'berth-on-workers tasks gone',
      () => api<Task[]>('GET', '/tasks').then((r) => r.body.filter((t) => t.ServiceID === id)),
      (t) => t.length === 0,
      30_000,
    );
  }, 90_000);

  it("shows the 5 nodes, the service and its running tasks in the gateway's live model", async () => {
    const list = await nodes();
    const modelNodes = await eventually(
      'the model to hold the 5 nodes',
      () => model.rows('nodes'),
      (rows) => rows.length === 5 && rows.every((r) => r.state === 'ready'),
      20_000,
    );
    for (const n of list) {
      const row = modelNodes.find((r) => r.id === n.ID);
      expect(row, n.Description.Hostname).toMatchObject({
        hostname: n.Description.Hostname,
        role: n.Spec.Role,
        availability: n.Spec.Availability,
        leader: Boolean(n.ManagerStatus?.Leader),
        engineVersion: n.Description.Engine.EngineVersion,
      });
    }
    expect(model.rows('services').find((s) => s.id === web)).toMatchObject({
      name: 'berth-spread',
      replicas: 4,
    });
    const engineRunning = ids(await running(web));
    await eventually(
      "the model's running tasks of berth-spread to be the engine's",
      () =>
        ids(
          model
            .rows('tasks')
            .filter((t) => t.serviceId === web)
            .filter((t) => t.desiredState === 'running' && t.state === 'running'),
        ),
      (rows) => JSON.stringify(rows) === JSON.stringify(engineRunning),
      20_000,
    );
  });

  it('a worker going down shows as down, its tasks move to the other nodes, and it comes back', async () => {
    const list = await nodes();
    const tasks = await running(web);
    // the worker running most of the service's tasks
    const workers = cluster.nodes.filter((n) => n.role === 'worker');
    const count = (member: SwarmClusterNode) =>
      tasks.filter((t) => t.NodeID === nodeOf(list, member)?.ID).length;
    const victim = workers.sort((a, b) => count(b) - count(a))[0]!;
    const victimId = nodeOf(list, victim)!.ID;
    const moved = count(victim);

    const stoppedAt = Date.now();
    await victim.stop();
    const down = await eventually(
      `${victim.name} to show as down`,
      () => node(victimId),
      (n) => n.Status.State === 'down',
      30_000,
    );
    expect(down.Status.State).toBe('down');
    const downAfter = Date.now() - stoppedAt;

    const after = await eventually(
      'berth-spread back at 4 running tasks, none on the stopped worker',
      () => running(web),
      (t) => t.length === 4 && t.every((task) => task.NodeID !== victimId),
      60_000,
    );
    expect(after.every((t) => t.NodeID !== victimId)).toBe(true);
    process.stderr.write(
      `[swarm-cluster] ${victim.name} down after ${downAfter} ms; ${moved} task(s) moved, 4 running after ${Date.now() - stoppedAt} ms\n`,
    );

    // The live model hears the node's update event and reads the node again: it shows it down,
    // and (reading the tasks on node events and every 2 s on a manager) the tasks where they went.
    const engineRunning = after.map((t) => t.ID).sort();
    await eventually(
      'the model to hold the tasks the swarm moved',
      () =>
        model
          .rows('tasks')
          .filter((t) => t.serviceId === web)
          // As `running` asks the engine: the lost task still says running, but is meant to stop.
          .filter((t) => t.desiredState === 'running' && t.state === 'running')
          .map((t) => t.id)
          .sort(),
      (ids) => JSON.stringify(ids) === JSON.stringify(engineRunning),
      20_000,
    );
    await eventually(
      `the model to show ${victim.name} down`,
      () => model.rows('nodes').find((r) => r.id === victimId)?.state,
      (state) => state === 'down',
      20_000,
    );

    await victim.start();
    const back = await eventually(
      `${victim.name} to be ready again`,
      () => node(victimId),
      (n) => n.Status.State === 'ready',
      60_000,
    );
    expect(back.Spec.Availability).toBe('active');
    expect((await nodes()).filter((n) => n.Status.State === 'ready')).toHaveLength(5);
    await eventually(
      `the model to show ${victim.name} ready again`,
      () => model.rows('nodes').find((r) => r.id === victimId)?.state,
      (state) => state === 'ready',
      20_000,
    );
  }, 180_000);

  it('the leader going down: the gateway fails over to another manager, keeps working and shows the new leader', async () => {
    const leader = cluster.leader;
    const oldLeaderId = nodeOf(await nodes(), leader)!.ID;
    await leader.stop();
    const stoppedAt = Date.now();

    const summary = await eventually(
      'the local endpoint up again through another manager',
      async () => {
        const res = await fetch(`${gateway.url}/api/endpoints/local`, { headers: admin });
        return { status: res.status, body: (await res.json()) as EndpointSummary };
      },
      (r) => r.status === 200 && r.body.status === 'up' && r.body.connectedUrl !== leader.host,
      60_000,
    );
    expect(summary.body.url).toBe(leader.host);
    expect(cluster.nodes.map((n) => n.host)).toContain(summary.body.connectedUrl);
    const switchedAfter = Date.now() - stoppedAt;

    // The remaining two managers elect a leader; until then a manager answers 503.
    const elected = await eventually(
      'a new leader in GET /nodes',
      () => api<Node[]>('GET', '/nodes'),
      (r) =>
        r.status === 200 && r.body.some((n) => n.ManagerStatus?.Leader && n.ID !== oldLeaderId),
      60_000,
    );
    const newLeader = elected.body.find((n) => n.ManagerStatus?.Leader)!;
    expect(newLeader.ID).not.toBe(oldLeaderId);
    process.stderr.write(
      `[swarm-cluster] leader's dockerd gone: endpoint through ${summary.body.connectedUrl} after ${switchedAfter} ms, new leader ${newLeader.Description.Hostname} after ${Date.now() - stoppedAt} ms\n`,
    );

    // Writes go on through the new manager: a service is made and runs.
    const service = await createService('berth-after-failover', 2, ['node.role==worker']);
    await eventually(
      'berth-after-failover at 2 running tasks',
      () => running(service),
      (t) => t.length === 2,
      60_000,
    );

    // The live model (its events stream now comes from the new manager) shows the new leader.
    await eventually(
      'the model to show the new leader',
      () => model.rows('nodes').find((r) => r.leader)?.id,
      (id) => id === newLeader.ID,
      30_000,
    );

    await leader.start();
    await eventually(
      `${leader.name} back as a reachable manager`,
      () => api<Node[]>('GET', '/nodes'),
      (r) =>
        r.status === 200 &&
        r.body.filter((n) => n.Status.State === 'ready').length === 5 &&
        r.body.find((n) => n.ID === oldLeaderId)?.ManagerStatus?.Reachability === 'reachable',
      90_000,
    );
  }, 240_000);
});
