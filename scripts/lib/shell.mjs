// Small process helpers for the bootstrap scripts. These run before `pnpm install`, so they use
// nothing but Node's standard library.
import { spawn, spawnSync } from 'node:child_process';

export const PNPM = 'pnpm@10.34.9';

/** Runs a command, streaming its output; rejects with a one-line error when it fails. */
export function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** Runs the pinned pnpm through npx, so only Node + npm are needed on the machine. */
export function pnpm(args, options = {}) {
  return run('npx', ['--yes', PNPM, ...args], options);
}

export function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

export function log(message) {
  process.stdout.write(`\x1b[36m[berth]\x1b[0m ${message}\n`);
}

/** Starts the built gateway and resolves once `GET /api/health` answers; rejects if it exits first. */
export async function startGatewayProcess({
  cwd,
  env,
  port,
  stdio = ['ignore', 'inherit', 'inherit'],
}) {
  const child = spawn('node', ['apps/gateway/dist/main.js'], {
    cwd,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio,
  });
  let exited = null;
  child.on('exit', (code, signal) => (exited = signal ?? code));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`the gateway exited before it listened (${exited})`);
    try {
      // a bounded wait per try: a request the server accepted but never answers must not hang us
      const res = await fetch(`http://127.0.0.1:${port}/api/health`, {
        signal: AbortSignal.timeout(2000),
      });
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  child.kill('SIGKILL');
  throw new Error('the gateway did not answer /api/health within 30 s');
}

/** Stops a child process politely and waits for it. */
export async function stopProcess(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
