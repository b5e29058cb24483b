// Relay overhead: median latency of GET /containers/json?all=1 through the gateway and straight
// on the engine socket, interleaved in one run so both see the same machine load.
import { ms, percentile, socketTarget, urlTarget } from './measure';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const WARMUP = 30;

export async function benchRelay(
  gatewayUrl: string,
  socketPath: string,
  token: string,
): Promise<{ ratio: number; lines: string[] }> {
  const direct = socketTarget('engine socket', `${socketPath}`);
  const auth = { Authorization: `Bearer ${token}` };
  const viaGateway = urlTarget('through Berth', gatewayUrl, auth);
  const directPath = '/v1.41/containers/json?all=1';
  const relayPath = '/api/endpoints/local/docker/containers/json?all=1';
  const count = JSON.parse(
    await fetch(`${gatewayUrl}${relayPath}`, { headers: auth }).then((r) => r.text()),
  ).length as number;

  for (let i = 0; i < WARMUP; i++) {
    await direct.get(directPath);
    await viaGateway.get(relayPath);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // alternate who goes first so neither side always gets a warm engine cache
    if (i % 2 === 0) {
      a.push(await direct.get(directPath));
      b.push(await viaGateway.get(relayPath));
    } else {
      b.push(await viaGateway.get(relayPath));
      a.push(await direct.get(directPath));
    }
  }
  direct.close();
  viaGateway.close();
  const medianDirect = percentile(a, 50);
  const medianGateway = percentile(b, 50);
  const ratio = medianGateway / medianDirect;
  return {
    ratio,
    lines: [
      `relay: GET /containers/json?all=1 with ${count} containers, ${ROUNDS} rounds each`,
      `  engine socket  p50 ${ms(medianDirect)}  p95 ${ms(percentile(a, 95))}`,
      `  through Berth  p50 ${ms(medianGateway)}  p95 ${ms(percentile(b, 95))}`,
      `  ratio (p50 Berth / p50 engine): ${ratio.toFixed(2)}x  (target ≤ 1.30x) ${ratio <= 1.3 ? 'OK' : 'OVER TARGET'}`,
    ],
  };
}
