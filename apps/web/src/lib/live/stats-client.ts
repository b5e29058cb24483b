// One stats websocket per endpoint, shared by every chart, cell and tile. Subscriptions are
// reference-counted per container: the gateway hears "subscribe" when the first viewer of a
// container appears and "unsubscribe" shortly after the last one goes (so scrolling a list
// back and forth does not churn the engine's stats streams).
import type { StatsMessage, StatsSample } from '@berth/api';
import { ReconnectingSocket } from './reconnecting-socket';
import type { CreateSocket, SocketState } from './reconnecting-socket';
import { endpointSocketUrl } from './socket-url';
import { StatsSeries } from './stats-series';

export type StatsListener = (update: StatsUpdate) => void;

export type StatsUpdate =
  | { kind: 'sample'; series: StatsSeries; sample: StatsSample }
  | { kind: 'history'; series: StatsSeries }
  | { kind: 'error'; series: StatsSeries; message: string };

interface ContainerEntry {
  series: StatsSeries;
  listeners: Set<StatsListener>;
  error: string | null;
  /** Pending unsubscribe after the last listener left. */
  leaveTimer: ReturnType<typeof setTimeout> | null;
}

export interface StatsClientOptions {
  createSocket?: CreateSocket;
  /** How long a container stays subscribed after its last viewer leaves. */
  lingerMs?: number;
  /** How long the socket stays open with no subscriptions at all. */
  idleCloseMs?: number;
}

export class StatsClient {
  private socket: ReconnectingSocket | null = null;
  private readonly containers = new Map<string, ContainerEntry>();
  private readonly toSubscribe = new Set<string>();
  private readonly toUnsubscribe = new Set<string>();
  private flushQueued = false;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly lingerMs: number;
  private readonly idleCloseMs: number;
  socketState: SocketState | 'idle' = 'idle';

  constructor(
    readonly endpointId: string,
    private readonly options: StatsClientOptions = {},
  ) {
    this.lingerMs = options.lingerMs ?? 1500;
    this.idleCloseMs = options.idleCloseMs ?? 10_000;
  }

  /** Containers the gateway is asked to stream right now (tests, diagnostics). */
  get subscribed(): string[] {
    return [...this.containers.keys()];
  }

  series(containerId: string): StatsSeries | undefined {
    return this.containers.get(containerId)?.series;
  }

  error(containerId: string): string | null {
    return this.containers.get(containerId)?.error ?? null;
  }

  /**
   * Watches one container (by full id). The listener hears history and each sample as they come;
   * the series is available at once for what is already known.
   */
  subscribe(containerId: string, listener: StatsListener): () => void {
    let entry = this.containers.get(containerId);
    if (!entry) {
      entry = { series: new StatsSeries(), listeners: new Set(), error: null, leaveTimer: null };
      this.containers.set(containerId, entry);
      this.toUnsubscribe.delete(containerId);
      this.toSubscribe.add(containerId);
      this.queueFlush();
    }
    const current = entry;
    if (current.leaveTimer) clearTimeout(current.leaveTimer);
    current.leaveTimer = null;
    current.listeners.add(listener);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      current.listeners.delete(listener);
      if (current.listeners.size > 0) return;
      current.leaveTimer = setTimeout(() => this.leave(containerId, current), this.lingerMs);
    };
  }

  close(): void {
    for (const entry of this.containers.values())
      if (entry.leaveTimer) clearTimeout(entry.leaveTimer);
    this.containers.clear();
    this.toSubscribe.clear();
    this.toUnsubscribe.clear();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.socket?.close();
    this.socket = null;
    this.socketState = 'idle';
  }

  private leave(containerId: string, entry: ContainerEntry): void {
    if (entry.listeners.size > 0 || this.containers.get(containerId) !== entry) return;
    this.containers.delete(containerId);
    if (!this.toSubscribe.delete(containerId)) this.toUnsubscribe.add(containerId);
    this.queueFlush();
  }

  /** Many cells mount in one render: their subscriptions go out as one message. */
  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.containers.size > 0) {
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = null;
      if (!this.socket) {
        // Opening sends every current subscription; nothing is pending then.
        this.toSubscribe.clear();
        this.toUnsubscribe.clear();
        this.open();
        return;
      }
    }
    if (this.socket?.isOpen) {
      if (this.toSubscribe.size)
        this.socket.send({ type: 'subscribe', containers: [...this.toSubscribe] });
      if (this.toUnsubscribe.size)
        this.socket.send({ type: 'unsubscribe', containers: [...this.toUnsubscribe] });
    }
    // A closed socket re-sends everything on open; nothing to remember.
    this.toSubscribe.clear();
    this.toUnsubscribe.clear();
    if (this.containers.size === 0 && this.socket && !this.idleTimer) {
      this.idleTimer = setTimeout(() => {
        this.idleTimer = null;
        if (this.containers.size > 0) return;
        this.socket?.close();
        this.socket = null;
        this.socketState = 'idle';
      }, this.idleCloseMs);
    }
  }

  private open(): void {
    this.socket = new ReconnectingSocket({
      url: endpointSocketUrl(this.endpointId, 'stats'),
      createSocket: this.options.createSocket,
      onMessage: (message) => this.onMessage(message as StatsMessage),
      onState: (state) => {
        this.socketState = state;
      },
      onOpen: () => {
        const containers = [...this.containers.keys()];
        if (containers.length) this.socket?.send({ type: 'subscribe', containers });
      },
    });
  }

  private onMessage(message: StatsMessage): void {
    const entry = this.containers.get(message.container);
    if (!entry) return;
    let update: StatsUpdate;
    if (message.type === 'stats') {
      const { type: _type, container: _container, ...sample } = message;
      if (!entry.series.push(sample)) return;
      entry.error = null;
      update = { kind: 'sample', series: entry.series, sample };
    } else if (message.type === 'history') {
      entry.series.seed(message.samples);
      update = { kind: 'history', series: entry.series };
    } else if (message.type === 'error') {
      entry.error = message.message;
      update = { kind: 'error', series: entry.series, message: message.message };
    } else {
      return;
    }
    for (const listener of entry.listeners) listener(update);
  }
}

const clients = new Map<string, StatsClient>();

/** The endpoint's shared stats client (created on first use; its socket opens on demand). */
export function statsClient(endpointId: string): StatsClient {
  let client = clients.get(endpointId);
  if (!client) {
    client = new StatsClient(endpointId);
    clients.set(endpointId, client);
  }
  return client;
}
