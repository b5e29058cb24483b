// Talks to the engine straight over its socket (never through Berth), to set up and to check
// what the UI did.
import { request } from 'node:http';
import type { ContainerInspect } from '@berth/api';

export interface EngineResponse<T> {
  status: number;
  body: T;
}

function target(dockerHost: string): { socketPath: string } | { host: string; port: number } {
  if (dockerHost.startsWith('unix://')) return { socketPath: dockerHost.slice('unix://'.length) };
  const url = new URL(dockerHost.replace(/^tcp:/, 'http:'));
  return { host: url.hostname, port: Number(url.port || 2375) };
}

/** One call to an engine's socket: the harness's engine (DOCKER_HOST) unless `host` names another. */
export function engineRequest<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  host = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock',
): Promise<EngineResponse<T>> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        ...target(host),
        method,
        path,
        headers: payload
          ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
          : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // plain text answer
          }
          resolve({ status: res.statusCode ?? 0, body: parsed as T });
        });
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

async function expectOk<T>(response: Promise<EngineResponse<T>>, what: string): Promise<T> {
  const { status, body } = await response;
  if (status >= 300 && status !== 304) {
    throw new Error(`${what}: engine answered ${status} ${JSON.stringify(body)}`);
  }
  return body;
}

export const IMAGE = 'berth/busybox:latest';

/** PID 1 ignores SIGTERM unless it traps it; this one stops at once instead of after 10 s. */
export const IDLE_CMD = ['sh', '-c', "trap 'exit 0' TERM; while true; do sleep 1; done"];

export async function createContainer(
  name: string,
  options: { cmd?: string[]; start?: boolean } = {},
): Promise<string> {
  const created = await expectOk(
    engineRequest<{ Id: string }>('POST', `/containers/create?name=${encodeURIComponent(name)}`, {
      Image: IMAGE,
      Cmd: options.cmd ?? IDLE_CMD,
      Labels: { 'berth.e2e': '1' },
      HostConfig: {},
    }),
    `create ${name}`,
  );
  if (options.start) await startContainer(created.Id);
  return created.Id;
}

export function startContainer(id: string) {
  return expectOk(engineRequest('POST', `/containers/${id}/start`), `start ${id}`);
}

export async function inspectContainer(idOrName: string): Promise<ContainerInspect | null> {
  const response = await engineRequest<ContainerInspect>('GET', `/containers/${idOrName}/json`);
  if (response.status === 404) return null;
  if (response.status !== 200) throw new Error(`inspect ${idOrName}: ${response.status}`);
  return response.body;
}

export async function removeContainer(idOrName: string): Promise<void> {
  const response = await engineRequest('DELETE', `/containers/${idOrName}?force=1&v=1`);
  if (response.status !== 204 && response.status !== 404) {
    throw new Error(`remove ${idOrName}: ${response.status} ${JSON.stringify(response.body)}`);
  }
}

/** A name no other test (or earlier run) uses: `e2e-<label>-<random>`. */
export function uniqueName(label: string): string {
  return `e2e-${label}-${Math.random().toString(36).slice(2, 8)}`;
}
