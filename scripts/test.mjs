// `npm test`: installs what is missing (apt and npm), starts a private engine, runs lint,
// typecheck, unit, gateway integration and Playwright e2e suites, and tears the engine down
// also on failure. Exits non-zero on any failure and ends with one "N passed, N failed" line.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBaseImage, removeQuietly, startPrivateEngine } from './lib/engine.mjs';
import { startPouchReplay } from './lib/pouch-replay.mjs';
import { startOidcProvider } from './lib/oidc-provider.mjs';
import { startRegistry } from './lib/registry.mjs';
import { clusterEnv, startSwarmCluster } from './lib/swarm-cluster.mjs';
import { log, pnpm, startGatewayProcess, stopProcess } from './lib/shell.mjs';
import { ensurePackages } from './lib/system.mjs';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'test-results');
const E2E_PORT = 7439;
// Every temporary folder of this run (engine data roots, gateway data, test scratch) is made
// below one root, removed at the end: a test that forgets its own does not fill /tmp.
const runTmp = mkdtempSync('/tmp/berth-t-');
process.env.TMPDIR = runTmp;

let engine;
// A second private engine for the multi-endpoint e2e specs (fleet, wall): added as an endpoint.
let engine2;
let gateway;
let registry;
let oidcProvider;
let pouch;
// A five-node swarm (3 managers, 2 workers) for the cluster e2e project: the last to run.
let cluster;
const results = [];

async function cleanup() {
  await stopProcess(gateway);
  await pouch?.stop();
  pouch = undefined;
  await cluster?.stop();
  cluster = undefined;
  await registry?.stop();
  registry = undefined;
  await oidcProvider?.stop();
  oidcProvider = undefined;
  if (engine) {
    log('stopping the private engine');
    await engine.stop();
    engine = undefined;
  }
  await engine2?.stop();
  engine2 = undefined;
  removeQuietly(runTmp);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

/** Runs one suite; a failure is recorded and the next suites still run. */
async function step(name, fn) {
  const started = Date.now();
  log(`── ${name}`);
  try {
    await fn();
    results.push({ name, ok: true, seconds: (Date.now() - started) / 1000 });
  } catch (error) {
    results.push({ name, ok: false, seconds: (Date.now() - started) / 1000, error: error.message });
    log(`✗ ${name}: ${error.message}`);
  }
}

function countVitest(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numFailedTestSuites ?? 0),
  };
}

function countPlaywright(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const stats = JSON.parse(readFileSync(file, 'utf8')).stats;
  if (stats.flaky) log(`${stats.flaky} e2e test(s) passed only on retry (flaky)`);
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
}

async function main() {
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });

  await ensurePackages([
    'docker.io',
    'busybox-static',
    'iproute2',
    'chromium',
    'fonts-liberation',
    'docker-registry',
    // the stacks tests check interop with the real compose CLI (1.29, Debian's)
    'docker-compose',
    'apache2-utils',
    'openssl',
    // the ssh:// endpoint tests run a real sshd
    'openssh-server',
    'openssh-client',
    // the plugin test compiles a static unix-socket listener into the plugin's rootfs
    'gcc',
    'libc6-dev',
    // the image test makes a Node base rootfs (Berth's own image); the proxy test runs nginx
    'mmdebstrap',
    'nginx',
  ]);
  await pnpm(['install', '--frozen-lockfile', '--prefer-offline'], { cwd: root });

  await step('lint (eslint + prettier)', () =>
    pnpm(['exec', 'eslint', '.'], { cwd: root }).then(() =>
      pnpm(['exec', 'prettier', '--check', '.'], { cwd: root }),
    ),
  );
  await step('typecheck (tsc -b)', () => pnpm(['exec', 'tsc', '-b'], { cwd: root }));

  const unitReport = join(reports, 'unit.json');
  await step('unit tests (vitest)', () =>
    pnpm(
      [
        'exec',
        'vitest',
        'run',
        '--project',
        'api',
        '--project',
        'gateway',
        '--project',
        'web',
        '--reporter=default',
        '--reporter=json',
        `--outputFile=${unitReport}`,
      ],
      { cwd: root },
    ),
  );

  log('starting a private Docker engine');
  engine = await startPrivateEngine({ name: 'test' });
  await ensureBaseImage(engine.host);
  log('starting a private registry (htpasswd auth)');
  registry = await startRegistry();
  log('starting a test OpenID Connect provider');
  oidcProvider = await startOidcProvider();
  const engineEnv = {
    DOCKER_HOST: engine.host,
    BERTH_TEST_REGISTRY: registry.address,
    BERTH_TEST_OIDC_ISSUER: oidcProvider.issuer,
  };

  const integrationReport = join(reports, 'integration.json');
  await step('gateway integration tests (vitest, real engine)', () =>
    pnpm(
      [
        'exec',
        'vitest',
        'run',
        '--project',
        'integration',
        '--reporter=default',
        '--reporter=json',
        `--outputFile=${integrationReport}`,
      ],
      { cwd: root, env: { ...process.env, ...engineEnv } },
    ),
  );

  const e2eReport = join(reports, 'e2e.json');
  await step('build', () => pnpm(['-r', 'run', 'build'], { cwd: root }));
  await step('e2e (Playwright, Debian chromium)', async () => {
    // Started after the first (never two dockerd starting at once), with a name of its own.
    engine2 = await startPrivateEngine({ name: 'test2' });
    await ensureBaseImage(engine2.host);
    gateway = await startGatewayProcess({
      cwd: root,
      port: E2E_PORT,
      env: {
        ...engineEnv,
        HOST: '127.0.0.1',
        BERTH_DATA: join(engine.dataDir, 'berth'),
        LOG_LEVEL: 'warn',
      },
    });
    pouch = await startPouchReplay({ root, name: 'e2e' });
    log('starting a five-node swarm for the cluster specs');
    cluster = await startSwarmCluster({ name: 'e2ecl', managers: 3, workers: 2 });
    await pnpm(['exec', 'playwright', 'test', '--reporter=list,json'], {
      cwd: join(root, 'e2e'),
      env: {
        ...process.env,
        ...engineEnv,
        BERTH_E2E_URL: `http://127.0.0.1:${E2E_PORT}`,
        BERTH_E2E_POUCH: pouch.url,
        BERTH_E2E_SECOND_ENGINE: engine2.host,
        BERTH_E2E_CLUSTER: clusterEnv(cluster),
        PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
      },
    });
  });

  const counts = [
    countVitest(unitReport),
    countVitest(integrationReport),
    countPlaywright(e2eReport),
  ];
  const passed = counts.reduce((n, c) => n + c.passed, 0);
  const failed = counts.reduce((n, c) => n + c.failed, 0);
  await cleanup();

  log('summary:');
  for (const r of results)
    log(
      `  ${r.ok ? '✓' : '✗'} ${r.name} (${r.seconds.toFixed(1)} s)${r.ok ? '' : ` — ${r.error}`}`,
    );
  const stepsFailed = results.filter((r) => !r.ok).length;
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exit(stepsFailed > 0 || failed > 0 ? 1 : 0);
}

main().catch(async (error) => {
  log(`✗ ${error.message}`);
  await cleanup();
  process.exit(1);
});
