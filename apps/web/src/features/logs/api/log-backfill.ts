// "All lines" of a big log, newest first: the session follows with a bounded tail (shown at
// once), and this reads the older lines in the background with a second, non-following request
// bounded by the first shown line's time, handing them over to be inserted above. The seam is
// exact to the line: the engine's `until` includes lines at exactly that time, some of which the
// tail already showed (the tail may start inside a run of lines sharing one timestamp), so the
// lines at the seam's time are held and the last `shownAtSeam` of them (the ones shown) dropped.
import type { LogLine } from '../utils/log-store';
import { compareExact } from '../utils/timestamp';
import type { ExactTime } from '../utils/timestamp';

export type BackfillState =
  | { state: 'idle' }
  | {
      state: 'loading' | 'done' | 'stopped' | 'error';
      /** Older lines inserted so far. */
      loaded: number;
      /** About how many there are in all (from how far through the time span it is), or null. */
      estimate: number | null;
      message?: string;
    };

/** The first line the live tail showed: where older lines stop. */
export interface Seam {
  time: ExactTime;
  /** ms, for the progress estimate. */
  timeMs: number;
  /** How many of the tail's first lines carry exactly `time` (counted as they arrive). */
  shownAtSeam: number;
}

export type SeamVerdict = 'keep' | 'held' | 'past';

/**
 * Sorts backfill lines against the seam, in the order the engine sends them (oldest first).
 * `keep` lines go above the tail now; lines at the seam's time wait for `finish`; a line past
 * the seam means every older line has come (the rest is shown already).
 */
export class SeamFilter {
  private held: LogLine[] = [];

  constructor(private readonly seam: Seam) {}

  /** `time` null: a line without a timestamp (kept where it comes). */
  accept(line: LogLine, time: ExactTime | null, keep: (line: LogLine) => void): SeamVerdict {
    const order = time ? compareExact(time, this.seam.time) : -1;
    if (order > 0) return 'past';
    if (order === 0) {
      this.held.push(line);
      return 'held';
    }
    // An older line after some at the seam's time (stdout and stderr stamped a hair apart): those
    // were not the tail's, keep them in the order they came.
    if (this.held.length) this.release(this.held.length, keep);
    keep(line);
    return 'keep';
  }

  /** All older lines are in: those at the seam's time, less the ones the tail showed. */
  finish(keep: (line: LogLine) => void): void {
    this.release(Math.max(0, this.held.length - this.seam.shownAtSeam), keep);
    this.held = [];
  }

  private release(count: number, keep: (line: LogLine) => void): void {
    for (let i = 0; i < count; i++) {
      const line = this.held[i];
      if (line) keep(line);
    }
    this.held = this.held.slice(count);
  }
}

/** About how many older lines there are, from how far `current` is from `first` to the seam. */
export function estimateTotal(
  loaded: number,
  firstMs: number,
  currentMs: number,
  seamMs: number,
): number | null {
  const span = seamMs - firstMs;
  if (!(span > 0) || !Number.isFinite(currentMs)) return null;
  const through = (currentMs - firstMs) / span;
  // Too early to say anything useful (and never less than what is in).
  if (through < 0.02) return null;
  return Math.max(loaded, Math.round(loaded / Math.min(1, through)));
}
