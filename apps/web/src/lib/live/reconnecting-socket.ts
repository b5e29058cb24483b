// A JSON text websocket that comes back by itself: the events and stats sockets of an endpoint
// live as long as the page, across gateway restarts and network blips.

export type SocketState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** The part of the browser's WebSocket this uses (tests pass a fake). */
export interface TextSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export type CreateSocket = (url: string) => TextSocket;

/** The gateway's own events-hub steps, so both sides back off alike. */
export const BACKOFF_MS = [250, 500, 1000, 2000, 5000, 10_000];

export interface ReconnectingSocketOptions {
  url: string;
  onMessage: (message: unknown) => void;
  /** Called on every state change; `retryInMs` is set while waiting to reconnect. */
  onState?: (state: SocketState, retryInMs?: number) => void;
  /** Called each time the socket opens (again): re-send subscriptions here. */
  onOpen?: (reopened: boolean) => void;
  createSocket?: CreateSocket;
  backoff?: readonly number[];
  /** For tests: a random factor in [0, 1) that spreads reconnects of many tabs. */
  random?: () => number;
}

const OPEN = 1;

export class ReconnectingSocket {
  private socket: TextSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private openedOnce = false;
  private stopped = false;
  state: SocketState = 'connecting';

  constructor(private readonly options: ReconnectingSocketOptions) {
    this.connect();
  }

  get isOpen(): boolean {
    return this.socket?.readyState === OPEN;
  }

  /** Sends a JSON message when open; returns false (and drops it) otherwise. */
  send(message: object): boolean {
    if (!this.socket || this.socket.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  close(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.close(1000, 'done');
    }
    this.setState('closed');
  }

  private setState(state: SocketState, retryInMs?: number): void {
    this.state = state;
    this.options.onState?.(state, retryInMs);
  }

  private connect(): void {
    if (this.stopped) return;
    this.timer = null;
    // Where there is no WebSocket at all (a page torn down under a pending retry, as a unit
    // test's environment is), stay closed: callers then read the engine's lists instead.
    if (!this.options.createSocket && typeof WebSocket === 'undefined') {
      this.stopped = true;
      this.setState('closed');
      return;
    }
    const create = this.options.createSocket ?? ((url: string) => new WebSocket(url) as TextSocket);
    const socket = create(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      const reopened = this.openedOnce;
      this.openedOnce = true;
      this.setState('open');
      this.options.onOpen?.(reopened);
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket || typeof event.data !== 'string') return;
      let message: unknown;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      this.options.onMessage(message);
    };
    // An error is always followed by a close, which schedules the next attempt.
    socket.onerror = () => undefined;
    socket.onclose = () => {
      if (this.socket !== socket || this.stopped) return;
      this.socket = null;
      const steps = this.options.backoff ?? BACKOFF_MS;
      const base = steps[Math.min(this.attempt++, steps.length - 1)] ?? 10_000;
      const delay = Math.round(base * (0.8 + 0.4 * (this.options.random ?? Math.random)()));
      this.setState('reconnecting', delay);
      this.timer = setTimeout(() => this.connect(), delay);
    };
    this.setState(this.openedOnce ? 'reconnecting' : 'connecting');
  }
}
