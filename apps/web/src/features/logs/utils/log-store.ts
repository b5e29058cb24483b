// A million log lines in memory, compactly: the text in one array of strings, and the stream,
// time and source of each line in typed arrays beside it. A ring: past the cap the oldest lines
// go, in O(1). Lines are addressed by index (0 = oldest kept) or by sequence number (counts
// every line ever stored, so a search result still names the same line after older ones go).

export const DEFAULT_CAPACITY = 1_000_000;
const INITIAL_SLOTS = 4096;

export const STDOUT = 1;
export const STDERR = 2;

export interface LogLine {
  text: string;
  /** 1 stdout, 2 stderr (the channel numbers). */
  stream: number;
  /** ms since epoch with sub-ms fraction; NaN when the line carried no timestamp. */
  time: number;
  /** Which container, in a merged view (index into its sources). */
  source: number;
}

export class LogStore {
  private text: string[] = [];
  private stream: Uint8Array;
  private time: Float64Array;
  private source: Uint8Array;
  private slots: number;
  private head = 0;
  length = 0;
  /** Lines dropped from the front so far: the sequence number of line 0. */
  dropped = 0;
  /** Bumped by anything but an append at the end (clear, an insert in the middle). */
  revision = 0;
  /** Bumped by every change. */
  version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(readonly capacity = DEFAULT_CAPACITY) {
    this.slots = Math.min(capacity, INITIAL_SLOTS);
    this.stream = new Uint8Array(this.slots);
    this.time = new Float64Array(this.slots);
    this.source = new Uint8Array(this.slots);
  }

  private slot(index: number): number {
    const s = this.head + index;
    return s >= this.slots ? s - this.slots : s;
  }

  textAt(index: number): string {
    return this.text[this.slot(index)] ?? '';
  }

  streamAt(index: number): number {
    return this.stream[this.slot(index)] ?? STDOUT;
  }

  timeAt(index: number): number {
    return this.time[this.slot(index)] ?? Number.NaN;
  }

  sourceAt(index: number): number {
    return this.source[this.slot(index)] ?? 0;
  }

  at(index: number): LogLine | undefined {
    if (index < 0 || index >= this.length) return undefined;
    const s = this.slot(index);
    return {
      text: this.text[s] ?? '',
      stream: this.stream[s] ?? STDOUT,
      time: this.time[s] ?? Number.NaN,
      source: this.source[s] ?? 0,
    };
  }

  get lastTime(): number {
    for (let i = this.length - 1; i >= 0; i--) {
      const t = this.timeAt(i);
      if (!Number.isNaN(t)) return t;
    }
    return Number.NaN;
  }

  /** Sequence number ↔ index. An index below 0 means the line was dropped. */
  seqOf(index: number): number {
    return this.dropped + index;
  }

  indexOfSeq(seq: number): number {
    return seq - this.dropped;
  }

  private grow(): void {
    const slots = Math.min(this.capacity, this.slots * 2);
    const text: string[] = new Array<string>(slots);
    const stream = new Uint8Array(slots);
    const time = new Float64Array(slots);
    const source = new Uint8Array(slots);
    for (let i = 0; i < this.length; i++) {
      const s = this.slot(i);
      text[i] = this.text[s] ?? '';
      stream[i] = this.stream[s] ?? STDOUT;
      time[i] = this.time[s] ?? Number.NaN;
      source[i] = this.source[s] ?? 0;
    }
    this.text = text;
    this.stream = stream;
    this.time = time;
    this.source = source;
    this.slots = slots;
    this.head = 0;
  }

  /** Appends without notifying (batch with `commit`). */
  push(text: string, stream: number, time: number, source = 0): void {
    if (this.length === this.slots && this.slots < this.capacity) this.grow();
    let s: number;
    if (this.length < this.slots) {
      s = this.slot(this.length);
      this.length++;
    } else {
      // Full: overwrite the oldest.
      s = this.head;
      this.head = this.head + 1 === this.slots ? 0 : this.head + 1;
      this.dropped++;
    }
    this.text[s] = text;
    this.stream[s] = stream;
    this.time[s] = time;
    this.source[s] = source;
  }

  /**
   * Adds lines of several sources keeping the store in time order (merged view). `batch` must be
   * in time order itself. Usually all of it is newer than what is stored and it is appended; when
   * a source lags behind, the stored lines newer than its first line are merged with it again
   * (they are few: a source that lags is seconds behind, not hours).
   */
  mergeSorted(batch: readonly LogLine[]): void {
    if (batch.length === 0) return;
    const first = batch[0]?.time ?? Number.NaN;
    const last = this.lastTime;
    if (Number.isNaN(first) || Number.isNaN(last) || first >= last) {
      for (const line of batch) this.push(line.text, line.stream, line.time, line.source);
      return;
    }
    // The first stored line newer than the batch's first line (binary search: times only grow).
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timeAt(mid) <= first) lo = mid + 1;
      else hi = mid;
    }
    const tail: LogLine[] = [];
    for (let i = lo; i < this.length; i++) {
      const line = this.at(i);
      if (line) tail.push(line);
    }
    this.length = lo;
    let a = 0;
    let b = 0;
    while (a < tail.length || b < batch.length) {
      const x = tail[a];
      const y = batch[b];
      // Ties keep stored lines first: they arrived first.
      const takeStored = x !== undefined && (y === undefined || !(y.time < x.time));
      const line = takeStored ? x : y;
      if (takeStored) a++;
      else b++;
      if (line) this.push(line.text, line.stream, line.time, line.source);
    }
    this.revision++;
  }

  /** Tells listeners about the changes since the last commit. */
  commit(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  clear(): void {
    this.text = [];
    this.head = 0;
    this.length = 0;
    this.dropped = 0;
    this.revision++;
    this.commit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
