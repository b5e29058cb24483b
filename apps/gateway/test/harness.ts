// Integration harness: a real gateway in this process, talking to the real private engine that
// `npm test` started (DOCKER_HOST), plus a direct line to that engine to check what it did.
import { request } from 'node:http';
import { loadConfig } from '../src/config';
import { startGateway, type Gateway } from '../src/gateway';
import { createLogger } from '../src/logger';

export const BASE_IMAGE = 'berth/busybox:latest';

export function engineHost(): string {
  const host = process.env.DOCKER_HOST;
  if (!host?.startsWith('unix://')) {
    throw new Error(
      'Integration tests need DOCKER_HOST=unix://… naming a private engine (npm test starts one).',
    );
  }
  return host;
}

export async function startTestGateway(env: Record<string, string> = {}): Promise<Gateway> {
  const config = loadConfig({
    DOCKER_HOST: engineHost(),
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    BERTH_STATIC_DIR: '/nonexistent',
    ...env,
  });
  return startGateway({ ...config, port: 0 }, createLogger('silent'));
}

export interface EngineAnswer<T = unknown> {
  status: number;
  body: T;
  text: string;
}

/** Straight to the engine socket, bypassing Berth: the ground truth for assertions. */
export function engine<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
): Promise<EngineAnswer<T>> {
  const socketPath = engineHost().slice('unix://'.length);
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        socketPath,
        method,
        path,
        headers: payload
          ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
          : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = undefined;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = text;
          }
          resolve({ status: res.statusCode ?? 0, body: parsed as T, text });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Creates a container straight on the engine (labelled so a test run can clean up after itself). */
export async function createContainer(
  name: string,
  cmd: string[],
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await engine<{ Id: string }>(
    'POST',
    `/containers/create?name=${encodeURIComponent(name)}`,
    {
      Image: BASE_IMAGE,
      Cmd: cmd,
      Labels: { 'berth.test': 'integration' },
      ...extra,
    },
  );
  if (res.status !== 201) throw new Error(`create ${name}: ${res.status} ${res.text}`);
  return res.body.Id;
}

export async function removeTestContainers(): Promise<void> {
  const filters = encodeURIComponent(JSON.stringify({ label: ['berth.test=integration'] }));
  const list = await engine<Array<{ Id: string }>>(
    'GET',
    `/containers/json?all=1&filters=${filters}`,
  );
  await Promise.all(list.body.map((c) => engine('DELETE', `/containers/${c.Id}?force=1&v=1`)));
}
