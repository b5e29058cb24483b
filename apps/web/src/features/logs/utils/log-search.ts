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

/** Sequence numbers of matching lines, in order, growing at the end and forgotten at the front. */
class MatchList {
  private seqs = new Float64Array(1024);
  private end = 0;
  private start = 0;

  get count(): number {
    return this.end - this.start;
  }

  at(k: number): number {
    return this.seqs[this.start + k] ?? -1;
  }

  add(seq: number): void {
    if (this.end === this.seqs.length) {
      const bigger = new Float64Array(this.seqs.length * 2);
      bigger.set(this.seqs);
      this.seqs = bigger;
    }
    this.seqs[this.end++] = seq;
  }

  /** Forgets matches below `seq` (their lines are gone). */
  forgetBelow(seq: number): void {
    while (this.start < this.end && (this.seqs[this.start] ?? 0) < seq) this.start++;
  }

  /** The first match at or after `seq`, or `count` when there is none. */
  lowerBound(seq: number): number {
    let lo = this.start;
    let hi = this.end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.seqs[mid] ?? 0) < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo - this.start;
  }

  clear(): void {
    this.start = 0;
    this.end = 0;
  }
}

/**
 * One query over the store. The store has two regions (see LogStore): lines appended as they
 * arrive, and older lines a backfill inserts above them; each has its own scan position and its
 * own list of matches, so lines inserted above are searched as they come without starting over.
 */
export class LogSearch {
  /** Matches among the lines inserted above the main region, then among the main region. */
  private readonly aboveMatches = new MatchList();
  private readonly mainMatches = new MatchList();
  /** The next line (sequence number) to look at, in each region. */
  private nextAboveSeq: number;
  private nextSeq: number;
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
    this.nextAboveSeq = store.aboveStartSeq;
    this.nextSeq = store.mainStartSeq;
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
    return this.aboveMatches.count + this.mainMatches.count;
  }

  /** The sequence number of match `k` (0 = oldest). */
  seqAt(k: number): number {
    this.forgetDropped();
    const above = this.aboveMatches.count;
    return k < above ? this.aboveMatches.at(k) : this.mainMatches.at(k - above);
  }

  /** The first match at or after line `seq`, or -1. */
  indexAtOrAfter(seq: number): number {
    this.forgetDropped();
    const above = this.aboveMatches.count;
    const k =
      seq < 0 && this.aboveMatches.lowerBound(seq) < above
        ? this.aboveMatches.lowerBound(seq)
        : above + this.mainMatches.lowerBound(seq);
    return k < above + this.mainMatches.count ? k : -1;
  }

  private forgetDropped(): void {
    const first = this.store.firstSeq;
    this.aboveMatches.forgetBelow(first);
    this.mainMatches.forgetBelow(first);
  }

  private onStoreChange(): void {
    if (this.store.revision !== this.revision) {
      // Lines were inserted in the middle or cleared: numbers shifted, look again from the start.
      this.revision = this.store.revision;
      this.aboveMatches.clear();
      this.mainMatches.clear();
      this.scanned = 0;
      this.nextAboveSeq = this.store.aboveStartSeq;
      this.nextSeq = this.store.mainStartSeq;
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

  /** Tests lines [index, end) until the deadline; returns where it stopped. */
  private scan(index: number, end: number, into: MatchList, deadline: number): number {
    const store = this.store;
    const test = this.test;
    const now = this.options.now ?? (() => performance.now());
    while (index < end) {
      const stop = Math.min(end, index + 2048);
      for (; index < stop; index++) {
        const text = store.textAt(index);
        if (test.test(text.indexOf('\x1b') === -1 ? text : stripAnsi(text))) {
          into.add(store.seqOf(index));
        }
      }
      if (now() >= deadline) break;
    }
    return index;
  }

  private slice(): void {
    if (this.cancelled) return;
    const now = this.options.now ?? (() => performance.now());
    const deadline = now() + (this.options.sliceMs ?? 8);
    const store = this.store;
    // Inserted lines first: a backfill adds them above while the main region grows below.
    const aboveStart = store.aboveStartSeq;
    if (this.nextAboveSeq < aboveStart) this.nextAboveSeq = aboveStart;
    const aboveFrom = this.nextAboveSeq - aboveStart;
    const aboveTo = this.scan(aboveFrom, store.above, this.aboveMatches, deadline);
    this.scanned += aboveTo - aboveFrom;
    this.nextAboveSeq = aboveStart + aboveTo;
    let mainDone = false;
    if (aboveTo >= store.above) {
      if (this.nextSeq < store.mainStartSeq) this.nextSeq = store.mainStartSeq;
      const from = store.indexOfSeq(this.nextSeq);
      const to = this.scan(from, store.length, this.mainMatches, deadline);
      this.scanned += to - from;
      this.nextSeq += to - from;
      mainDone = to >= store.length;
    }
    this.done = mainDone;
    this.options.onUpdate?.();
    if (!this.done) this.queue();
  }
}
