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
