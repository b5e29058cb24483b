// A million log lines in memory, compactly: the text in one array of strings, and the stream,
// time and source of each line in typed arrays beside it. A ring: past the cap the oldest lines
// go, in O(1). Lines are addressed by index (0 = oldest kept) or by sequence number (names the
// same line while it is kept, so a search result still points at it after older lines go or
// older lines are inserted above it).
//
// Two regions: the main one (lines as they arrive, appended) and, above it, the older lines a
// backfill inserts later (`insertAbove`: a batch goes between the older lines already inserted
// and the main region, so a backfill that reads oldest first keeps the store in order). Main
// lines are numbered 0, 1, 2… and inserted ones from ABOVE_BASE up, so both keep their numbers
// when the other region grows and every number is still below the next line's.

export const DEFAULT_CAPACITY = 1_000_000;
const INITIAL_SLOTS = 4096;
/** The sequence number of the first line ever inserted above (far below any main line's). */
export const ABOVE_BASE = -(2 ** 40);

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
  /** Lines of the inserted region (indices 0 … above-1). */
  above = 0;
  /** Inserted lines gone past the cap (or never kept: older than a full store). */
  private aboveDropped = 0;
  /** Main lines gone past the cap: the sequence number of the first main line kept. */
  private mainDropped = 0;
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

  /** Lines gone past the cap, of both regions. */
  get dropped(): number {
    return this.aboveDropped + this.mainDropped;
  }

  /** The sequence number of the first inserted line kept (of the next one when there is none). */
  get aboveStartSeq(): number {
    return ABOVE_BASE + this.aboveDropped;
  }

  /** The sequence number of the first main line kept. */
  get mainStartSeq(): number {
    return this.mainDropped;
  }

  /** The sequence number of line 0: anything below it is gone. */
  get firstSeq(): number {
    return this.above > 0 ? this.aboveStartSeq : this.mainDropped;
  }

  /** Sequence number ↔ index. An index below 0 means the line was dropped. */
  seqOf(index: number): number {
    return index < this.above
      ? ABOVE_BASE + this.aboveDropped + index
      : this.mainDropped + index - this.above;
  }

  indexOfSeq(seq: number): number {
    if (seq < 0) {
      const index = seq - ABOVE_BASE - this.aboveDropped;
      return index < this.above ? index : -1;
    }
    return seq < this.mainDropped ? -1 : this.above + seq - this.mainDropped;
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
      this.dropFront();
    }
    this.text[s] = text;
    this.stream[s] = stream;
    this.time[s] = time;
    this.source[s] = source;
  }

  /** Forgets line 0 (its slot is reused or freed by the caller). */
  private dropFront(): void {
    this.head = this.head + 1 === this.slots ? 0 : this.head + 1;
    if (this.above > 0) {
      this.above--;
      this.aboveDropped++;
    } else {
      this.mainDropped++;
    }
  }

  /**
   * Inserts older lines (in time order, all older than the main region and newer than what was
   * inserted before) between the inserted region and the main one. Costs a move of the main
   * region (a backfill's tail: thousands of lines), never of the million above. Past the cap the
   * oldest go, as with `push`: inserted lines first, then the batch's own oldest. Main lines keep
   * their sequence numbers and indices shift by the batch; the caller commits.
   */
  insertAbove(batch: readonly LogLine[]): void {
    let from = 0;
    let over = this.length + batch.length - this.capacity;
    if (over > 0) {
      const gone = Math.min(over, this.above);
      for (let i = 0; i < gone; i++) {
        this.text[this.head] = '';
        this.length--;
        this.dropFront();
      }
      over -= gone;
      // Older than every kept line and no room: never stored (counted as dropped).
      from = Math.min(over, batch.length);
      this.aboveDropped += from;
    }
    const count = batch.length - from;
    if (count === 0) return;
    while (this.slots < this.length + count) this.grow();
    // Move the main region down by `count` slots, last line first.
    for (let i = this.length - 1; i >= this.above; i--) {
      const a = this.slot(i);
      const b = this.slot(i + count);
      this.text[b] = this.text[a] ?? '';
      this.stream[b] = this.stream[a] ?? STDOUT;
      this.time[b] = this.time[a] ?? Number.NaN;
      this.source[b] = this.source[a] ?? 0;
    }
    for (let k = 0; k < count; k++) {
      const line = batch[from + k];
      if (!line) continue;
      const s = this.slot(this.above + k);
      this.text[s] = line.text;
      this.stream[s] = line.stream;
      this.time[s] = line.time;
      this.source[s] = line.source;
    }
    this.above += count;
    this.length += count;
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
    this.above = 0;
    this.aboveDropped = 0;
    this.mainDropped = 0;
    this.revision++;
    this.commit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
