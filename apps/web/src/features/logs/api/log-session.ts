// Streams the logs of one container, or several merged by time, into a LogStore: bytes are
// decoded and split into lines as they arrive, timestamps parsed off, and the store told once per
// frame (so a flood of lines renders at frame rate, not per websocket message).
import { endpointSocketUrl } from '@/lib/live/socket-url';
import { LineDecoder } from '../utils/line-decoder';
import { LogStore } from '../utils/log-store';
import type { LogLine } from '../utils/log-store';
import { exactToParam, parseExactTimestamp, parseTimestampPrefix } from '../utils/timestamp';
import { estimateTotal, SeamFilter } from './log-backfill';
import type { BackfillState, Seam } from './log-backfill';
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
  /**
   * "All lines" of one container as the newest BACKFILL_TAIL first, older ones read after (see
   * log-backfill.ts). Off for engines without an exact `until` (PouchContainer): the whole log.
   */
  backfill?: boolean;
}

/** The newest lines shown first when all are asked for (a screenful many times over). */
export const BACKFILL_TAIL = 5000;

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
  /** Older lines being read for "All lines" (replaced, not mutated, on every change). */
  backfill: BackfillState = { state: 'idle' };
  private seam: Seam | null = null;
  private seamCounting = false;
  private backfillConnection: LogConnection | null = null;
  private above: LogLine[] = [];
  private backfillFirstMs = Number.NaN;
  private backfillLastMs = Number.NaN;

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

  /** Whether this session shows a tail first and reads the older lines after. */
  get backfills(): boolean {
    const { range, backfill } = this.options;
    return (
      backfill !== false &&
      this.sources.length === 1 &&
      (this.sources[0]?.kind ?? 'container') === 'container' &&
      range.tail === 'all' &&
      range.until === undefined
    );
  }

  /** Connects every source; after a stop (a remount) it starts over with an empty store. */
  start(): void {
    if (this.stopped) {
      this.stopped = false;
      this.pending = [];
      this.above = [];
      this.seam = null;
      this.backfill = { state: 'idle' };
      this.streams.forEach((stream) => {
        stream.decoders = [new LineDecoder(), new LineDecoder()];
        stream.skipUntil = -Infinity;
        stream.lastTime = Number.NaN;
      });
      this.store.clear();
    }
    // The tail's first line is the seam older lines are read up to.
    this.seamCounting = this.backfills;
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
    this.backfillConnection?.close();
    this.backfillConnection = null;
  }

  /** Stops reading older lines: those in stay, the ones between them and the tail do not come. */
  stopBackfill(): void {
    if (this.backfill.state !== 'loading') return;
    this.backfillConnection?.close();
    this.backfillConnection = null;
    this.flush();
    this.setBackfill({ ...this.backfill, state: 'stopped' });
  }

  /** Status changes (not lines: those come from the store). */
  onStatus(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setBackfill(state: BackfillState): void {
    this.backfill = state;
    for (const listener of this.listeners) listener();
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
      since !== undefined
        ? { ...this.options.range, tail: 'all' }
        : this.backfills
          ? { ...this.options.range, tail: Math.min(BACKFILL_TAIL, this.store.capacity) }
          : this.options.range;
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
      if (this.seamCounting) this.countSeam(raw);
      const text = parsed ? raw.slice(parsed.textStart) : raw;
      if (parsed) stream.lastTime = time;
      if (merged) this.pending.push({ text, stream: channel, time, source: index });
      else store.push(text, channel, time, index);
    }
    this.queueFlush();
  }

  /**
   * The live tail's first lines: the first one is the seam (older lines are read up to its
   * time), and those right after it with the same time are counted.
   */
  private countSeam(raw: string): void {
    const exact = parseExactTimestamp(raw);
    const seam = this.seam;
    if (!seam) {
      const parsed = parseTimestampPrefix(raw);
      this.seamCounting = false;
      // Without timestamps there is no seam to read up to: the tail is all there is.
      if (!exact || !parsed || this.stopped) return;
      this.seam = { time: exact, timeMs: parsed.time, shownAtSeam: 1 };
      this.seamCounting = true;
      this.startBackfill(this.seam);
    } else if (exact && exact.seconds === seam.time.seconds && exact.nanos === seam.time.nanos) {
      seam.shownAtSeam++;
    } else {
      this.seamCounting = false;
    }
  }

  private startBackfill(seam: Seam): void {
    const source = this.sources[0];
    if (!source) return;
    const params = logSocketParams(source.id, { ...this.options.range, tail: 'all' });
    params.set('follow', '0');
    params.set('until', exactToParam(seam.time));
    const filter = new SeamFilter(seam);
    const decoders = [new LineDecoder(), new LineDecoder()] as const;
    let past = false;
    const keep = (line: LogLine) => {
      this.above.push(line);
      if (Number.isNaN(this.backfillFirstMs)) this.backfillFirstMs = line.time;
      this.backfillLastMs = line.time;
    };
    const take = (channel: 1 | 2, lines: string[]) => {
      if (this.backfill.state !== 'loading') return;
      for (const raw of lines) {
        if (past) return;
        const parsed = parseTimestampPrefix(raw);
        const line: LogLine = {
          text: parsed ? raw.slice(parsed.textStart) : raw,
          stream: channel,
          time: parsed ? parsed.time : Number.NaN,
          source: 0,
        };
        if (filter.accept(line, parsed ? parseExactTimestamp(raw) : null, keep) === 'past')
          past = true;
      }
      if (past) finish({ kind: 'ended' });
      else this.queueFlush();
    };
    const finish = (outcome: LogOutcome) => {
      if (this.backfill.state !== 'loading') return;
      this.backfillConnection?.close();
      this.backfillConnection = null;
      if (outcome.kind === 'ended') filter.finish(keep);
      this.flush();
      const { loaded, estimate } = this.backfill;
      this.setBackfill(
        outcome.kind === 'ended'
          ? { state: 'done', loaded, estimate: loaded }
          : outcome.kind === 'closed'
            ? { state: 'stopped', loaded, estimate }
            : {
                state: 'error',
                loaded,
                estimate,
                message: outcome.kind === 'error' ? outcome.message : describeLoss(outcome),
              },
      );
    };
    this.backfillFirstMs = Number.NaN;
    this.setBackfill({ state: 'loading', loaded: 0, estimate: null });
    this.backfillConnection = new LogConnection({
      url: endpointSocketUrl(this.options.endpointId, 'logs', params),
      createSocket: this.options.createSocket,
      onOutput: (channel, payload) =>
        take(channel, (channel === 1 ? decoders[0] : decoders[1]).push(payload)),
      onEnd: (outcome) => {
        take(1, decoders[0].end());
        take(2, decoders[1].end());
        finish(outcome);
      },
    });
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
    if (this.above.length) {
      const batch = this.above;
      this.above = [];
      this.store.insertAbove(batch);
      if (this.backfill.state === 'loading' && this.seam) {
        const loaded = this.backfill.loaded + batch.length;
        this.setBackfill({
          state: 'loading',
          loaded,
          estimate: estimateTotal(
            loaded,
            this.backfillFirstMs,
            this.backfillLastMs,
            this.seam.timeMs,
          ),
        });
      }
    }
    this.store.commit();
  }
}
