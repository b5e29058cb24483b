// The simulated engine as a process of its own (so its work never shares the bench client's
// event loop): `tsx bench/sim-engine-main.ts <unix socket> <containers>`. scripts/bench.mjs
// starts it for the `sim` and `filter` cases.
import { startSimEngine } from './sim-engine';

const [socket, count] = process.argv.slice(2);
if (!socket || !Number(count)) {
  process.stderr.write('usage: sim-engine-main.ts <unix socket path> <containers>\n');
  process.exit(2);
}
const engine = await startSimEngine({ socket, containers: Number(count) });
process.stdout.write(`simulated engine with ${count} containers at ${engine.host}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void engine.close().finally(() => process.exit(0));
  });
}
