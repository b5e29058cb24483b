// The pouch replay (a stand-in for pouchd made of a real PouchContainer 1.3.0's recorded answers)
// as a process, for the browser suite: `tsx apps/gateway/test/pouch-replay-main.ts <socket>`.
// The harness (scripts/lib/pouch-replay.mjs) starts it and gives Playwright the socket's URL.
import { startPouchReplay } from './pouch-replay';

const socket = process.argv[2];
if (!socket) {
  process.stderr.write('usage: pouch-replay-main.ts <unix socket path>\n');
  process.exit(2);
}
// The containers page lists every container: answer with the recording that has one in each
// state (running, created, stopped, exited, paused).
const replay = await startPouchReplay({ socket, prefer: ['containers-list-states'] });
process.stdout.write(`pouch replay listening at ${replay.host}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void replay.close().finally(() => process.exit(0));
  });
}
