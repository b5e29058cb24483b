// Entry for `npm run bench` (scripts/bench.mjs starts the engine and the gateway first).
import { benchToken } from './measure';
import { benchRelay } from './relay.bench';
import { benchTerminal } from './terminal.bench';
import { benchEventDelay, benchStatsFanout } from './live.bench';
import { benchModel } from './model.bench';
import { benchStacks } from './stacks.bench';

const gatewayUrl = process.env.BERTH_URL;
const host = process.env.DOCKER_HOST;
const password = process.env.BERTH_ADMIN_PASSWORD;
const gatewayPid = Number(process.env.BERTH_GATEWAY_PID);
const container = process.env.BERTH_BENCH_CONTAINER;
if (!gatewayUrl || !host?.startsWith('unix://') || !password || !gatewayPid || !container) {
  throw new Error('run the benchmarks with `npm run bench`');
}
const socketPath = host.slice('unix://'.length);
const token = await benchToken(gatewayUrl, password);

const print = (lines: string[]) => process.stdout.write(`\n${lines.join('\n')}\n`);
// `npm run bench -- terminal live` runs only those suites; no names runs them all.
const only = (process.env.BERTH_BENCH_ONLY ?? '').split(',').filter(Boolean);
const wanted = (suite: string) => only.length === 0 || only.includes(suite);
if (wanted('relay')) print((await benchRelay(gatewayUrl, socketPath, token)).lines);
if (wanted('terminal'))
  print(await benchTerminal({ gatewayUrl, gatewayPid, socketPath, token, container }));
if (wanted('live')) {
  print(await benchEventDelay({ gatewayUrl, gatewayPid, socketPath, token }));
  print(await benchStatsFanout({ gatewayUrl, gatewayPid, socketPath, token }));
}
if (wanted('stacks')) print(await benchStacks({ gatewayUrl, dockerHost: host, token }));

// The 5,000-container case: its own engine and gateway (scripts/bench.mjs starts them).
const modelUrl = process.env.BERTH_MODEL_URL;
const modelHost = process.env.BERTH_MODEL_DOCKER_HOST;
const modelPid = Number(process.env.BERTH_MODEL_GATEWAY_PID);
if (wanted('model') && modelUrl && modelHost && modelPid) {
  const modelToken = await benchToken(modelUrl, password);
  print(
    await benchModel({
      gatewayUrl: modelUrl,
      gatewayPid: modelPid,
      socketPath: modelHost.slice('unix://'.length),
      token: modelToken,
    }),
  );
}
