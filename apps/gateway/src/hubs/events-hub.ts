import type { EngineEvent, EventsMessage } from '@berth/api';
import { JsonLines, normalizeEvent } from '@berth/api';
import type { ClientRequest } from 'node:http';
import type { WebSocket } from 'ws';
import type { Endpoint } from '../endpoints/endpoint';
import type { Logger } from '../logger';

const BACKOFF_MS = [250, 500, 1000, 2000, 5000, 10_000];
/** After the last listener leaves, the upstream stays open this long for a quick comeback. */
const IDLE_CLOSE_MS = 10_000;

type Listener = (message: EventsMessage) => void;

/**
 * One `GET /events` stream per endpoint, shared by every listener (browser sockets, other hubs).
 * When the engine drops it says `down`, reconnects with backoff, and resumes from the last event's
 * second (`since`), dropping the repeats, so nothing is lost or doubled; then it says `up`.
 */
export class EventsHub {
  private readonly listeners = new Set<Listener>();
  private upstream: ClientRequest | null = null;
  private status: 'up' | 'down' | 'connecting' = 'connecting';
  private lastTime: number | null = null;
  /** When the stream first opened, in the engine's clock: where to resume if no event came yet. */
  private openedAt: number | null = null;
  /** Events already delivered within the second `lastTime`, to drop repeats after a resume. */
  private seenInLastSecond = new Set<string>();
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    readonly endpoint: Endpoint,
    private readonly logger: Logger,
  ) {}

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** True while the engine's /events stream is open (for berth_upstream_streams). */
  get upstreamOpen(): boolean {
    return this.upstream !== null;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.status !== 'connecting')
      listener({
        type: 'engine',
        status: this.status === 'up' ? 'up' : 'down',
        ...(this.endpoint.error ? { message: this.endpoint.error } : {}),
      });
    if (!this.upstream && !this.retryTimer) this.connect();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.idleTimer = setTimeout(() => this.stop(), IDLE_CLOSE_MS);
        this.idleTimer.unref();
      }
    };
  }

  /** Serves one browser socket: JSON text messages, as in DESIGN.md. */
  attach(ws: WebSocket): void {
    const unsubscribe = this.subscribe((message) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    });
    ws.on('close', unsubscribe);
    ws.on('error', unsubscribe);
  }

  private broadcast(message: EventsMessage): void {
    for (const listener of this.listeners) listener(message);
  }

  private setStatus(status: 'up' | 'down', message?: string): void {
    if (this.status === status) return;
    this.status = status;
    this.broadcast({ type: 'engine', status, ...(message ? { message } : {}) });
  }

  private connect(): void {
    if (this.closed) return;
    this.retryTimer = null;
    const from = this.lastTime ?? this.openedAt;
    const since = from === null ? '' : `?since=${from}`;
    const req = this.endpoint.transport.request({
      method: 'GET',
      path: this.endpoint.versionedPath('/events') + since,
    });
    this.upstream = req;
    // Handlers of a stream that was replaced or stopped must not touch the current one.
    const fail = (error: Error) => {
      if (this.upstream === req) this.fail(error);
    };
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        fail(new Error(`the engine answered /events with HTTP ${res.statusCode}`));
        return;
      }
      this.attempt = 0;
      // A loss before the first event must still replay what happened after this moment.
      this.openedAt ??= engineSecond(res.headers.date);
      this.endpoint.markUp();
      this.setStatus('up');
      const lines = new JsonLines();
      res.on('data', (chunk: Buffer) => {
        for (const raw of lines.push(chunk)) this.deliver(normalizeEvent(raw));
      });
      res.on('end', () => fail(new Error('the engine closed the events stream')));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  }

  private deliver(event: EngineEvent): void {
    const key = `${event.timeNano}:${event.Type}:${event.Action}:${event.Actor.ID}`;
    if (this.lastTime !== null && event.time < this.lastTime) return;
    if (event.time === this.lastTime) {
      if (this.seenInLastSecond.has(key)) return;
    } else {
      this.lastTime = event.time;
      this.seenInLastSecond = new Set();
    }
    this.seenInLastSecond.add(key);
    this.broadcast({ type: 'event', event });
  }

  private fail(error: Error): void {
    this.upstream?.destroy();
    this.upstream = null;
    if (this.closed || this.listeners.size === 0) return;
    const message = this.endpoint.markDown(error);
    this.setStatus('down', message);
    const delay = BACKOFF_MS[Math.min(this.attempt++, BACKOFF_MS.length - 1)] ?? 10_000;
    this.logger.debug({ endpoint: this.endpoint.id, delay }, 'events stream lost; reconnecting');
    this.retryTimer = setTimeout(() => this.connect(), delay);
    this.retryTimer.unref();
  }

  /** Closes the upstream (no listeners); the next subscriber opens it again and resumes. */
  private stop(): void {
    if (this.listeners.size > 0) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const upstream = this.upstream;
    this.upstream = null;
    upstream?.destroy();
    this.status = 'connecting';
    // Nobody listened meanwhile: the next subscriber starts from now, not from history.
    this.lastTime = null;
    this.openedAt = null;
  }

  close(): void {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.listeners.clear();
    this.stop();
  }
}

/** The engine's clock in whole seconds, from a response's Date header (ours if it has none). */
function engineSecond(date: string | undefined): number {
  const ms = date ? Date.parse(date) : NaN;
  return Math.floor((Number.isNaN(ms) ? Date.now() : ms) / 1000);
}
