// Tiny measuring kit for the benchmarks: keep-alive HTTP clients for both sides and percentiles.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

export interface Target {
  label: string;
  get(path: string): Promise<number>;
  close(): void;
}

function timedGet(
  agent: Agent,
  options: { socketPath?: string; host?: string; port?: number; headers?: Record<string, string> },
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

export function urlTarget(
  label: string,
  base: string,
  headers: Record<string, string> = {},
): Target {
  const { hostname, port } = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    label,
    get: (path) => timedGet(agent, { host: hostname, port: Number(port), headers }, path),
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

/** Logs in as the bench admin and makes an API token for the measuring clients. */
export async function benchToken(gatewayUrl: string, password: string): Promise<string> {
  const login = await fetch(`${gatewayUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (!login.ok) throw new Error(`bench login failed: HTTP ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const created = await fetch(`${gatewayUrl}/api/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: gatewayUrl },
    body: JSON.stringify({ name: 'bench', role: 'admin' }),
  });
  if (!created.ok) throw new Error(`bench token failed: HTTP ${created.status}`);
  return ((await created.json()) as { token: string }).token;
}

/** Peak resident memory (VmHWM) of a process, in bytes; Linux only. */
export function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : Number.NaN;
}

export function currentRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : Number.NaN;
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
