// Integration harness: a real gateway in this process, talking to the real private engine that
// `npm test` started (DOCKER_HOST), plus a direct line to that engine to check what it did.
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@berth/api';
import { loadConfig } from '../src/config';
import { startGateway, type Gateway } from '../src/gateway';
import { createLogger } from '../src/logger';

export const BASE_IMAGE = 'berth/busybox:latest';
export const ADMIN_PASSWORD = 'harbour-lights-2026';

export function engineHost(): string {
  const host = process.env.DOCKER_HOST;
  if (!host?.startsWith('unix://')) {
    throw new Error(
      'Integration tests need DOCKER_HOST=unix://… naming a private engine (npm test starts one).',
    );
  }
  return host;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'berth-itest-'));
}

/** A gateway with a fresh data folder and user `admin` (unless the env says otherwise). */
export async function startTestGateway(env: Record<string, string> = {}): Promise<Gateway> {
  const config = loadConfig({
    DOCKER_HOST: engineHost(),
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    BERTH_STATIC_DIR: '/nonexistent',
    BERTH_DATA: tempDataDir(),
    BERTH_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ...env,
  });
  return startGateway(config, createLogger('silent'));
}

/** A bearer token of the given role, owned by a user of that role (created on the fly). */
export function tokenFor(gateway: Gateway, role: Role): string {
  const { users, tokens } = gateway.security.deps;
  const name = `${role}-user`;
  const user = users.byName(name) ?? users.create(name, 'not-a-login-password-hash', role);
  return tokens.create(user.id, `${role} token`, role).token;
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
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

/** Calls `/api/endpoints/local/docker…` on `gateway` as `headers` (a bearer token). */
export function relayClient(gateway: () => Gateway, headers: () => Record<string, string>) {
  return async function api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    as = headers(),
  ): Promise<{ status: number; body: T }> {
    const res = await fetch(`${gateway().url}/api/endpoints/local/docker${path}`, {
      method,
      headers: { ...as, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

/** Polls `read` until `ok` holds; fails naming `what` and the last value after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  read: () => Promise<T> | T,
  ok: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(value).slice(0, 800)}`,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}
