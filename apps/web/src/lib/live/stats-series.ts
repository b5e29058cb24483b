// A container's recent stats samples in fixed typed arrays (a ring): charts read windows of it at
// 1 Hz without allocating per sample, and memory stays bounded however long a page is open.
import type { StatsSample } from '@berth/api';

export const STATS_FIELDS = [
  'cpuPercent',
  'memoryUsage',
  'memoryLimit',
  'memoryPercent',
  'netRxBytesPerSec',
  'netTxBytesPerSec',
  'blockReadBytesPerSec',
  'blockWriteBytesPerSec',
  'pids',
] as const;
export type StatsField = (typeof STATS_FIELDS)[number];

/** 15 minutes at the engine's 1 Hz, and some slack for a faster engine. */
export const SERIES_CAPACITY = 1024;

export interface SeriesWindow {
  /** Seconds since epoch (uPlot's time axis). */
  time: Float64Array;
  values: Record<StatsField, Float64Array>;
  length: number;
}

export class StatsSeries {
  readonly time: Float64Array;
  readonly columns: Record<StatsField, Float64Array>;
  /** Index of the oldest sample in the ring. */
  private start = 0;
  length = 0;

  constructor(readonly capacity = SERIES_CAPACITY) {
    this.time = new Float64Array(capacity);
    this.columns = Object.fromEntries(
      STATS_FIELDS.map((field) => [field, new Float64Array(capacity)]),
    ) as Record<StatsField, Float64Array>;
  }

  get lastTime(): number {
    return this.length === 0 ? -Infinity : (this.time[this.slot(this.length - 1)] ?? -Infinity);
  }

  private slot(index: number): number {
    return (this.start + index) % this.capacity;
  }

  /** Appends a sample; one not newer than the last (a repeat from history) is ignored. */
  push(sample: StatsSample): boolean {
    if (!(sample.time > this.lastTime)) return false;
    let index: number;
    if (this.length < this.capacity) {
      index = this.slot(this.length);
      this.length++;
    } else {
      index = this.start;
      this.start = (this.start + 1) % this.capacity;
    }
    this.time[index] = sample.time;
    for (const field of STATS_FIELDS) this.columns[field][index] = sample[field];
    return true;
  }

  /** The gateway's history on (re)subscribe, oldest first: only what is newer than ours. */
  seed(samples: readonly StatsSample[]): number {
    let added = 0;
    for (const sample of samples) if (this.push(sample)) added++;
    return added;
  }

  at(index: number): StatsSample | undefined {
    if (index < 0 || index >= this.length) return undefined;
    const slot = this.slot(index);
    const sample = { time: this.time[slot] ?? 0 } as StatsSample;
    for (const field of STATS_FIELDS) sample[field] = this.columns[field][slot] ?? 0;
    return sample;
  }

  latest(): StatsSample | undefined {
    return this.at(this.length - 1);
  }

  /** Index of the first sample at or after `timeMs` (binary search: times only grow). */
  indexFrom(timeMs: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.time[this.slot(mid)] ?? 0) < timeMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Copies the samples since `sinceMs` into fresh contiguous arrays (times in seconds). */
  window(sinceMs: number, fields: readonly StatsField[] = STATS_FIELDS): SeriesWindow {
    const from = this.indexFrom(sinceMs);
    const length = this.length - from;
    const time = new Float64Array(length);
    const values = {} as Record<StatsField, Float64Array>;
    for (const field of fields) values[field] = new Float64Array(length);
    for (let i = 0; i < length; i++) {
      const slot = this.slot(from + i);
      time[i] = (this.time[slot] ?? 0) / 1000;
      for (const field of fields) values[field][i] = this.columns[field][slot] ?? 0;
    }
    return { time, values, length };
  }

  /** The last `count` values of one field, oldest first (sparklines). */
  tail(field: StatsField, count: number): Float64Array {
    const n = Math.min(count, this.length);
    const out = new Float64Array(n);
    const column = this.columns[field];
    for (let i = 0; i < n; i++) out[i] = column[this.slot(this.length - n + i)] ?? 0;
    return out;
  }
}
