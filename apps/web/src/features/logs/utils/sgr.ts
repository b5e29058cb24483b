// ANSI colours in log lines, parsed into styled text runs. Rendering makes React text nodes from
// these (never HTML), so a line can colour itself but never inject markup.

export interface SgrStyle {
  /** Palette index 0–255, or an `rgb(…)` string for true colour. */
  fg?: number | string;
  bg?: number | string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  strike?: boolean;
}

export interface Segment {
  text: string;
  style: SgrStyle | null;
}

// CSI (ESC [ params final) and OSC (ESC ] … BEL/ST) sequences, and lone escapes.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-9;:?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]?/g;

/** The text as a terminal would show it, without escape sequences (search, counting). */
export function stripAnsi(text: string): string {
  return text.indexOf('\x1b') === -1 ? text : text.replace(ESCAPES, '');
}

function colour(params: number[], i: number): { value?: number | string; used: number } {
  const mode = params[i + 1];
  if (mode === 5) {
    const n = params[i + 2];
    return { value: n !== undefined && n >= 0 && n <= 255 ? n : undefined, used: 2 };
  }
  if (mode === 2) {
    const [r, g, b] = [params[i + 2], params[i + 3], params[i + 4]].map((v) =>
      Math.max(0, Math.min(255, v ?? 0)),
    );
    return { value: `rgb(${r}, ${g}, ${b})`, used: 4 };
  }
  return { used: 0 };
}

function apply(style: SgrStyle, params: number[]): SgrStyle {
  let next: SgrStyle = { ...style };
  if (params.length === 0) return {};
  for (let i = 0; i < params.length; i++) {
    const p = params[i] ?? 0;
    if (p === 0) {
      next = {};
    } else if (p === 1) next.bold = true;
    else if (p === 2) next.dim = true;
    else if (p === 3) next.italic = true;
    else if (p === 4) next.underline = true;
    else if (p === 7) next.inverse = true;
    else if (p === 9) next.strike = true;
    else if (p === 22) {
      delete next.bold;
      delete next.dim;
    } else if (p === 23) delete next.italic;
    else if (p === 24) delete next.underline;
    else if (p === 27) delete next.inverse;
    else if (p === 29) delete next.strike;
    else if (p >= 30 && p <= 37) next.fg = p - 30;
    else if (p >= 90 && p <= 97) next.fg = p - 90 + 8;
    else if (p === 39) delete next.fg;
    else if (p >= 40 && p <= 47) next.bg = p - 40;
    else if (p >= 100 && p <= 107) next.bg = p - 100 + 8;
    else if (p === 49) delete next.bg;
    else if (p === 38 || p === 48) {
      const { value, used } = colour(params, i);
      if (value !== undefined) next[p === 38 ? 'fg' : 'bg'] = value;
      i += used;
    }
  }
  return next;
}

const isEmpty = (style: SgrStyle) => Object.keys(style).length === 0;

/** Splits a line into runs of text with the style SGR codes (`ESC[…m`) gave them. */
export function parseSgr(line: string): Segment[] {
  if (line.indexOf('\x1b') === -1) return [{ text: line, style: null }];
  const segments: Segment[] = [];
  let style: SgrStyle = {};
  let last = 0;
  ESCAPES.lastIndex = 0;
  for (let match = ESCAPES.exec(line); match; match = ESCAPES.exec(line)) {
    if (match.index > last) {
      segments.push({ text: line.slice(last, match.index), style: isEmpty(style) ? null : style });
    }
    last = match.index + match[0].length;
    const sequence = match[0];
    if (sequence.startsWith('\x1b[') && sequence.endsWith('m') && !sequence.includes('?')) {
      const body = sequence.slice(2, -1);
      const params = body === '' ? [] : body.split(/[;:]/).map((p) => (p === '' ? 0 : Number(p)));
      style = apply(style, params);
    }
  }
  if (last < line.length)
    segments.push({ text: line.slice(last), style: isEmpty(style) ? null : style });
  return segments;
}

// xterm's default palette, tuned per theme for contrast on the log panel's background.
const BASE_DARK = [
  '#3f3f46',
  '#f87171',
  '#4ade80',
  '#facc15',
  '#60a5fa',
  '#e879f9',
  '#22d3ee',
  '#d4d4d8',
  '#71717a',
  '#fca5a5',
  '#86efac',
  '#fde047',
  '#93c5fd',
  '#f0abfc',
  '#67e8f9',
  '#fafafa',
];
const BASE_LIGHT = [
  '#18181b',
  '#b91c1c',
  '#15803d',
  '#a16207',
  '#1d4ed8',
  '#a21caf',
  '#0e7490',
  '#52525b',
  '#71717a',
  '#dc2626',
  '#16a34a',
  '#ca8a04',
  '#2563eb',
  '#c026d3',
  '#0891b2',
  '#27272a',
];

/** A palette index as CSS: the 16 base colours per theme, then the 6×6×6 cube and greys. */
export function paletteColour(index: number, theme: 'light' | 'dark'): string {
  if (index < 16) return (theme === 'dark' ? BASE_DARK : BASE_LIGHT)[index] ?? 'inherit';
  if (index < 232) {
    const n = index - 16;
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    return `rgb(${level(Math.floor(n / 36))}, ${level(Math.floor(n / 6) % 6)}, ${level(n % 6)})`;
  }
  const grey = 8 + (index - 232) * 10;
  return `rgb(${grey}, ${grey}, ${grey})`;
}

export function cssColour(value: number | string | undefined, theme: 'light' | 'dark') {
  if (value === undefined) return undefined;
  return typeof value === 'number' ? paletteColour(value, theme) : value;
}
