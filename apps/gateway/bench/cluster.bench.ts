// The swarm at scale (`npm run bench -- cluster`, issue #19): a real five-node swarm (3 managers,
// 2 workers, scripts/lib/swarm-cluster.mjs), one service scaled from 1 to 200 tasks. From the
// moment the scale is sent: when the gateway's live model (what the cluster and service pages
// paint from) holds all 200 running, against polling the engine for the service's tasks once a
// second (what `watch docker service ps` does), on the same cluster at the same time.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startSwarmCluster } from '../../../scripts/lib/swarm-cluster.mjs';
import {
  ADMIN_PASSWORD,
  BASE_IMAGE,
  bearer,
  relayClient,
  startTestGateway,
  tokenFor,
} from '../test/harness';
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

/** What e2e/bench/cluster-view.bench.ts saw in Chromium (its RESULT line). */
interface ViewResult {
  shownMs: number;
  frames: number;
  frameP50: number;
  frameP95: number;
  frameMax: number;
  longTasks: number;
  longTaskMs: number;
  cards: number;
  heapMiB: number | null;
}

/**
 * The cluster view open in Chromium (a child process: Playwright lives in e2e/), resolved once
 * the page is ready for the scale. `go()` starts its measuring window; `result` is what it saw.
 */
async function openClusterView(url: string): Promise<{
  go: () => void;
  result: Promise<ViewResult>;
  child: ChildProcess;
}> {
  const e2e = fileURLToPath(new URL('../../../e2e/', import.meta.url));
  const child = spawn(
    fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url)),
    ['bench/cluster-view.bench.ts'],
    {
      cwd: e2e,
      env: {
        ...process.env,
        BERTH_E2E_URL: url,
        BERTH_E2E_ADMIN_PASSWORD: ADMIN_PASSWORD,
        BENCH_TASKS: String(REPLICAS),
        BENCH_TIMEOUT_MS: String(TIMEOUT_MS),
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const { stdin, stdout } = child;
  if (!stdin || !stdout) throw new Error('the cluster view bench has no pipes');
  const lines = createInterface({ input: stdout });
  let ready!: () => void;
  let failed!: (error: Error) => void;
  const isReady = new Promise<void>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  const result = new Promise<ViewResult>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line === 'READY') ready();
      else if (line.startsWith('RESULT ')) resolve(JSON.parse(line.slice(7)) as ViewResult);
    });
    child.on('exit', (code) => {
      const error = new Error(`the cluster view bench exited with ${code}`);
      failed(error);
      reject(error);
    });
  });
  result.catch(() => undefined);
  await isReady;
  return { go: () => stdin.write('GO\n'), result, child };
}

export async function benchCluster(): Promise<string[]> {
  const name = (process.env.BENCH_CLUSTER_NAME ?? 'benchcl').slice(0, 11);
  const cluster = await startSwarmCluster({ name, managers: 3, workers: 2 });
  let gateway: Gateway | undefined;
  let model: ModelClient | undefined;
  let view: Awaited<ReturnType<typeof openClusterView>> | undefined;
  try {
    // the harness's gateway takes its engine from DOCKER_HOST: the leader here
    process.env.DOCKER_HOST = cluster.leader.host;
    gateway = await startTestGateway({
      DOCKER_HOST: cluster.leader.host,
      // the built web app, for the browser's view of the scale
      BERTH_STATIC_DIR: fileURLToPath(new URL('../../web/dist', import.meta.url)),
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
    view = await openClusterView(live.url);
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
    view.go();

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
    const [poll, modelMs, seen] = await Promise.all([polled, modelled, view.result]);
    const perNode = new Map<string, number>();
    for (const t of poll.running) perNode.set(t.NodeID, (perNode.get(t.NodeID) ?? 0) + 1);
    await api('DELETE', `/services/${id}`);
    return [
      `cluster (${REPLICAS} tasks over ${cluster.nodes.length} nodes: 3 managers, 2 workers; formed in ${(cluster.formedMs / 1000).toFixed(1)} s)`,
      `  scale 1 → ${REPLICAS}: live model shows all running after ${(modelMs / 1000).toFixed(2)} s`,
      `  polling the engine every ${POLL_MS} ms (watch docker service ps): ${(poll.ms / 1000).toFixed(2)} s, ${polls} calls`,
      `  model / polling: ${(modelMs / poll.ms).toFixed(2)}x; tasks per node ${[...perNode.values()].sort((a, b) => b - a).join(' / ')}`,
      `  the cluster view in Chromium: all ${REPLICAS} shown running after ${(seen.shownMs / 1000).toFixed(2)} s (${(seen.shownMs / poll.ms).toFixed(2)}x polling), ${seen.cards} cards`,
      `  frames while they arrived: ${seen.frames}, p50 ${seen.frameP50.toFixed(1)} ms, p95 ${seen.frameP95.toFixed(1)} ms, max ${seen.frameMax.toFixed(0)} ms; long tasks ${seen.longTasks} (${seen.longTaskMs.toFixed(0)} ms in all)${seen.heapMiB === null ? '' : `; JS heap ${seen.heapMiB.toFixed(1)} MiB`}`,
    ];
  } finally {
    view?.child.kill();
    model?.close();
    await gateway?.close();
    await cluster.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`\n${(await benchCluster()).join('\n')}\n`);
}
