// `node scripts/check.mjs <integration|e2e> [--name N] [--port P] [filters…]`: runs one slice of
// the suites against a private engine (and registry) of its own, so several people or checkouts
// on one machine can test side by side. `npm test` stays the one command that runs everything.
//
//   node scripts/check.mjs integration --name swarm -- -t "swarm"
//   node scripts/check.mjs e2e --name wall --port 7460 tests/wall.spec.ts
//
// The e2e mode expects a build (`npx pnpm@10 -r run build`) and starts the gateway from it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBaseImage, startPrivateEngine } from './lib/engine.mjs';
import { startPouchReplay } from './lib/pouch-replay.mjs';
import { startOidcProvider } from './lib/oidc-provider.mjs';
import { startRegistry } from './lib/registry.mjs';
import { clusterEnv, startSwarmCluster } from './lib/swarm-cluster.mjs';
import { log, pnpm, startGatewayProcess, stopProcess } from './lib/shell.mjs';
import { ensurePackages } from './lib/system.mjs';

const root = new URL('..', import.meta.url).pathname;
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string', default: 'check' },
    port: { type: 'string', default: '7450' },
    'registry-port': { type: 'string' },
  },
});
const [mode, ...filters] = positionals;
if (mode !== 'integration' && mode !== 'e2e') {
  process.stderr.write('usage: node scripts/check.mjs <integration|e2e> [--name N] [--port P] …\n');
  process.exit(2);
}

const port = Number(values.port);
// What the integration tests run besides the engine: mmdebstrap (Berth's own image) and nginx
// (behind a reverse proxy). Installed only when missing; test.mjs installs the rest.
if (mode === 'integration') await ensurePackages(['mmdebstrap', 'nginx']);
const engine = await startPrivateEngine({ name: values.name });
let registry;
let oidcProvider;
let gateway;
let pouch;
let engine2;
let cluster;
let code = 0;
async function cleanup() {
  await stopProcess(gateway);
  await pouch?.stop();
  await registry?.stop();
  await oidcProvider?.stop();
  await engine.stop();
  await engine2?.stop();
  await cluster?.stop();
}
// Ctrl-C or a kill still stops the engines, the registry, the OpenID provider and the gateway
// this run started.
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => void cleanup().finally(() => process.exit(130)));
try {
  await ensureBaseImage(engine.host);
  registry = await startRegistry({ port: Number(values['registry-port'] ?? port + 1) });
  // A real OpenID provider on a free loopback port, for the single sign-on tests.
  oidcProvider = await startOidcProvider();
  const env = {
    ...process.env,
    DOCKER_HOST: engine.host,
    BERTH_TEST_REGISTRY: registry.address,
    BERTH_TEST_OIDC_ISSUER: oidcProvider.issuer,
    // Tests that start engines of their own name them after this run's, so runs never collide.
    BERTH_CHECK_NAME: values.name,
  };
  if (mode === 'integration') {
    await pnpm(['exec', 'vitest', 'run', '--project', 'integration', ...filters], {
      cwd: root,
      env,
    });
  } else {
    // A second private engine for the multi-endpoint specs, started after the first.
    engine2 = await startPrivateEngine({ name: `${values.name}2` });
    await ensureBaseImage(engine2.host);
    const data = join(engine.dataDir, 'berth');
    mkdirSync(data, { recursive: true });
    gateway = await startGatewayProcess({
      cwd: root,
      port,
      env: {
        ...env,
        HOST: '127.0.0.1',
        BERTH_DATA: data,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      },
    });
    pouch = await startPouchReplay({ root, name: values.name });
    // The five-node swarm only when a cluster spec is asked for: it takes a while to form.
    if (filters.some((f) => f.includes('cluster')))
      cluster = await startSwarmCluster({
        name: `${
          values.name
            .toLowerCase()
            .replace(/[^a-z0-9]/g, '')
            .slice(0, 7) || 'c'
        }-cl`,
      });
    await pnpm(['exec', 'playwright', 'test', '--reporter=list', ...filters], {
      cwd: join(root, 'e2e'),
      env: {
        ...env,
        BERTH_E2E_URL: `http://127.0.0.1:${port}`,
        BERTH_E2E_POUCH: pouch.url,
        BERTH_E2E_SECOND_ENGINE: engine2.host,
        ...(cluster ? { BERTH_E2E_CLUSTER: clusterEnv(cluster) } : {}),
      },
    });
  }
} catch (error) {
  log(`✗ ${error.message}`);
  code = 1;
} finally {
  await cleanup();
}
process.exit(code);
