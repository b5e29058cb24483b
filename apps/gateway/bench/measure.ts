// Tiny measuring kit for the benchmarks: keep-alive HTTP clients for both sides and percentiles.
import { Agent, request } from 'node:http';

export interface Target {
  label: string;
  get(path: string): Promise<number>;
  close(): void;
}

function timedGet(
  agent: Agent,
  options: { socketPath?: string; host?: string; port?: number },
  path: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request({ ...options, agent, path, method: 'GET' }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`GET ${path}: HTTP ${res.statusCode}`));
        else resolve(Number(process.hrtime.bigint() - started) / 1e6);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export function socketTarget(label: string, socketPath: string): Target {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    label,
    get: (path) => timedGet(agent, { socketPath }, path),
    close: () => agent.destroy(),
  };
}

export function urlTarget(label: string, base: string): Target {
  const { hostname, port } = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    label,
    get: (path) => timedGet(agent, { host: hostname, port: Number(port) }, path),
    close: () => agent.destroy(),
  };
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}
