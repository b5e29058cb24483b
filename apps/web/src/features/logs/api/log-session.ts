// Streams the logs of one container, or several merged by time, into a LogStore: bytes are
// decoded and split into lines as they arrive, timestamps parsed off, and the store told once per
// frame (so a flood of lines renders at frame rate, not per websocket message).
import { endpointSocketUrl } from '@/lib/live/socket-url';
import { LineDecoder } from '../utils/line-decoder';
import { LogStore } from '../utils/log-store';
import type { LogLine } from '../utils/log-store';
import { parseTimestampPrefix } from '../utils/timestamp';
import { LogConnection } from './log-connection';
import type { BinarySocket, LogOutcome } from './log-connection';

export interface LogSource {
  id: string;
  name: string;
  /** What `id` names: a container (the default), or a swarm service or task (`ws/logs?service=`). */
  kind?: 'container' | 'service' | 'task';
}

export interface LogRange {
  /** Lines from the end to start with; 'all' for the whole log. */
  tail: number | 'all';
  /** Unix seconds. */
  since?: number;
  /** Unix seconds; with it the stream does not follow. */
  until?: number;
}

export type SourceStatus =
  | { state: 'connecting' }
  | { state: 'streaming' }
  | { state: 'ended' }
  | { state: 'error'; message: string }
  | { state: 'lost'; message: string };

export interface LogSessionOptions {
  endpointId: string;
  sources: LogSource[];
  range: LogRange;
  capacity?: number;
  createSocket?: (url: string, protocols: string[]) => BinarySocket;
  /** When to hand buffered lines to the store (the next frame by default). */
  schedule?: (run: () => void) => void;
}

export function logSocketParams(
  containerId: string,
  range: LogRange,
  since?: number,
  kind: LogSource['kind'] = 'container',
) {
  const params = new URLSearchParams({
    [kind]: containerId,
    follow: range.until === undefined ? '1' : '0',
    tail: String(range.tail),
    timestamps: '1',
    stdout: '1',
    stderr: '1',
  });
  const from = since ?? range.since;
  if (from !== undefined) params.set('since', String(from));
  if (range.until !== undefined) params.set('until', String(range.until));
  return params;
}

const frame = (run: () => void) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    run();
  };
  // rAF stalls in a background tab; the store still fills (acks keep the gateway sending).
  const timer = setTimeout(once, 100);
  requestAnimationFrame(once);
};

interface SourceStream {
  connection: LogConnection | null;
  decoders: [LineDecoder, LineDecoder];
  /** After a resume, lines up to this time were already shown. */
  skipUntil: number;
  lastTime: number;
}

function describeLoss(outcome: Extract<LogOutcome, { kind: 'lost' }>): string {
  return outcome.opened
    ? 'The connection to the gateway dropped.'
    : 'Could not connect to the gateway (it may be down, or the session ended).';
}

export class LogSession {
  readonly store: LogStore;
  readonly sources: LogSource[];
  /** Replaced (not mutated) on every change, so React can compare it. */
  statuses: readonly SourceStatus[];
  private readonly streams: SourceStream[];
  private pending: LogLine[] = [];
  private flushQueued = false;
  private stopped = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: LogSessionOptions) {
    this.store = new LogStore(options.capacity);
    this.sources = options.sources;
    this.statuses = options.sources.map(() => ({ state: 'connecting' }));
    this.streams = options.sources.map(() => ({
      connection: null,
      decoders: [new LineDecoder(), new LineDecoder()],
      skipUntil: -Infinity,
      lastTime: Number.NaN,
    }));
  }

  get merged(): boolean {
    return this.sources.length > 1;
  }

  /** Connects every source; after a stop (a remount) it starts over with an empty store. */
  start(): void {
    if (this.stopped) {
      this.stopped = false;
      this.pending = [];
      this.streams.forEach((stream) => {
        stream.decoders = [new LineDecoder(), new LineDecoder()];
        stream.skipUntil = -Infinity;
        stream.lastTime = Number.NaN;
      });
      this.store.clear();
    }
    this.sources.forEach((_, index) => this.connect(index));
  }

  /** Picks up a stream that ended (its container stopped and started again) from its last line. */
  resume(index: number): void {
    const stream = this.streams[index];
    const status = this.statuses[index];
    if (!stream || !status || status.state === 'streaming' || status.state === 'connecting') return;
    const last = stream.lastTime;
    stream.skipUntil = Number.isNaN(last) ? -Infinity : last;
    stream.decoders = [new LineDecoder(), new LineDecoder()];
    this.connect(index, Number.isNaN(last) ? undefined : Math.floor(last / 1000));
  }

  stop(): void {
    this.stopped = true;
    for (const stream of this.streams) stream.connection?.close();
  }

  /** Status changes (not lines: those come from the store). */
  onStatus(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setStatus(index: number, status: SourceStatus): void {
    this.statuses = this.statuses.map((current, i) => (i === index ? status : current));
    for (const listener of this.listeners) listener();
  }

  private connect(index: number, since?: number): void {
    const source = this.sources[index];
    const stream = this.streams[index];
    if (!source || !stream || this.stopped) return;
    this.setStatus(index, { state: 'connecting' });
    // A resume asks for everything since the last line's second, not the last N lines.
    const range: LogRange =
      since === undefined ? this.options.range : { ...this.options.range, tail: 'all' };
    stream.connection = new LogConnection({
      url: endpointSocketUrl(
        this.options.endpointId,
        'logs',
        logSocketParams(source.id, range, since, source.kind),
      ),
      createSocket: this.options.createSocket,
      onOpen: () => this.setStatus(index, { state: 'streaming' }),
      onOutput: (channel, payload) => {
        this.lines(index, channel, stream.decoders[channel - 1]?.push(payload) ?? []);
      },
      onEnd: (outcome) => {
        stream.connection = null;
        this.lines(index, 1, stream.decoders[0].end());
        this.lines(index, 2, stream.decoders[1].end());
        this.flush();
        if (outcome.kind === 'closed') return;
        this.setStatus(
          index,
          outcome.kind === 'ended'
            ? { state: 'ended' }
            : outcome.kind === 'error'
              ? { state: 'error', message: outcome.message }
              : { state: 'lost', message: describeLoss(outcome) },
        );
      },
    });
  }

  private lines(index: number, channel: 1 | 2, lines: string[]): void {
    const stream = this.streams[index];
    if (lines.length === 0 || !stream) return;
    const merged = this.merged;
    const store = this.store;
    for (const raw of lines) {
      const parsed = parseTimestampPrefix(raw);
      const time = parsed ? parsed.time : Number.NaN;
      if (time <= stream.skipUntil) continue;
      const text = parsed ? raw.slice(parsed.textStart) : raw;
      if (parsed) stream.lastTime = time;
      if (merged) this.pending.push({ text, stream: channel, time, source: index });
      else store.push(text, channel, time, index);
    }
    this.queueFlush();
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    (this.options.schedule ?? frame)(() => this.flush());
  }

  private flush(): void {
    this.flushQueued = false;
    if (this.pending.length) {
      const batch = this.pending;
      this.pending = [];
      // Each source's lines are in order already; a stable sort interleaves them by time.
      batch.sort((a, b) => a.time - b.time || 0);
      this.store.mergeSorted(batch);
    }
    this.store.commit();
  }
}
