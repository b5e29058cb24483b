// `npm start`: installs dependencies, builds, and serves Berth on http://127.0.0.1:7420.
// When no engine answers at DOCKER_HOST, it runs a private demo engine under the data folder
// (installing Debian's docker.io and busybox-static when missing), seeds it, and stops it on exit.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import {
  BASE_IMAGE,
  engineAnswers,
  engineRequest,
  ensureBaseImage,
  startPrivateEngine,
} from './lib/engine.mjs';
import { log, pnpm } from './lib/shell.mjs';
import { ensurePackages } from './lib/system.mjs';

const root = new URL('..', import.meta.url).pathname;
const dockerHost = process.env.DOCKER_HOST || 'unix:///var/run/docker.sock';
const dataDir = resolve(root, process.env.BERTH_DATA || '.berth');

let demo;
let gateway;
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  if (gateway && gateway.exitCode === null) {
    gateway.kill('SIGTERM');
    await new Promise((r) => gateway.once('exit', r));
  }
  if (demo) {
    log('stopping the demo engine');
    await demo.stop();
  }
  process.exit(code);
}

/**
 * A few containers so the demo shows every state: running, paused, exited with an error,
 * created. On later starts the engine comes back with them stopped: put them back as they were.
 */
async function seedDemo(host) {
  const socket = host.slice('unix://'.length);
  const call = (method, path, body) =>
    engineRequest(
      socket,
      method,
      path,
      body ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } } : {},
    );
  const filters = encodeURIComponent(JSON.stringify({ label: ['berth.demo'] }));
  let existing = JSON.parse((await call('GET', `/containers/json?all=1&filters=${filters}`)).body);
  if (existing.length === 0) {
    const samples = [
      { name: 'web', cmd: ['httpd', '-f', '-v', '-p', '8080'], ports: true, state: 'running' },
      {
        name: 'worker',
        cmd: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "job $i done"; sleep 2; done'],
        state: 'running',
      },
      { name: 'cron', cmd: ['sh', '-c', 'while true; do date; sleep 60; done'], state: 'paused' },
      {
        name: 'migrate',
        cmd: ['sh', '-c', 'echo "migration failed: table exists" >&2; exit 3'],
        state: 'exited',
      },
      { name: 'backup', cmd: ['sh', '-c', 'tar -cf /tmp/backup.tar /etc'], state: 'created' },
    ];
    for (const s of samples) {
      await call('POST', `/containers/create?name=demo-${s.name}`, {
        Image: BASE_IMAGE,
        Cmd: s.cmd,
        Labels: { 'berth.demo': s.state },
        ExposedPorts: s.ports ? { '8080/tcp': {} } : undefined,
        HostConfig: s.ports
          ? { PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } }
          : {},
      });
    }
    existing = JSON.parse((await call('GET', `/containers/json?all=1&filters=${filters}`)).body);
  }
  for (const c of existing) {
    const wanted = c.Labels['berth.demo'];
    if (c.State === wanted || wanted === 'created') continue;
    if (wanted === 'running' || wanted === 'paused' || wanted === 'exited')
      await call('POST', `/containers/${c.Id}/start`);
    if (wanted === 'paused') await call('POST', `/containers/${c.Id}/pause`);
  }
}

async function main() {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void shutdown(0));

  log('installing dependencies');
  await pnpm(['install', '--frozen-lockfile', '--prefer-offline'], { cwd: root });
  log('building');
  await pnpm(['-r', 'run', 'build'], { cwd: root });

  let host = dockerHost;
  const isUnix = dockerHost.startsWith('unix://');
  if (isUnix && !(await engineAnswers(dockerHost))) {
    log(
      `no engine answers at ${dockerHost}: starting a private demo engine under ${dataDir}/demo-engine`,
    );
    await ensurePackages(['docker.io', 'busybox-static', 'iproute2']);
    demo = await startPrivateEngine({ dir: resolve(dataDir, 'demo-engine'), name: 'demo' });
    await ensureBaseImage(demo.host);
    await seedDemo(demo.host);
    host = demo.host;
    log(`demo engine ready at ${host} (it stops when Berth stops)`);
  }

  gateway = spawn('node', ['apps/gateway/dist/main.js'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DOCKER_HOST: host, BERTH_DATA: dataDir, BERTH_DEMO: demo ? '1' : '0' },
  });
  gateway.on('exit', (code) => void shutdown(code ?? 0));
}

main().catch(async (error) => {
  log(`cannot start: ${error.message}`);
  await shutdown(1);
});
