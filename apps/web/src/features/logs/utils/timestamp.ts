// The engine puts an RFC 3339 timestamp (nanoseconds, trailing zeros trimmed) and a space at the
// start of every line when asked (`timestamps=1`). Parsed by hand: a million lines must not cost a
// million `Date.parse` calls, and lines within one second share the date arithmetic.

const DIGIT_0 = 48;

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

let cachedSecond = '';
let cachedSecondMs = 0;

export interface ParsedTimestamp {
  /** ms since epoch, with the sub-millisecond part as a fraction. */
  time: number;
  /** Where the line's text starts (after the space). */
  textStart: number;
}

/** A leading `2024-05-01T12:34:56.123456789Z ` (or `±hh:mm`), or null when the line has none. */
export function parseTimestampPrefix(line: string): ParsedTimestamp | null {
  if (line.length < 21 || line.charCodeAt(4) !== 45 || line.charCodeAt(10) !== 84) return null;
  const second = line.slice(0, 19);
  let base: number;
  if (second === cachedSecond) {
    base = cachedSecondMs;
  } else {
    const year = digits(line, 0, 4);
    const month = digits(line, 5, 2);
    const day = digits(line, 8, 2);
    const hour = digits(line, 11, 2);
    const minute = digits(line, 14, 2);
    const sec = digits(line, 17, 2);
    if (year < 0 || month < 1 || day < 1 || hour < 0 || minute < 0 || sec < 0) return null;
    base = Date.UTC(year, month - 1, day, hour, minute, sec);
    cachedSecond = second;
    cachedSecondMs = base;
  }
  let i = 19;
  let fraction = 0;
  if (line.charCodeAt(i) === 46) {
    i++;
    let scale = 100;
    while (i < line.length) {
      const d = line.charCodeAt(i) - DIGIT_0;
      if (d < 0 || d > 9) break;
      fraction += d * scale;
      scale /= 10;
      i++;
    }
  }
  let offsetMs = 0;
  const zone = line.charCodeAt(i);
  if (zone === 90) {
    i++;
  } else if (zone === 43 || zone === 45) {
    const hours = digits(line, i + 1, 2);
    const minutes = digits(line, i + 4, 2);
    if (hours < 0 || minutes < 0 || line.charCodeAt(i + 3) !== 58) return null;
    offsetMs = (hours * 60 + minutes) * 60_000 * (zone === 43 ? 1 : -1);
    i += 6;
  } else {
    return null;
  }
  if (i < line.length && line.charCodeAt(i) !== 32) return null;
  return { time: base + fraction - offsetMs, textStart: Math.min(line.length, i + 1) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local wall time for the viewer's timestamp column: `2024-05-01 14:34:56.123`. */
export function formatLocalTimestamp(time: number): string {
  if (!Number.isFinite(time)) return '';
  const d = new Date(Math.floor(time));
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
  );
}

/** RFC 3339 in UTC with microseconds, as a downloaded log carries it. */
export function formatRfc3339(time: number): string {
  if (!Number.isFinite(time)) return '';
  const ms = Math.floor(time);
  const micros = Math.round((time - ms) * 1000);
  const iso = new Date(ms).toISOString(); // …T12:34:56.123Z
  return `${iso.slice(0, 23)}${pad(Math.min(micros, 999), 3)}Z`;
}

/** A log timestamp to the nanosecond (a double of ms cannot tell neighbouring nanoseconds apart). */
export interface ExactTime {
  /** Unix seconds. */
  seconds: number;
  /** 0 … 999,999,999. */
  nanos: number;
}

/** The leading timestamp of a line to the nanosecond, or null when it has none. */
export function parseExactTimestamp(line: string): ExactTime | null {
  const parsed = parseTimestampPrefix(line);
  if (!parsed) return null;
  let nanos = 0;
  let i = 19;
  if (line.charCodeAt(i) === 46) {
    let scale = 100_000_000;
    for (i++; i < line.length; i++) {
      const d = line.charCodeAt(i) - DIGIT_0;
      if (d < 0 || d > 9) break;
      nanos += d * scale;
      scale /= 10;
    }
    nanos = Math.floor(nanos);
  }
  // The whole milliseconds with the zone applied are exact in a double; only the fraction is not.
  const wholeMs = Math.round(parsed.time - (nanos % 1_000_000) / 1_000_000);
  return { seconds: Math.floor(wholeMs / 1000), nanos };
}

export function compareExact(a: ExactTime, b: ExactTime): number {
  return a.seconds - b.seconds || a.nanos - b.nanos;
}

/** The engine's `until`/`since` form: unix seconds with all nine fraction digits. */
export function exactToParam(time: ExactTime): string {
  return `${time.seconds}.${String(time.nanos).padStart(9, '0')}`;
}
