// The 20,000-container case (`npm run bench -- sim`), against the simulated engine
// (sim-engine.ts): the engine's own list call against the model's snapshot over the events
// socket (first page: the first rows a list can paint; whole: every row), cold (the model built
// on the first subscribe) and warm (shared), and the events the engine sends meanwhile arriving
// as deltas, never as a new snapshot. Run by scripts/bench.mjs, which starts the simulated
// engine and a gateway in front of it.
import { benchToken, currentRss, mib, ms, percentile } from './measure';
import { engineCall, subscribe } from './model.bench';

const FIRST_ROW_TARGET_MS = 1000;

export interface SimBench {
  gatewayUrl: string;
  gatewayPid: number;
  socketPath: string;
  token: string;
  containers: number;
}

export async function benchSim(b: SimBench): Promise<string[]> {
  const count = b.containers.toLocaleString('en');
  const lines = [`engine model, ${count} containers on a simulated engine (bench/sim-engine.ts)`];
  const listTimes: number[] = [];
  let listBytes = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const answer = await engineCall(b.socketPath, 'GET', '/containers/json?all=1');
    listTimes.push(performance.now() - t);
    listBytes = answer.bytes;
  }
  const engineList = percentile(listTimes, 50);
  lines.push(
    `  simulated engine GET /containers/json?all=1: ${ms(engineList)} median of 3, ${mib(listBytes)}`,
  );
  const rssIdle = currentRss(b.gatewayPid);
  const cold = await subscribe(b);
  const verdict = cold.firstPageMs <= FIRST_ROW_TARGET_MS ? 'within' : 'OVER';
  lines.push(
    `  model, cold (built on first subscribe): first page ${ms(cold.firstPageMs)} (${verdict} the 1 s first-row target; ${(cold.firstPageMs / engineList).toFixed(2)}x the engine list), whole ${ms(cold.fullMs)} (${(cold.fullMs / engineList).toFixed(2)}x), ${mib(cold.bytes)} for ${cold.rows} containers`,
  );
  const warmFirst: number[] = [];
  const warmFull: number[] = [];
  const sessions = [cold];
  for (let i = 0; i < 5; i++) {
    const s = await subscribe(b);
    warmFirst.push(s.firstPageMs);
    warmFull.push(s.fullMs);
    sessions.push(s);
  }
  const first = percentile(warmFirst, 50);
  const full = percentile(warmFull, 50);
  lines.push(
    `  model, warm (shared): first page ${ms(first)} (${(first / engineList).toFixed(2)}x the engine list), whole ${ms(full)} (${(full / engineList).toFixed(2)}x) median of 5`,
  );
  lines.push(
    `  gateway RSS: ${mib(rssIdle)} before, ${mib(currentRss(b.gatewayPid))} holding the model with 6 sessions watching`,
  );
  // The simulated engine starts or stops a container every 250 ms (20 in all) on its events
  // stream, opened when the model was built: each should come as a small delta.
  const deadline = Date.now() + 10_000;
  const changed = () =>
    cold.deltas.reduce(
      (n, d) => n + d.message.changes.filter((c) => c.kind === 'containers').length,
      0,
    );
  while (changed() < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const deltaBytes = cold.deltas.reduce((n, d) => n + JSON.stringify(d.message).length, 0);
  lines.push(
    `  engine events meanwhile: ${changed()} container changes in ${cold.deltas.length} deltas, ${mib(deltaBytes)} in all, no new snapshot`,
  );
  for (const s of sessions) s.ws.close();
  return lines;
}

// As a script (scripts/bench.mjs runs it with tsx): the simulated engine and its gateway are up.
const url = process.env.BERTH_SIM_URL;
const host = process.env.BERTH_SIM_DOCKER_HOST;
const pid = Number(process.env.BERTH_SIM_GATEWAY_PID);
const password = process.env.BERTH_ADMIN_PASSWORD;
if (url && host && pid && password && process.argv[1]?.endsWith('sim.bench.ts')) {
  const lines = await benchSim({
    gatewayUrl: url,
    gatewayPid: pid,
    socketPath: host.slice('unix://'.length),
    token: await benchToken(url, password),
    containers: Number(process.env.BERTH_SIM_CONTAINERS ?? 20_000),
  });
  process.stdout.write(`\n${lines.join('\n')}\n`);
}
