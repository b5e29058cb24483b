// The wall runs for days unattended: it notices the gateway going away (and says so), keeps
// trying with backoff forever, and reloads itself when the gateway comes back as a new version
// (so a TV never runs yesterday's SPA against today's gateway).

export type WatchState = 'online' | 'reconnecting';

export interface GatewayWatchOptions {
  getVersion: () => Promise<string>;
  reload: () => void;
  onState: (state: WatchState) => void;
  /** How often to ask while all is well. */
  intervalMs?: number;
  /** Waits after consecutive failures; the last one repeats forever. */
  backoffMs?: readonly number[];
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export const WATCH_BACKOFF_MS = [1000, 2000, 5000, 10_000, 30_000];

export class GatewayWatch {
  private version: string | null = null;
  private failures = 0;
  private timer: unknown = null;
  private stopped = false;
  state: WatchState = 'online';

  constructor(private readonly options: GatewayWatchOptions) {}

  start(): void {
    void this.check();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) (this.options.clearTimer ?? clearTimeout)(this.timer as number);
    this.timer = null;
  }

  /** Ask now (e.g. when a socket just dropped) instead of at the next tick. */
  poke(): void {
    if (this.stopped) return;
    if (this.timer !== null) (this.options.clearTimer ?? clearTimeout)(this.timer as number);
    this.timer = null;
    void this.check();
  }

  private async check(): Promise<void> {
    let version: string;
    try {
      version = await this.options.getVersion();
    } catch {
      if (this.stopped) return;
      const steps = this.options.backoffMs ?? WATCH_BACKOFF_MS;
      const wait = steps[Math.min(this.failures, steps.length - 1)] ?? 30_000;
      this.failures++;
      this.setState('reconnecting');
      this.schedule(wait);
      return;
    }
    if (this.stopped) return;
    this.failures = 0;
    if (this.version !== null && version !== this.version) {
      this.options.reload();
      return;
    }
    this.version = version;
    this.setState('online');
    this.schedule(this.options.intervalMs ?? 15_000);
  }

  private schedule(ms: number): void {
    const set =
      this.options.setTimer ?? ((run: () => void, delay: number) => setTimeout(run, delay));
    this.timer = set(() => {
      this.timer = null;
      void this.check();
    }, ms);
  }

  private setState(state: WatchState): void {
    if (this.state === state) return;
    this.state = state;
    this.options.onState(state);
  }
}
