// The swarm at scale (`npm run bench -- cluster`, issue #19): a real five-node swarm (3 managers,
// 2 workers, scripts/lib/swarm-cluster.mjs), one service scaled from 1 to 200 tasks. From the
// moment the scale is sent: when the gateway's live model (what the cluster and service pages
// paint from) holds all 200 running, against polling the engine for the service's tasks once a
// second (what `watch docker service ps` does), on the same cluster at the same time.
import { startSwarmCluster } from '../../../scripts/lib/swarm-cluster.mjs';
import { BASE_IMAGE, bearer, relayClient, startTestGateway, tokenFor } from '../test/harness';
import { ModelClient } from '../test/model-client';
import type { Gateway } from '../src/gateway';

const REPLICAS = Number(process.env.BENCH_CLUSTER_TASKS ?? 200);
const POLL_MS = 1000;
const TIMEOUT_MS = 600_000;

interface Task {
  ID: string;
  NodeID: string;
  DesiredState: string;
  Status: { State: string };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchCluster(): Promise<string[]> {
  const name = (process.env.BENCH_CLUSTER_NAME ?? 'benchcl').slice(0, 11);
  const cluster = await startSwarmCluster({ name, managers: 3, workers: 2 });
  let gateway: Gateway | undefined;
  let model: ModelClient | undefined;
  try {
    // the harness's gateway takes its engine from DOCKER_HOST: the leader here
    process.env.DOCKER_HOST = cluster.leader.host;
    gateway = await startTestGateway({
      DOCKER_HOST: cluster.leader.host,
      BERTH_FAILOVER_HOSTS: cluster.nodes
        .filter((n) => n.role === 'manager' && n !== cluster.leader)
        .map((n) => n.host)
        .join(','),
    });
    const live = gateway;
    const admin = bearer(tokenFor(live, 'admin'));
    const api = relayClient(
      () => live,
      () => admin,
    );
    const watcher = new ModelClient(
      `${live.url.replace('http', 'ws')}/api/endpoints/local/ws/events`,
      admin,
    );
    model = watcher;
    await watcher.start();

    const created = await api<{ ID: string }>('POST', '/services/create', {
      Name: 'bench-scale',
      TaskTemplate: {
        ContainerSpec: { Image: BASE_IMAGE, Command: ['sleep', '86400'], StopGracePeriod: 1e9 },
        RestartPolicy: { Condition: 'any', Delay: 1e9 },
        Resources: { Limits: { MemoryBytes: 16 * 1024 * 1024 } },
      },
      Mode: { Replicated: { Replicas: 1 } },
    });
    if (created.status !== 201) throw new Error(`service create: ${JSON.stringify(created.body)}`);
    const id = created.body.ID;
    const filters = encodeURIComponent(
      JSON.stringify({ service: [id], 'desired-state': ['running'] }),
    );
    const engineRunning = async () => {
      const res = await api<Task[]>('GET', `/tasks?filters=${filters}`);
      return res.status === 200 ? res.body.filter((t) => t.Status.State === 'running') : [];
    };
    const modelRunning = () =>
      watcher
        .rows('tasks')
        .filter((t) => t.serviceId === id && t.desiredState === 'running' && t.state === 'running')
        .length;
    for (const deadline = Date.now() + 120_000; (await engineRunning()).length < 1;) {
      if (Date.now() > deadline) throw new Error('the first task never ran');
      await sleep(500);
    }

    const service = await api<{ Version: { Index: number }; Spec: Record<string, unknown> }>(
      'GET',
      `/services/${id}`,
    );
    const scaledAt = performance.now();
    const scaled = await api(
      'POST',
      `/services/${id}/update?version=${service.body.Version.Index}`,
      {
        ...service.body.Spec,
        Mode: { Replicated: { Replicas: REPLICAS } },
      },
    );
    if (scaled.status !== 200) throw new Error(`scale: ${JSON.stringify(scaled.body)}`);

    // Both watchers from the same moment: the model (checked every 20 ms, in this process) and a
    // poll of the engine once a second, as `watch docker service ps` would.
    let polls = 0;
    const polled = (async () => {
      for (;;) {
        polls++;
        const running = await engineRunning();
        if (running.length >= REPLICAS) return { ms: performance.now() - scaledAt, running };
        if (performance.now() - scaledAt > TIMEOUT_MS) throw new Error('polling: timed out');
        await sleep(POLL_MS);
      }
    })();
    const modelled = (async () => {
      for (;;) {
        if (modelRunning() >= REPLICAS) return performance.now() - scaledAt;
        if (performance.now() - scaledAt > TIMEOUT_MS) throw new Error('model: timed out');
        await sleep(20);
      }
    })();
    const [poll, modelMs] = await Promise.all([polled, modelled]);
    const perNode = new Map<string, number>();
    for (const t of poll.running) perNode.set(t.NodeID, (perNode.get(t.NodeID) ?? 0) + 1);
    await api('DELETE', `/services/${id}`);
    return [
      `cluster (${REPLICAS} tasks over ${cluster.nodes.length} nodes: 3 managers, 2 workers; formed in ${(cluster.formedMs / 1000).toFixed(1)} s)`,
      `  scale 1 → ${REPLICAS}: live model shows all running after ${(modelMs / 1000).toFixed(2)} s`,
      `  polling the engine every ${POLL_MS} ms (watch docker service ps): ${(poll.ms / 1000).toFixed(2)} s, ${polls} calls`,
      `  model / polling: ${(modelMs / poll.ms).toFixed(2)}x; tasks per node ${[...perNode.values()].sort((a, b) => b - a).join(' / ')}`,
    ];
  } finally {
    model?.close();
    await gateway?.close();
    await cluster.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`\n${(await benchCluster()).join('\n')}\n`);
}
