// The gateway as its own process (`node --import tsx src/main.ts`): no test runner catches for it,
// so a crash is a crash. For the hardening and fuzz tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ADMIN_PASSWORD, engineHost, tempDataDir } from './harness';

export interface GatewayProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** The exit code or signal once it exited, else null. */
  exited(): string | null;
  stderr(): string;
  stdout(): string;
  /** Resident memory in bytes, from /proc. */
  rss(): number;
  stop(): void;
}

export async function spawnGateway(env: Record<string, string> = {}): Promise<GatewayProcess> {
  const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    // tsx is the gateway package's dev dependency: resolve it from there.
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: {
      ...process.env,
      DOCKER_HOST: engineHost(),
      HOST: '127.0.0.1',
      PORT: String(port),
      BERTH_DATA: tempDataDir(),
      BERTH_ADMIN_PASSWORD: ADMIN_PASSWORD,
      BERTH_STATIC_DIR: '/nonexistent',
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  let exited: string | null = null;
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.on('exit', (code, signal) => (exited = String(signal ?? code)));
  const handle: GatewayProcess = {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    exited: () => exited,
    stderr: () => stderr,
    stdout: () => stdout,
    rss: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    stop: () => void child.kill('SIGKILL'),
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the gateway exited at start (${exited}): ${stderr}`);
    const ok = await fetch(`${handle.url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return handle;
    await new Promise((r) => setTimeout(r, 200));
  }
  handle.stop();
  throw new Error(`the gateway did not start: ${stderr}`);
}

/** Sends raw bytes and resolves with whatever the server answered before closing. */
export function rawRequest(port: number, bytes: string | Buffer, waitMs = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => resolve(Buffer.concat(chunks).toString('latin1'));
    socket.setTimeout(waitMs, () => {
      socket.destroy();
      done();
    });
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', done);
    socket.on('close', done);
    socket.on('error', (error) => (chunks.length ? done() : reject(error)));
    socket.write(bytes);
  });
}
