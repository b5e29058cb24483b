import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';
import type { EngineRouteMatch } from '@berth/api';
import type { AuditLog } from '../audit/audit-log';
import type { Principal } from '../auth/principal';
import type { Endpoint } from '../endpoints/endpoint';
import { EngineCallError } from '../endpoints/transport';
import { rejectUpgrade } from '../server';

/**
 * The engine calls that switch protocols and that the relay passes through byte for byte:
 * Docker's own websocket attach, and BuildKit's h2c session. Everything else that asks to
 * upgrade is refused (exec and attach streams go through Berth's `ws/*` routes).
 */
export const RELAYED_UPGRADES: Record<string, 'attach' | 'session'> = {
  ContainerAttachWebsocket: 'attach',
  Session: 'session',
};

/**
 * Request headers that stay in the gateway: Berth's own credentials, and what describes the
 * hop to Berth rather than the call (the engine gets its own Host).
 */
const KEPT_HERE = new Set([
  'host',
  'cookie',
  'authorization',
  'origin',
  'referer',
  'x-berth-csrf',
  'x-berth-registry',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'forwarded',
  'content-length',
  'transfer-encoding',
]);

/** The caller's headers as the engine should see them: upgrade headers and the call's own. */
export function upgradeRequestHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || KEPT_HERE.has(name)) continue;
    out[name] = value;
  }
  return out;
}

/** The engine's status line and headers, written back as the engine wrote them. */
export function responseHead(res: IncomingMessage): string {
  const lines = [`HTTP/1.1 ${res.statusCode ?? 101} ${res.statusMessage ?? 'Switching Protocols'}`];
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
    lines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** How long a side may keep its socket open after the other one closed. */
const LINGER_MS = 5_000;

/**
 * Joins two sockets: bytes flow both ways untouched, and a half-close travels (one side's FIN
 * ends only the other side's writing, so it can still send the rest of its answer). When one
 * socket closes, the other is ended gracefully (and destroyed if it lingers); an error on either
 * tears both down. `onClose` runs once, when both are closed.
 */
export function bridgeSockets(a: Duplex, b: Duplex, onClose: () => void): void {
  // A client socket closes its writing side when the peer's FIN arrives unless told not to.
  for (const socket of [a, b]) (socket as Duplex & { allowHalfOpen: boolean }).allowHalfOpen = true;
  a.pipe(b);
  b.pipe(a);
  let open = 2;
  const closed = (other: Duplex) => () => {
    if (!other.writableEnded) other.end();
    setTimeout(() => other.destroy(), LINGER_MS).unref();
    open -= 1;
    if (open === 0) onClose();
  };
  a.on('close', closed(b));
  b.on('close', closed(a));
  a.on('error', () => b.destroy());
  b.on('error', () => a.destroy());
}

export interface UpgradeRelayContext {
  endpoint: Endpoint;
  principal: Principal;
  match: EngineRouteMatch;
  /** Engine path and query, without the `/vX.Y` prefix. */
  enginePath: string;
  search: string;
  req: IncomingMessage;
  audit: AuditLog;
  /** Counts the relayed attach as a live engine stream (metrics); returns the "done". */
  track(endpoint: string, kind: 'attach'): () => void;
}

/**
 * Forwards one authorised upgrade request to the engine. When the engine switches protocols the
 * 101 goes back as the engine wrote it and the two sockets are joined; when it answers instead
 * (no such container, not a BuildKit daemon…) its status and `{message}` go back.
 */
export async function relayUpgrade(
  socket: Duplex,
  head: Buffer,
  ctx: UpgradeRelayContext,
): Promise<void> {
  const { endpoint, principal, match, req } = ctx;
  const audit = (status: number, detail: string) =>
    ctx.audit.record({
      username: principal.username,
      role: principal.role,
      ip: req.socket.remoteAddress ?? null,
      endpoint: endpoint.id,
      action: match.route.op,
      target: match.target ?? null,
      status,
      result: status < 400 ? 'ok' : 'error',
      detail,
    });
  if (!endpoint.apiVersion) await endpoint.refresh();
  let answer;
  try {
    answer = await endpoint.transport.upgrade({
      method: req.method ?? 'GET',
      path: endpoint.versionedPath(ctx.enginePath) + ctx.search,
      headers: upgradeRequestHeaders(req.headers),
    });
  } catch (error) {
    const status = error instanceof EngineCallError ? error.status : 502;
    const message = error instanceof Error ? error.message : String(error);
    audit(status, message);
    endpoint.markDown(error);
    if (!socket.destroyed) rejectUpgrade(socket, status, message);
    return;
  }
  endpoint.markUp();
  if (!answer.upgraded) {
    const status = answer.res.statusCode ?? 502;
    const message = await errorMessageOf(answer.res, status);
    audit(status, message);
    if (!socket.destroyed) rejectUpgrade(socket, status, message);
    return;
  }
  const { res, socket: upstream, head: upstreamHead } = answer;
  if (socket.destroyed) {
    upstream.destroy();
    return;
  }
  audit(101, RELAYED_UPGRADES[match.route.op] === 'attach' ? 'attach/ws' : 'h2c session');
  const done =
    RELAYED_UPGRADES[match.route.op] === 'attach' ? ctx.track(endpoint.id, 'attach') : undefined;
  socket.write(responseHead(res));
  if (upstreamHead.length) socket.write(upstreamHead);
  if (head.length) upstream.write(head);
  bridgeSockets(socket, upstream, () => done?.());
}

/** An engine refusal as one sentence: its JSON `message`, its text, or the status. */
function errorMessageOf(res: IncomingMessage, status: number): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 64 * 1024) chunks.push(chunk);
    });
    res.on('error', () => resolve(`The engine answered HTTP ${status}.`));
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      try {
        const parsed = JSON.parse(text) as { message?: unknown };
        if (typeof parsed.message === 'string') return resolve(parsed.message);
      } catch {
        // not JSON: the text itself
      }
      resolve(text || `The engine answered HTTP ${status}.`);
    });
  });
}
