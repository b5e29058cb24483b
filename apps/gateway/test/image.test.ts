// Berth's own container image (the Dockerfile at the repo root), built on the test engine from a
// Node base made locally (Debian's nodejs in a mmdebstrap rootfs: no registry is reachable) and
// its `prebuilt` target (this workspace built here, production dependencies from `pnpm deploy`),
// then run as a user would: the engine socket mounted, the socket's group added. Checks the
// image's health check, first-run setup, login and the containers list through it, and its
// user, volume and labels.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureNodeBaseImage } from '../../../scripts/lib/node-base.mjs';
import { engine, engineHost } from './harness';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const IMAGE = `berth/berth:itest-${process.pid}`;
const PASSWORD = 'image-first-run-2026';
const timings: Record<string, number> = {};
let container = '';
let context = '';
let baseImage = '';

// The base: cached as a tarball (/var/cache/berth), so only the first run on a machine makes it
// with mmdebstrap (minutes, most of it downloading Debian packages); later runs import it.
beforeAll(async () => {
  baseImage = (await timed('node base image', () => ensureNodeBaseImage(engineHost()))).image;
}, 600_000);

/** Runs a command to the end; rejects with the end of its output when it fails. */
function sh(
  cmd: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: options.cwd ?? root,
      env: { ...process.env, ...options.env },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${cmd} ${args.join(' ')} (exit ${code}): ${out.slice(-2000)}`)),
    );
  });
}

async function timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await fn();
  } finally {
    timings[name] = Math.round((Date.now() - started) / 100) / 10;
  }
}

// The engine's legacy builder: Debian's docker.io has no buildx, and the prebuilt target needs
// no BuildKit feature (the legacy builder stops at the target; the stages after it never run).
const docker = (args: string[]) =>
  sh('docker', args, { env: { DOCKER_HOST: engineHost(), DOCKER_BUILDKIT: '0' } });
const pnpm = (args: string[], cwd = root) => sh('npx', ['--yes', 'pnpm@10.34.9', ...args], { cwd });

/** The prebuilt target's context: the Dockerfile, its healthcheck and the built workspace. */
async function prepareContext(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'berth-image-'));
  cpSync(join(root, 'Dockerfile'), join(dir, 'Dockerfile'));
  cpSync(join(root, 'docker'), join(dir, 'docker'), { recursive: true });
  const app = join(dir, 'prebuilt', 'apps');
  mkdirSync(join(app, 'gateway'), { recursive: true });
  await Promise.all([
    sh('node', ['build.mjs'], { cwd: join(root, 'apps', 'gateway') }),
    pnpm(
      ['exec', 'vite', 'build', '--logLevel', 'warn', '--outDir', join(app, 'web', 'dist')],
      join(root, 'apps', 'web'),
    ),
    pnpm([
      '--filter',
      '@berth/gateway',
      'deploy',
      '--prod',
      '--legacy',
      '--prefer-offline',
      join(dir, 'deploy'),
    ]),
  ]);
  cpSync(join(root, 'apps', 'gateway', 'dist'), join(app, 'gateway', 'dist'), { recursive: true });
  renameSync(join(dir, 'deploy', 'node_modules'), join(app, 'gateway', 'node_modules'));
  renameSync(join(dir, 'deploy', 'package.json'), join(app, 'gateway', 'package.json'));
  rmSync(join(dir, 'deploy'), { recursive: true, force: true });
  return dir;
}

interface Inspect {
  Config: {
    User: string;
    Labels: Record<string, string>;
    Volumes: Record<string, object> | null;
    Healthcheck?: { Test: string[] };
  };
  State: { Running: boolean; Health?: { Status: string } };
  NetworkSettings: { IPAddress: string; Networks: Record<string, { IPAddress: string }> };
}

async function waitForHealthy(id: string, timeoutMs: number): Promise<Inspect> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await engine<Inspect>('GET', `/containers/${id}/json`);
    if (body.State.Health?.Status === 'healthy') return body;
    if (!body.State.Running || Date.now() > deadline) {
      const logs = await docker(['logs', '--tail', '30', id]).catch((e: Error) => e.message);
      throw new Error(`not healthy (${JSON.stringify(body.State)}): ${logs}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

afterAll(async () => {
  if (container) await engine('DELETE', `/containers/${container}?force=1&v=1`);
  await engine('DELETE', `/images/${encodeURIComponent(IMAGE)}?force=1`);
  if (context) rmSync(context, { recursive: true, force: true });
  process.stdout.write(`[image test] seconds: ${JSON.stringify(timings)}\n`);
});

describe("Berth's own image", () => {
  it('builds from a local base, runs as non-root with the socket group, serves setup, login and the list', async () => {
    context = await timed('workspace build', prepareContext);
    await timed('image build', () =>
      docker([
        'build',
        '--quiet',
        '--target',
        'prebuilt',
        '--build-arg',
        `BASE=${baseImage}`,
        '-t',
        IMAGE,
        context,
      ]),
    );

    const image = (await engine<Inspect>('GET', `/images/${encodeURIComponent(IMAGE)}/json`)).body;
    expect(image.Config.User).toBe('berth');
    expect(Object.keys(image.Config.Volumes ?? {})).toEqual(['/data']);
    expect(image.Config.Labels['org.opencontainers.image.title']).toBe('Berth');
    expect(image.Config.Labels['org.opencontainers.image.version']).toMatch(/^\d+\.\d+\.\d+/);
    expect(image.Config.Healthcheck?.Test.join(' ')).toContain('/app/healthcheck.mjs');

    // As the README says: the socket mounted, its group added (the user is not root).
    const socket = engineHost().slice('unix://'.length);
    const socketGroup = statSync(socket).gid;
    container = (
      await timed('start to healthy', async () => {
        const id = (
          await docker([
            'run',
            '-d',
            '--name',
            `berth-image-${process.pid}`,
            '-v',
            `${socket}:/var/run/docker.sock`,
            '--group-add',
            String(socketGroup),
            // The image checks every 30 s; the test cannot wait that long for the first.
            '--health-interval',
            '1s',
            IMAGE,
          ])
        ).trim();
        container = id;
        await waitForHealthy(id, 60_000);
        return id;
      })
    ).trim();

    const inspect = (await engine<Inspect>('GET', `/containers/${container}/json`)).body;
    const ip =
      inspect.NetworkSettings.IPAddress ||
      Object.values(inspect.NetworkSettings.Networks)[0]?.IPAddress;
    expect(ip).toBeTruthy();
    const url = `http://${ip}:7420`;
    const uid = (await docker(['exec', container, 'id', '-u'])).trim();
    expect(uid).toBe('7420');

    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const page = await fetch(`${url}/`, { headers: { Accept: 'text/html' } });
    expect(await page.text()).toContain('<meta name="berth-base-path" content="" />');

    // First run: no admin yet, so the setup page; then the admin logs in.
    const origin = { Origin: url, 'Content-Type': 'application/json' };
    expect(await (await fetch(`${url}/api/auth/setup`)).json()).toEqual({ needed: true });
    const setup = await fetch(`${url}/api/auth/setup`, {
      method: 'POST',
      headers: origin,
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    expect(setup.status).toBe(201);
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: origin,
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

    // The containers list through Berth in the container: it sees itself on the engine.
    const list = await fetch(`${url}/api/endpoints/local/docker/containers/json`, {
      headers: { cookie },
    });
    expect(list.status).toBe(200);
    const ids = ((await list.json()) as Array<{ Id: string }>).map((c) => c.Id);
    expect(ids).toContain(container);
  }, 240_000);
});
