// The pouch replay for the browser suite: a stand-in for pouchd serving a real PouchContainer
// 1.3.0's recorded answers (apps/gateway/test/pouch-replay.ts) on a unix socket, run with the
// gateway's tsx. Specs add it as an endpoint through the admin API (BERTH_E2E_POUCH).
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Starts the replay at /tmp/berth-pouch-<name>.sock; resolves once the socket is there. */
export async function startPouchReplay({ root, name }) {
  const socket = `/tmp/berth-pouch-${name}.sock`;
  rmSync(socket, { force: true });
  const child = spawn(
    join(root, 'apps/gateway/node_modules/.bin/tsx'),
    [join(root, 'apps/gateway/test/pouch-replay-main.ts'), socket],
    { cwd: join(root, 'apps/gateway'), stdio: ['ignore', 'ignore', 'inherit'] },
  );
  let exited = null;
  child.on('exit', (code, signal) => (exited = signal ?? code));
  const deadline = Date.now() + 30_000;
  while (!existsSync(socket)) {
    if (exited !== null) throw new Error(`the pouch replay exited before it listened (${exited})`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the pouch replay did not listen within 30 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `unix://${socket}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(socket, { force: true });
    },
  };
}
