// Entry for `npm run bench` (scripts/bench.mjs starts the engine and the gateway first).
import { benchRelay } from './relay.bench';

const gatewayUrl = process.env.BERTH_URL;
const host = process.env.DOCKER_HOST;
if (!gatewayUrl || !host?.startsWith('unix://')) {
  throw new Error('run the benchmarks with `npm run bench`');
}

const relay = await benchRelay(gatewayUrl, host.slice('unix://'.length));
process.stdout.write(`\n${relay.lines.join('\n')}\n`);
