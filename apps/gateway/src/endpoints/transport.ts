import { readFileSync } from 'node:fs';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type {
  ClientRequest,
  IncomingHttpHeaders,
  IncomingMessage,
  OutgoingHttpHeaders,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { SshTunnel, type SshMaterial } from './ssh-tunnel';
import { JsonArraySplitter } from './json-array-splitter';

/** TLS to a `tcp://` engine: PEM material in memory (from files, uploads or contexts). */
export interface TlsMaterial {
  enabled: boolean;
  /** Verify the engine's certificate (against `ca` when given). */
  verify: boolean;
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
}

/** The Docker CLI's layout: `ca.pem`, `cert.pem`, `key.pem` in DOCKER_CERT_PATH. */
export function tlsFromCertPath(
  certPath: string | undefined,
  verify: boolean,
  enabled: boolean,
): TlsMaterial {
  const read = (name: string) => {
    if (!certPath) return undefined;
    try {
      return readFileSync(join(certPath, name));
    } catch {
      return undefined;
    }
  };
  return { enabled, verify, ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') };
}

export interface TransportRequest {
  method: string;
  /** Path with query, already carrying the API version prefix. */
  path: string;
  headers?: OutgoingHttpHeaders;
}

/**
 * How the gateway reaches one engine: a unix socket, TCP (optionally TLS) or SSH (through a
 * local socket, see SshTunnel), with a keep-alive pool so relayed calls don't pay a connect
 * each time.
 */
export class Transport {
  readonly url: string;
  private readonly agent: HttpAgent;
  private readonly target: { socketPath?: string; host?: string; port?: number };
  readonly secure: boolean;
  readonly tunnel: SshTunnel | undefined;

  constructor(
    url: string,
    tls?: TlsMaterial,
    ssh?: SshMaterial & { onHostKeyLearned?: (fingerprint: string) => void },
  ) {
    this.url = url;
    const parsed = new URL(url);
    const keepAlive = { keepAlive: true, keepAliveMsecs: 10_000, maxFreeSockets: 16 };
    if (parsed.protocol === 'unix:') {
      this.secure = false;
      this.target = { socketPath: decodeURIComponent(parsed.pathname) };
      this.agent = new HttpAgent(keepAlive);
    } else if (parsed.protocol === 'tcp:') {
      this.secure = tls?.enabled ?? false;
      this.target = {
        host: parsed.hostname,
        port: Number(parsed.port || (this.secure ? 2376 : 2375)),
      };
      this.agent = this.secure
        ? new HttpsAgent({
            ...keepAlive,
            ca: tls?.ca,
            cert: tls?.cert,
            key: tls?.key,
            rejectUnauthorized: tls?.verify ?? false,
          })
        : new HttpAgent(keepAlive);
    } else if (parsed.protocol === 'ssh:') {
      this.secure = false;
      this.tunnel = new SshTunnel(parsed, ssh ?? {}, ssh?.onHostKeyLearned);
      this.target = { socketPath: this.tunnel.socketPath };
      this.agent = new HttpAgent(keepAlive);
    } else {
      throw new Error(`unsupported engine address ${url}: use unix://, tcp:// or ssh://`);
    }
  }

  request(options: TransportRequest): ClientRequest {
    const make = this.secure ? httpsRequest : httpRequest;
    return make({
      ...this.target,
      agent: this.agent,
      method: options.method,
      path: options.path,
      // Over TCP the real host name stays (TLS checks the certificate against it).
      headers: this.target.socketPath
        ? { Host: 'docker', ...options.headers }
        : { ...options.headers },
    });
  }

  /** A small JSON call for the gateway's own use (version checks, pings, exec create). */
  json<T>(
    method: string,
    path: string,
    options: { timeoutMs?: number; body?: object } = {},
  ): Promise<{ status: number; body: T; headers: IncomingHttpHeaders }> {
    const timeoutMs = options.timeoutMs ?? 5000;
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    return new Promise((resolve, reject) => {
      const req = this.request({
        method,
        path,
        headers: payload
          ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
          : {},
      });
      req.setTimeout(timeoutMs, () =>
        req.destroy(
          Object.assign(new Error(`no answer in ${timeoutMs} ms`), { code: 'ETIMEDOUT' }),
        ),
      );
      req.on('error', reject);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            // plain text (e.g. "OK" from /_ping)
          }
          resolve({ status: res.statusCode ?? 0, body: body as T, headers: res.headers });
        });
      });
      req.end(payload);
    });
  }

  /**
   * A GET of a list the engine answers as a JSON array of objects, each mapped by `map` as soon
   * as its bytes are in (see JsonArraySplitter). Any other answer (an error status, a body that
   * is not such an array) is read whole: `items` is then null and `body` holds it parsed.
   */
  jsonList<T>(
    path: string,
    map: (item: unknown) => T,
    options: { timeoutMs?: number } = {},
  ): Promise<{ status: number; items: T[] | null; body: unknown }> {
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const req = this.request({ method: 'GET', path, headers: {} });
      req.setTimeout(timeoutMs, () =>
        req.destroy(
          Object.assign(new Error(`no answer in ${timeoutMs} ms`), { code: 'ETIMEDOUT' }),
        ),
      );
      req.on('error', reject);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        const items: T[] = [];
        let splitter: JsonArraySplitter | null =
          res.statusCode === 200
            ? new JsonArraySplitter((text) => items.push(map(JSON.parse(text))))
            : null;
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          if (!splitter) return;
          try {
            splitter.push(chunk);
          } catch {
            // not an array of objects after all: read as a whole below
            splitter = null;
          }
        });
        res.on('error', reject);
        res.on('end', () => {
          let whole = splitter !== null;
          try {
            splitter?.end();
          } catch {
            whole = false;
          }
          if (whole) {
            resolve({ status: res.statusCode ?? 0, items, body: undefined });
            return;
          }
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            // plain text
          }
          resolve({ status: res.statusCode ?? 0, items: null, body });
        });
      });
      req.end();
    });
  }

  /**
   * Opens a hijacked connection (`Upgrade: tcp`: attach, exec start). Resolves with the raw
   * socket once the engine answers 101; rejects with {status, message} when it answers with an
   * error instead (container not running, no such exec…), in the engine's own words.
   */
  hijack(path: string, body?: object): Promise<{ socket: Duplex; head: Buffer }> {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const make = this.secure ? httpsRequest : httpRequest;
      const req = make({
        ...this.target,
        // A hijacked socket leaves the pool for good; don't take one from it.
        agent: false,
        ...(this.secure ? tlsOptionsOf(this.agent) : {}),
        method: 'POST',
        path,
        headers: {
          ...(this.target.socketPath ? { Host: 'docker' } : {}),
          Connection: 'Upgrade',
          Upgrade: 'tcp',
          ...(payload
            ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
            : {}),
        },
      });
      req.on('upgrade', (_res, socket, head) => resolve({ socket, head }));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8').trim();
          let message = text || `HTTP ${res.statusCode}`;
          try {
            message = (JSON.parse(text) as { message?: string }).message ?? message;
          } catch {
            // plain text
          }
          reject(new EngineCallError(res.statusCode ?? 502, message));
        });
      });
      req.on('error', (error) => reject(new EngineCallError(502, this.describeError(error))));
      req.end(payload);
    });
  }

  /**
   * Sends one request that asks the engine to switch protocols (`GET …/attach/ws` with
   * `Upgrade: websocket`, `POST /session` with `Upgrade: h2c`) with the caller's own upgrade
   * headers, and resolves with the engine's answer: the 101 and the raw socket, or the plain
   * response when it refused. Unlike `hijack`, nothing is decided here about the protocol.
   */
  upgrade(options: TransportRequest): Promise<EngineUpgradeAnswer> {
    return new Promise((resolve, reject) => {
      const make = this.secure ? httpsRequest : httpRequest;
      const req = make({
        ...this.target,
        agent: false,
        ...(this.secure ? tlsOptionsOf(this.agent) : {}),
        method: options.method,
        path: options.path,
        headers: this.target.socketPath
          ? { ...options.headers, Host: 'docker' }
          : { ...options.headers },
      });
      req.on('upgrade', (res, socket, head) => resolve({ upgraded: true, res, socket, head }));
      req.on('response', (res) => resolve({ upgraded: false, res }));
      req.on('error', (error) => reject(new EngineCallError(502, this.describeError(error))));
      req.end();
    });
  }

  /** A failed call as words a person can act on (over SSH: why the tunnel failed). */
  describeError(error: unknown): string {
    return this.tunnel?.lastError ?? describeConnectError(this.url, error);
  }

  close(): void {
    this.agent.destroy();
    this.tunnel?.close();
  }
}

/** What the engine said to an upgrade request: switched (with the socket), or an answer. */
export type EngineUpgradeAnswer =
  | { upgraded: true; res: IncomingMessage; socket: Duplex; head: Buffer }
  | { upgraded: false; res: IncomingMessage };

/** An engine call that failed, with the status and the words a person should see. */
export class EngineCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function tlsOptionsOf(agent: HttpAgent) {
  const { ca, cert, key, rejectUnauthorized } = (agent as HttpsAgent).options;
  return { ca, cert, key, rejectUnauthorized };
}

/** A connection error as a sentence a person can act on. */
export function describeConnectError(url: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  const where = `the engine at ${url}`;
  switch (code) {
    case 'ENOENT':
      return `Cannot reach ${where}: the socket does not exist. Is the engine running?`;
    case 'ECONNREFUSED':
      return `Cannot reach ${where}: connection refused. Is the engine running and listening there?`;
    case 'EACCES':
      return `Cannot reach ${where}: permission denied on the socket. Run Berth as root or as a member of the docker group.`;
    case 'ETIMEDOUT':
      return `Cannot reach ${where}: it did not answer in time. Check the address and any firewall in between.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach ${where}: the host name does not resolve.`;
    case 'ECONNRESET':
      return `Lost the connection to ${where} (it closed the connection). Is the engine restarting?`;
    default:
      if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) {
        return `Cannot reach ${where}: TLS failed (${code}). Check the certificates (DOCKER_CERT_PATH, or the endpoint's TLS settings) and whether the engine expects TLS.`;
      }
      return `Cannot reach ${where}: ${(error as Error).message ?? String(error)}.`;
  }
}
