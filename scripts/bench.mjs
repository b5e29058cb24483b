// `npm run bench`: builds Berth, starts a private engine with 120 containers and a gateway in
// front of it, and prints the benchmark numbers and ratios (see apps/gateway/bench).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_IMAGE, engineRequest, ensureBaseImage, startPrivateEngine } from './lib/engine.mjs';
import { log, pnpm, startGatewayProcess, stopProcess } from './lib/shell.mjs';
import { ensurePackages } from './lib/system.mjs';

const root = new URL('..', import.meta.url).pathname;
// Engine names and ports can be moved, so that several checkouts on one machine can bench.
const PORT = Number(process.env.BERTH_BENCH_PORT ?? 7441);
const ENGINE_NAME = process.env.BERTH_BENCH_ENGINE ?? 'bench';
const MODEL_ENGINE_NAME = process.env.BERTH_BENCH_MODEL_ENGINE ?? 'bench-model';
/** Names the simulated engines' sockets (/tmp/berth-<name>-<containers>.sock). */
const SIM_NAME = process.env.BERTH_BENCH_SIM ?? 'bench-sim';
/** The simulated-engine cases: 20,000 containers for the model, 5,000 for the browser's filter. */
const SIM_CONTAINERS = 20_000;
const FILTER_CONTAINERS = 5_000;
const CONTAINERS = 120;
/** The engine-model case: a big engine of its own (kept under .berth, so seeded once). */
const MODEL_CONTAINERS = 5000;
const MODEL_RUNNING = 200;
const SEED_PARALLEL = 8;
const BENCH_PASSWORD = 'bench-harbour-2026';
// `npm run bench -- terminal log-viewer`: only these suites (relay, terminal, live, model,
// first-load, log-viewer, sim, filter, stacks; `soak`, the 30-minute wall run, only when named).
const ONLY = process.argv.slice(2);
const wanted = (suite) => ONLY.length === 0 || ONLY.includes(suite);
/** The simulated-engine suites need no real engine: run alone, they start none. */
const SIM_SUITES = ['sim', 'filter'];
const needsEngine = ONLY.length === 0 || ONLY.some((suite) => !SIM_SUITES.includes(suite));

let engine;
let gateway;
let modelEngine;
let modelGateway;
/** The simulated engines and the gateways in front of them. */
const simProcesses = [];

async function cleanup() {
  await stopProcess(gateway);
  await stopProcess(modelGateway);
  for (const child of simProcesses.splice(0).reverse()) await stopProcess(child);
  await engine?.stop();
  await modelEngine?.stop();
}

/** Runs `task` over 0..count-1, `limit` at a time. */
async function bounded(count, limit, task) {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

/** 5,000 containers (200 running), created with bounded parallelism; only what is missing. */
async function seedModel(host) {
  const socket = host.slice('unix://'.length);
  const filters = encodeURIComponent(JSON.stringify({ label: ['berth.bench.model'] }));
  const list = JSON.parse(
    (await engineRequest(socket, 'GET', `/containers/json?all=1&filters=${filters}`)).body,
  );
  const have = new Set(list.map((c) => c.Names[0].slice(1)));
  const missing = [];
  for (let i = 0; i < MODEL_CONTAINERS; i++) if (!have.has(`model-${i}`)) missing.push(i);
  let made = 0;
  await bounded(missing.length, SEED_PARALLEL, async (k) => {
    const i = missing[k];
    await engineRequest(socket, 'POST', `/containers/create?name=model-${i}`, {
      body: JSON.stringify({
        Image: BASE_IMAGE,
        Cmd: ['sleep', '86400'],
        Labels: { 'berth.bench.model': 'true', index: String(i) },
      }),
      headers: { 'Content-Type': 'application/json' },
    });
    if (++made % 500 === 0) log(`  ${made} of ${missing.length} created`);
  });
  const running = JSON.parse(
    (
      await engineRequest(
        socket,
        'GET',
        `/containers/json?filters=${encodeURIComponent(JSON.stringify({ label: ['berth.bench.model'], status: ['running'] }))}`,
      )
    ).body,
  ).length;
  await bounded(Math.max(0, MODEL_RUNNING - running), SEED_PARALLEL, (k) =>
    engineRequest(socket, 'POST', `/containers/model-${k}/start`),
  );
}

async function seed(host) {
  const socket = host.slice('unix://'.length);
  const list = JSON.parse((await engineRequest(socket, 'GET', '/containers/json?all=1')).body);
  for (let i = list.length; i < CONTAINERS; i++) {
    const body = JSON.stringify({
      Image: BASE_IMAGE,
      Cmd: ['sleep', '3600'],
      Labels: { 'berth.bench': 'true', index: String(i) },
    });
    await engineRequest(socket, 'POST', `/containers/create?name=bench-${i}`, {
      body,
      headers: { 'Content-Type': 'application/json' },
    });
  }
}

/**
 * A simulated engine (apps/gateway/bench/sim-engine.ts) with `containers` generated containers,
 * and a gateway in front of it on `port`.
 */
async function startSim(containers, port) {
  const socket = `/tmp/berth-${SIM_NAME}-${containers}.sock`;
  rmSync(socket, { force: true });
  const sim = spawn(
    join(root, 'apps/gateway/node_modules/.bin/tsx'),
    ['bench/sim-engine-main.ts', socket, String(containers)],
    { cwd: join(root, 'apps', 'gateway'), stdio: ['ignore', 'ignore', 'inherit'] },
  );
  simProcesses.push(sim);
  const deadline = Date.now() + 30_000;
  while (!existsSync(socket)) {
    if (sim.exitCode !== null) throw new Error('the simulated engine exited before it listened');
    if (Date.now() > deadline) throw new Error('the simulated engine did not listen within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const simGateway = await startGatewayProcess({
    cwd: root,
    port,
    env: {
      DOCKER_HOST: `unix://${socket}`,
      LOG_LEVEL: 'warn',
      BERTH_DATA: mkdtempSync(join(tmpdir(), 'berth-bench-sim-')),
      BERTH_ADMIN_PASSWORD: BENCH_PASSWORD,
    },
  });
  simProcesses.push(simGateway);
  return { host: `unix://${socket}`, url: `http://127.0.0.1:${port}`, pid: simGateway.pid };
}

/** The simulated-engine suites: the 20,000-container model and the browser's filter at 5,000. */
async function benchSims() {
  if (wanted('sim')) {
    const sim = await startSim(SIM_CONTAINERS, PORT + 2);
    await pnpm(['exec', 'tsx', 'bench/sim.bench.ts'], {
      cwd: join(root, 'apps', 'gateway'),
      env: {
        ...process.env,
        BERTH_SIM_URL: sim.url,
        BERTH_SIM_DOCKER_HOST: sim.host,
        BERTH_SIM_GATEWAY_PID: String(sim.pid),
        BERTH_SIM_CONTAINERS: String(SIM_CONTAINERS),
        BERTH_ADMIN_PASSWORD: BENCH_PASSWORD,
      },
    });
  }
  if (wanted('filter')) {
    await ensurePackages(['chromium', 'fonts-liberation']);
    const sim = await startSim(FILTER_CONTAINERS, PORT + 3);
    await pnpm(['exec', 'tsx', '../../e2e/bench/filter.bench.ts'], {
      cwd: join(root, 'apps', 'gateway'),
      env: {
        ...process.env,
        BERTH_E2E_URL: sim.url,
        BERTH_E2E_ADMIN_PASSWORD: BENCH_PASSWORD,
        BENCH_ROWS: String(FILTER_CONTAINERS),
      },
    });
  }
  for (const child of simProcesses.splice(0).reverse()) await stopProcess(child);
}

async function main() {
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => void cleanup().finally(() => process.exit(130)));
  if (needsEngine) await ensurePackages(['docker.io', 'busybox-static', 'iproute2']);
  // The stacks suite races Berth against Debian's compose CLI.
  if (wanted('stacks')) await ensurePackages(['docker-compose']);
  await pnpm(['install', '--frozen-lockfile', '--prefer-offline'], { cwd: root });
  await pnpm(['-r', 'run', 'build'], { cwd: root });
  await benchSims();
  if (!needsEngine) return;

  engine = await startPrivateEngine({
    name: ENGINE_NAME,
    dir: join(root, '.berth', 'bench-engine'),
  });
  await ensureBaseImage(engine.host);
  log(`seeding ${CONTAINERS} containers`);
  await seed(engine.host);

  // one running container for the terminal benchmarks
  const socket = engine.host.slice('unix://'.length);
  const runner = 'bench-terminal';
  await engineRequest(socket, 'POST', `/containers/create?name=${runner}`, {
    body: JSON.stringify({
      Image: BASE_IMAGE,
      Cmd: ['sleep', '86400'],
      Labels: { 'berth.bench': 'true' },
    }),
    headers: { 'Content-Type': 'application/json' },
  });
  await engineRequest(socket, 'POST', `/containers/${runner}/start`);

  gateway = await startGatewayProcess({
    cwd: root,
    port: PORT,
    env: {
      DOCKER_HOST: engine.host,
      LOG_LEVEL: 'warn',
      BERTH_DATA: mkdtempSync(join(tmpdir(), 'berth-bench-')),
      BERTH_ADMIN_PASSWORD: BENCH_PASSWORD,
    },
  });

  const modelEnv = {};
  if (wanted('model')) {
    modelEngine = await startPrivateEngine({
      name: MODEL_ENGINE_NAME,
      dir: join(root, '.berth', 'bench-model-engine'),
    });
    await ensureBaseImage(modelEngine.host);
    log(`seeding ${MODEL_CONTAINERS} containers (${MODEL_RUNNING} running) for the model case`);
    await seedModel(modelEngine.host);
    modelGateway = await startGatewayProcess({
      cwd: root,
      port: PORT + 1,
      env: {
        DOCKER_HOST: modelEngine.host,
        LOG_LEVEL: 'warn',
        BERTH_DATA: mkdtempSync(join(tmpdir(), 'berth-bench-model-')),
        BERTH_ADMIN_PASSWORD: BENCH_PASSWORD,
      },
    });
    Object.assign(modelEnv, {
      BERTH_MODEL_URL: `http://127.0.0.1:${PORT + 1}`,
      BERTH_MODEL_DOCKER_HOST: modelEngine.host,
      BERTH_MODEL_GATEWAY_PID: String(modelGateway.pid),
    });
  }

  // tsx is the gateway's devDependency: run it from there.
  await pnpm(['exec', 'tsx', 'bench/run.ts'], {
    cwd: join(root, 'apps', 'gateway'),
    env: {
      ...process.env,
      DOCKER_HOST: engine.host,
      BERTH_URL: `http://127.0.0.1:${PORT}`,
      BERTH_ADMIN_PASSWORD: BENCH_PASSWORD,
      BERTH_GATEWAY_PID: String(gateway.pid),
      BERTH_BENCH_CONTAINER: runner,
      BERTH_BENCH_ONLY: ONLY.join(','),
      ...modelEnv,
    },
  });

  // A real five-node swarm scaled to 200 tasks: the live model against polling the engine.
  if (wanted('cluster')) {
    await pnpm(['exec', 'tsx', 'bench/cluster.bench.ts'], {
      cwd: join(root, 'apps', 'gateway'),
      env: { ...process.env, BENCH_CLUSTER_NAME: 'benchcl' },
    });
  }

  // What the login and containers pages fetch on a first load, in Debian's Chromium.
  if (wanted('first-load')) {
    await ensurePackages(['chromium', 'fonts-liberation']);
    await pnpm(['exec', 'tsx', '../../e2e/bench/first-load.bench.ts'], {
      cwd: join(root, 'apps', 'gateway'),
      env: {
        ...process.env,
        BERTH_E2E_URL: `http://127.0.0.1:${PORT}`,
        BERTH_E2E_ADMIN_PASSWORD: BENCH_PASSWORD,
      },
    });
  }

  // The log viewer in Debian's Chromium: ingest and search over 1,000,000 lines.
  if (wanted('log-viewer')) {
    await ensurePackages(['chromium', 'fonts-liberation']);
    // tsx lives in the gateway's devDependencies; the script resolves its imports from e2e/.
    await pnpm(['exec', 'tsx', '../../e2e/bench/log-viewer.bench.ts'], {
      cwd: join(root, 'apps', 'gateway'),
      env: {
        ...process.env,
        // The engine's own stream of the log is timed beside the viewer.
        DOCKER_HOST: engine.host,
        BERTH_E2E_URL: `http://127.0.0.1:${PORT}`,
        BERTH_E2E_ADMIN_PASSWORD: BENCH_PASSWORD,
      },
    });
  }

  // The wall open for BERTH_SOAK_MINUTES (default 30) while 50 containers change state: JS heap.
  // Half an hour is a run of its own: only when named (`npm run bench -- soak`).
  if (ONLY.includes('soak')) {
    await pnpm(['exec', 'tsx', '../../e2e/bench/wall-soak.bench.ts'], {
      cwd: join(root, 'apps', 'gateway'),
      env: {
        ...process.env,
        BERTH_E2E_URL: `http://127.0.0.1:${PORT}`,
        BERTH_E2E_ADMIN_PASSWORD: BENCH_PASSWORD,
      },
    });
  }
  await cleanup();
}

main().catch(async (error) => {
  log(`bench failed: ${error.message}`);
  await cleanup();
  process.exit(1);
});
