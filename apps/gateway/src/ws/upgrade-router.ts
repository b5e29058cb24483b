import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Role } from '@berth/api';
import { matchEngineRoute, roleAtLeast } from '@berth/api';
import { WebSocketServer, type WebSocket } from 'ws';
import { headerOf } from '../auth/origin';
import type { Principal } from '../auth/principal';
import type { Security } from '../auth/security';
import type { Endpoint } from '../endpoints/endpoint';
import type { EndpointRegistry } from '../endpoints/registry';
import type { Logger } from '../logger';
import { HttpError } from '../http/errors';
import { parseRelayUrl } from '../relay/relay';
import { RELAYED_UPGRADES, relayUpgrade, type UpgradeRelayContext } from '../relay/upgrade-relay';
import { rejectUpgrade } from '../server';

type RelayUpgradeDeps = Pick<UpgradeRelayContext, 'audit' | 'track'>;

export type WsKind = 'exec' | 'attach' | 'logs' | 'stats' | 'events';

export const CHANNEL_PROTOCOL = 'berth.channel.v1';

/** Who may open each kind of stream: a terminal is as strong as exec; watching is for viewers. */
const WS_ROLES: Record<WsKind, Role> = {
  exec: 'operator',
  attach: 'operator',
  logs: 'viewer',
  stats: 'viewer',
  events: 'viewer',
};

export interface WsContext {
  endpoint: Endpoint;
  principal: Principal;
  url: URL;
  req: IncomingMessage;
}

/** A route's handler owns the socket; a rejected promise is logged and closes it (1011). */
export type WsHandler = (ws: WebSocket, ctx: WsContext) => void | Promise<void>;

const ROUTE = /^\/api\/endpoints\/([^/]+)\/ws\/([a-z]+)$/;
/** The Engine API relay's address: a few engine calls upgrade (see RELAYED_UPGRADES). */
const RELAY_ROUTE = /^\/api\/endpoints\/([^/]+)\/docker(\/.*)?$/;
/** Big enough for a 1 MB paste in one message, with room for framing. */
export const MAX_WS_PAYLOAD = 16 * 1024 * 1024;
const HEARTBEAT_MS = 25_000;

/**
 * Websocket upgrades go through the same checks as REST, before `handleUpgrade`: the Host
 * header, the Origin (a browser must be on one of Berth's origins; token clients send none),
 * who is calling, their role for this kind of stream, and the endpoint. Then the route's handler
 * owns the socket. Heartbeats keep idle sessions alive behind proxies and drop dead peers.
 */
export class UpgradeRouter {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_WS_PAYLOAD,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(CHANNEL_PROTOCOL) ? CHANNEL_PROTOCOL : false),
  });
  private readonly handlers = new Map<WsKind, WsHandler>();
  private readonly alive = new WeakSet<WebSocket>();
  private readonly heartbeat: NodeJS.Timeout;
  private relayDeps: RelayUpgradeDeps | undefined;

  constructor(
    private readonly security: Security,
    private readonly registry: EndpointRegistry,
    private readonly logger: Logger,
  ) {
    this.heartbeat = setInterval(() => {
      for (const ws of this.wss.clients) {
        if (!this.alive.has(ws)) {
          ws.terminate();
          continue;
        }
        this.alive.delete(ws);
        ws.ping();
      }
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Turns on the engine's own upgrades through the relay (attach/ws, session). */
  relayUpgrades(deps: RelayUpgradeDeps): void {
    this.relayDeps = deps;
  }

  route(kind: WsKind, handler: WsHandler): void {
    this.handlers.set(kind, handler);
  }

  /**
   * The `upgrade` listener. Nothing here may throw out: an upgrade arrives before any login, so
   * an exception escaping it would let anyone stop the gateway with one request.
   */
  handle(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    try {
      this.dispatch(req, socket, head);
    } catch (error) {
      this.logger.error({ err: error, url: req.url }, 'websocket upgrade failed');
      if (!socket.destroyed) rejectUpgrade(socket, 500, 'Berth could not open this websocket.');
    }
  }

  private dispatch(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = upgradeUrl(req.url);
    if (!url) return rejectUpgrade(socket, 400, 'The websocket address is not a valid path.');
    const relayed = RELAY_ROUTE.exec(url.pathname);
    if (relayed) return this.dispatchRelay(req, socket, head, url, relayed);
    const match = ROUTE.exec(url.pathname);
    const kind = match?.[2] as WsKind | undefined;
    const role = kind && WS_ROLES[kind];
    if (!match || !kind || !role)
      return rejectUpgrade(socket, 404, `No websocket route at ${url.pathname}`);

    const allowed = this.authorize(req, socket, match[1] ?? '', `ws.${kind}`, () => ({
      role,
      what: `${kind} streams`,
    }));
    if (!allowed) return;
    const { principal, endpoint } = allowed;
    const handler = this.handlers.get(kind);
    if (!handler) return rejectUpgrade(socket, 404, `No websocket route at ${url.pathname}`);

    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.alive.add(ws);
      ws.on('pong', () => this.alive.add(ws));
      // A bad frame (wrong opcode, oversize, bad UTF-8 in a close reason) is an 'error' event:
      // without a listener it would be thrown. The socket is closed by ws itself.
      ws.on('error', (error) => this.logger.debug({ err: error }, 'websocket error'));
      const failed = (error: unknown) => {
        this.logger.error({ err: error, kind }, 'websocket handler failed');
        if (ws.readyState === ws.OPEN) ws.close(1011, 'internal error');
      };
      try {
        void Promise.resolve(handler(ws, { endpoint, principal, url, req })).catch(failed);
      } catch (error) {
        failed(error);
      }
    });
  }

  /**
   * `…/docker/containers/{id}/attach/ws` and `…/docker/session`: the engine's own upgrades,
   * after the same checks, with the role from the route table. The bytes are the engine's.
   */
  private dispatchRelay(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    url: URL,
    relayed: RegExpExecArray,
  ): void {
    const enginePath = relayed[2] ?? '/';
    const match = matchEngineRoute(req.method ?? 'GET', enginePath);
    const op = match && RELAYED_UPGRADES[match.route.op] ? match.route.op : undefined;
    const allowed = this.authorize(req, socket, relayed[1] ?? '', op ?? 'relay.upgrade', () =>
      match && op
        ? { role: match.route.role, what: op }
        : {
            refusal: `${req.method ?? 'GET'} ${enginePath} does not upgrade through the relay: only ContainerAttachWebsocket (GET /containers/{id}/attach/ws) and Session (POST /session) do; exec and attach streams go through /ws/exec and /ws/attach.`,
          },
    );
    if (!allowed || !match) return;
    let target;
    try {
      target = parseRelayUrl(url.pathname + url.search, this.registry);
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 400;
      return rejectUpgrade(socket, status, (error as Error).message);
    }
    const relay = this.relayDeps;
    if (!relay) return rejectUpgrade(socket, 404, `No websocket route at ${url.pathname}`);
    relayUpgrade(socket, head, {
      ...relay,
      endpoint: allowed.endpoint,
      principal: allowed.principal,
      match,
      enginePath: target.path,
      search: target.search,
      req,
    }).catch((error: unknown) => {
      this.logger.error({ err: error, op }, 'relayed upgrade failed');
      if (!socket.destroyed) rejectUpgrade(socket, 502, 'Berth could not relay this upgrade.');
    });
  }

  /**
   * The checks every upgrade passes, in order: the Host header, the Origin (cross-site websocket
   * hijacking), who is calling, whether this call may upgrade at all, the endpoint, and the role
   * on it. Rejects the socket and returns undefined when one fails.
   */
  private authorize(
    req: IncomingMessage,
    socket: Duplex,
    endpointSegment: string,
    action: string,
    needs: () => { role: Role; what: string } | { refusal: string },
  ): { principal: Principal; endpoint: Endpoint } | undefined {
    const { origins } = this.security.deps;
    const view = this.security.viewOf(req);
    if (!origins.hostAllowed(view.host)) {
      rejectUpgrade(socket, 421, 'Unknown host name; add it to BERTH_ORIGINS.');
      return undefined;
    }
    const principal = this.security.principalOf(req);
    const origin = headerOf(req, 'origin');
    // Cross-site websocket hijacking: browsers always send Origin, and it must be one of ours;
    // only token clients (scripts, not browsers) may come without one.
    const originOk =
      origin !== undefined
        ? origins.originAllowed(origin, view.host, view.secure)
        : principal?.via === 'token';
    if (!originOk) {
      this.deny(req, principal, action, `websocket from origin ${origin ?? '(none)'}`);
      rejectUpgrade(socket, 403, "This websocket must be opened from one of Berth's own pages.");
      return undefined;
    }
    if (!principal) {
      rejectUpgrade(socket, 401, 'Log in first.');
      return undefined;
    }
    const need = needs();
    if ('refusal' in need) {
      rejectUpgrade(socket, 400, need.refusal);
      return undefined;
    }
    const endpointId = decodeSegment(endpointSegment);
    if (endpointId === undefined) {
      rejectUpgrade(socket, 400, 'The endpoint id has a malformed escape sequence.');
      return undefined;
    }
    const onEndpoint = this.security.endpointRole(principal, endpointId);
    if (!onEndpoint) {
      rejectUpgrade(socket, 404, `No such endpoint: ${endpointId}`);
      return undefined;
    }
    if (!roleAtLeast(onEndpoint, need.role)) {
      this.deny(req, principal, action, `needs ${need.role}`);
      rejectUpgrade(
        socket,
        403,
        `Your role (${onEndpoint}) cannot open ${need.what}; it needs ${need.role}.`,
      );
      return undefined;
    }
    const endpoint = this.registry.get(endpointId);
    if (!endpoint) {
      rejectUpgrade(socket, 404, `No such endpoint: ${endpointId}`);
      return undefined;
    }
    return { principal, endpoint };
  }

  private deny(
    req: IncomingMessage,
    principal: Principal | undefined,
    action: string,
    detail: string,
  ): void {
    this.security.deps.audit.record({
      username: principal?.username ?? null,
      role: principal?.role ?? null,
      ip: req.socket.remoteAddress ?? null,
      endpoint: null,
      action,
      target: null,
      status: 403,
      result: 'denied',
      detail,
    });
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}

/**
 * The request target as a URL on a dummy origin, or undefined when it is not a path. Built by
 * concatenation, never `new URL(target, base)`: `//host:port/…` would parse as an authority.
 */
export function upgradeUrl(target: string | undefined): URL | undefined {
  if (!target?.startsWith('/')) return undefined;
  try {
    return new URL(`http://berth.invalid${target}`);
  } catch {
    return undefined;
  }
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
