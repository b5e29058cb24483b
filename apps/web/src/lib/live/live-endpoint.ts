// One live connection per endpoint, started by the endpoint layout and shared by every view: the
// events socket feeds the query cache, the engine banner (engine up/down) and the events page.
import { gatewayKeys } from '@berth/api';
import type { EndpointSummary, EngineEvent, EventsMessage } from '@berth/api';
import type { QueryClient } from '@tanstack/react-query';
import { createEventCacheSync, liveKeys } from './event-cache-sync';
import type { EventCacheSync, Schedule } from './event-cache-sync';
import { ModelStore } from './model-store';
import { ReconnectingSocket } from './reconnecting-socket';
import type { CreateSocket, SocketState } from './reconnecting-socket';
import { endpointSocketUrl } from './socket-url';

export interface LiveStatus {
  socket: SocketState;
  /** What the gateway last said about the engine; unknown until the socket says. */
  engine: 'up' | 'down' | 'unknown';
  engineMessage?: string;
  /** While reconnecting: when the next attempt is due (ms since epoch). */
  retryAt?: number;
}

type EventListener = (event: EngineEvent) => void;

export interface LiveEndpointOptions {
  createSocket?: CreateSocket;
  schedule?: Schedule;
  closeAfterMs?: number;
}

const CLOSE_AFTER_MS = 1000;

export class LiveEndpoint {
  private socket: ReconnectingSocket | null = null;
  private sync: EventCacheSync | null = null;
  private readonly listeners = new Set<EventListener>();
  private readonly statusListeners = new Set<() => void>();
  private readonly defaultStaleTime: number;
  private live = false;
  private users = 0;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;
  status: LiveStatus = { socket: 'connecting', engine: 'unknown' };
  /** The gateway's engine model of this endpoint, on the same socket; lists paint from it. */
  readonly model: ModelStore;

  constructor(
    private readonly queryClient: QueryClient,
    readonly endpointId: string,
    private readonly options: LiveEndpointOptions = {},
  ) {
    this.model = new ModelStore({
      send: (request) => this.socket?.send(request) ?? false,
      schedule: options.schedule,
    });
    const staleTime = queryClient.getDefaultOptions().queries?.staleTime;
    this.defaultStaleTime = typeof staleTime === 'number' ? staleTime : 0;
  }

  /**
   * Keeps the connection open until the returned function is called; the last one to let go
   * closes it, a moment later (a quick remount keeps the socket).
   */
  retain(): () => void {
    this.users++;
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.closeTimer = null;
    if (!this.socket) this.open();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.users--;
      if (this.users > 0) return;
      this.closeTimer = setTimeout(() => {
        this.closeTimer = null;
        if (this.users === 0) this.close();
      }, this.options.closeAfterMs ?? CLOSE_AFTER_MS);
    };
  }

  /** Raw engine events as they come (the events page); noise included. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private open(): void {
    this.sync = createEventCacheSync(this.queryClient, this.endpointId, this.options.schedule);
    this.socket = new ReconnectingSocket({
      url: endpointSocketUrl(this.endpointId, 'events'),
      createSocket: this.options.createSocket,
      onMessage: (message) => this.onMessage(message as EventsMessage | { type: string }),
      onState: (socket, retryInMs) => {
        this.setStatus({
          ...this.status,
          socket,
          retryAt: retryInMs === undefined ? undefined : Date.now() + retryInMs,
        });
        if (socket !== 'open') this.setLive(false);
      },
      onOpen: () => {
        // The gateway says how the engine is at once; that first word triggers the resync.
        this.setStatus({ ...this.status, engine: 'unknown' });
        this.model.socketOpened();
      },
    });
  }

  private close(): void {
    this.socket?.close();
    this.socket = null;
    this.sync?.dispose();
    this.sync = null;
    this.setLive(false);
    this.setStatus({ socket: 'connecting', engine: 'unknown' });
  }

  private setStatus(status: LiveStatus): void {
    this.status = status;
    for (const listener of this.statusListeners) listener();
  }

  private onMessage(message: EventsMessage | { type: string }): void {
    if (this.model.handle(message)) return;
    if (isEventsMessage(message) && message.type === 'event') {
      this.sync?.handle(message.event);
      for (const listener of this.listeners) listener(message.event);
      return;
    }
    if (!isEventsMessage(message) || message.type !== 'engine') return;
    const previous = this.status.engine;
    this.setStatus({
      ...this.status,
      engine: message.status,
      engineMessage: message.message,
    });
    this.patchEndpoint(message.status, message.message);
    this.setLive(message.status === 'up');
    // Up after down, or first up on this socket: events before this moment were not seen (the
    // page may have read its lists before the stream began), so read them once more.
    if (message.status === 'up' && previous !== 'up') this.sync?.resync();
  }

  /** The banner reads the endpoints query: tell it now instead of at the next poll. */
  private patchEndpoint(status: 'up' | 'down', message: string | undefined): void {
    this.queryClient.setQueryData<EndpointSummary[]>(gatewayKeys.endpoints(), (endpoints) => {
      if (!endpoints) return endpoints;
      let changed = false;
      const next = endpoints.map((endpoint) => {
        if (endpoint.id !== this.endpointId || endpoint.status === status) return endpoint;
        changed = true;
        return {
          ...endpoint,
          status,
          error: status === 'down' ? (message ?? endpoint.error) : null,
        };
      });
      return changed ? next : endpoints;
    });
  }

  /**
   * While events flow, the lists they cover never go stale on their own (no refetch on focus or
   * mount: the events say when); without them the app's usual staleness applies again.
   */
  private setLive(live: boolean): void {
    if (this.live === live) return;
    this.live = live;
    for (const queryKey of liveKeys(this.endpointId)) {
      this.queryClient.setQueryDefaults(queryKey, {
        staleTime: live ? Infinity : this.defaultStaleTime,
      });
    }
  }
}

function isEventsMessage(message: { type: string }): message is EventsMessage {
  return message.type === 'event' || message.type === 'engine';
}

// ── registry: one per endpoint and query client ───────────────────────────
const registry = new WeakMap<QueryClient, Map<string, LiveEndpoint>>();

/** The endpoint's live connection (created on first use; it connects once retained). */
export function liveEndpoint(
  queryClient: QueryClient,
  endpointId: string,
  options?: LiveEndpointOptions,
): LiveEndpoint {
  let byEndpoint = registry.get(queryClient);
  if (!byEndpoint) {
    byEndpoint = new Map();
    registry.set(queryClient, byEndpoint);
  }
  let live = byEndpoint.get(endpointId);
  if (!live) {
    live = new LiveEndpoint(queryClient, endpointId, options);
    byEndpoint.set(endpointId, live);
  }
  return live;
}
