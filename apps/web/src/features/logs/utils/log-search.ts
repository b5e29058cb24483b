// Search over up to a million lines, off the render path: the scan runs in slices of a few
// milliseconds between frames (typing stays smooth, the count grows as it goes), then follows
// new lines as they arrive. Matches are kept as sequence numbers in a typed array.
import { stripAnsi } from './sgr';
import type { LogStore } from './log-store';

export interface SearchQuery {
  text: string;
  regex: boolean;
  matchCase: boolean;
}

export type CompiledSearch =
  { ok: true; test: RegExp; highlight: RegExp } | { ok: false; error: string };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The query as regular expressions (one to test lines, a global one to mark matches). */
export function compileSearch(query: SearchQuery): CompiledSearch | null {
  if (query.text === '') return null;
  const source = query.regex ? query.text : escape(query.text);
  const flags = query.matchCase ? '' : 'i';
  try {
    return {
      ok: true,
      test: new RegExp(source, flags),
      highlight: new RegExp(source, `${flags}g`),
    };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Ranges [start, end) of the matches in a line's visible text (empty matches skipped). */
export function matchRanges(text: string, highlight: RegExp): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  highlight.lastIndex = 0;
  for (let m = highlight.exec(text); m; m = highlight.exec(text)) {
    if (m[0].length === 0) {
      highlight.lastIndex++;
      continue;
    }
    ranges.push([m.index, m.index + m[0].length]);
    if (ranges.length > 1000) break;
  }
  return ranges;
}

export type Yield = (run: () => void) => void;

/** The next macrotask without setTimeout's 4 ms clamp. */
export const nextTask: Yield = (() => {
  if (typeof MessageChannel === 'undefined') return (run: () => void) => setTimeout(run, 0);
  const channel = new MessageChannel();
  const queue: Array<() => void> = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return (run: () => void) => {
    queue.push(run);
    channel.port2.postMessage(0);
  };
})();

export interface LogSearchOptions {
  /** Time per slice before yielding to the page. */
  sliceMs?: number;
  schedule?: Yield;
  now?: () => number;
  onUpdate?: () => void;
}

export class LogSearch {
  private matches = new Float64Array(1024);
  private matchCount = 0;
  /** Matches before this index were dropped from the store. */
  private firstMatch = 0;
  /** The next line (sequence number) to look at. */
  private nextSeq = 0;
  private revision: number;
  private scheduled = false;
  private cancelled = false;
  private readonly unsubscribe: () => void;
  /** Whether every stored line has been looked at. */
  done = false;
  /** Lines looked at since the search (re)started: progress. */
  scanned = 0;

  constructor(
    private readonly store: LogStore,
    private readonly test: RegExp,
    private readonly options: LogSearchOptions = {},
  ) {
    this.revision = store.revision;
    this.nextSeq = store.dropped;
    this.unsubscribe = store.subscribe(() => this.onStoreChange());
    this.queue();
  }

  cancel(): void {
    this.cancelled = true;
    this.unsubscribe();
  }

  /** Matching lines still in the store. */
  get count(): number {
    this.forgetDropped();
    return this.matchCount - this.firstMatch;
  }

  /** The sequence number of match `k` (0 = oldest). */
  seqAt(k: number): number {
    this.forgetDropped();
    return this.matches[this.firstMatch + k] ?? -1;
  }

  /** The first match at or after line `seq`, or -1. */
  indexAtOrAfter(seq: number): number {
    this.forgetDropped();
    let lo = this.firstMatch;
    let hi = this.matchCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.matches[mid] ?? 0) < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.matchCount ? lo - this.firstMatch : -1;
  }

  private forgetDropped(): void {
    while (
      this.firstMatch < this.matchCount &&
      (this.matches[this.firstMatch] ?? 0) < this.store.dropped
    )
      this.firstMatch++;
  }

  private onStoreChange(): void {
    if (this.store.revision !== this.revision) {
      // Lines were inserted or cleared: numbers shifted, look again from the start.
      this.revision = this.store.revision;
      this.matchCount = 0;
      this.firstMatch = 0;
      this.scanned = 0;
      this.nextSeq = this.store.dropped;
    }
    this.done = false;
    this.queue();
  }

  private queue(): void {
    if (this.scheduled || this.cancelled) return;
    this.scheduled = true;
    (this.options.schedule ?? nextTask)(() => {
      this.scheduled = false;
      this.slice();
    });
  }

  private record(seq: number): void {
    if (this.matchCount === this.matches.length) {
      const bigger = new Float64Array(this.matches.length * 2);
      bigger.set(this.matches);
      this.matches = bigger;
    }
    this.matches[this.matchCount++] = seq;
  }

  private slice(): void {
    if (this.cancelled) return;
    const now = this.options.now ?? (() => performance.now());
    const deadline = now() + (this.options.sliceMs ?? 8);
    const store = this.store;
    const test = this.test;
    if (this.nextSeq < store.dropped) this.nextSeq = store.dropped;
    let index = store.indexOfSeq(this.nextSeq);
    const end = store.length;
    while (index < end) {
      const stop = Math.min(end, index + 2048);
      for (; index < stop; index++) {
        const text = store.textAt(index);
        if (test.test(text.indexOf('\x1b') === -1 ? text : stripAnsi(text))) {
          this.record(store.seqOf(index));
        }
      }
      if (now() >= deadline) break;
    }
    this.scanned += store.seqOf(index) - this.nextSeq;
    this.nextSeq = store.seqOf(index);
    this.done = index >= end;
    this.options.onUpdate?.();
    if (!this.done) this.queue();
  }
}
