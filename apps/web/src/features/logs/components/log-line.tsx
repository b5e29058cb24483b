import { memo } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { matchRanges } from '../utils/log-search';
import { cssColour, parseSgr } from '../utils/sgr';
import type { Segment, SgrStyle } from '../utils/sgr';
import { STDERR } from '../utils/log-store';
import { formatLocalTimestamp } from '../utils/timestamp';

export const SOURCE_COLOURS = [
  'var(--berth-chart-1)',
  'var(--berth-chart-2)',
  'var(--berth-chart-3)',
  'var(--berth-chart-4)',
  'var(--berth-chart-5)',
  'var(--berth-chart-6)',
];

function styleOf(style: SgrStyle | null, theme: 'light' | 'dark'): CSSProperties | undefined {
  if (!style) return undefined;
  let fg = cssColour(style.fg, theme);
  let bg = cssColour(style.bg, theme);
  if (style.inverse) [fg, bg] = [bg ?? 'var(--berth-panel)', fg ?? 'var(--berth-fg)'];
  return {
    color: fg,
    backgroundColor: bg,
    fontWeight: style.bold ? 600 : undefined,
    opacity: style.dim ? 0.7 : undefined,
    fontStyle: style.italic ? 'italic' : undefined,
    textDecoration:
      [style.underline && 'underline', style.strike && 'line-through'].filter(Boolean).join(' ') ||
      undefined,
  };
}

/** Styled runs with the search matches marked; text only, never markup. */
function renderText(
  segments: Segment[],
  highlight: RegExp | null,
  theme: 'light' | 'dark',
  current: boolean,
): ReactNode[] {
  const visible =
    segments.length === 1 ? (segments[0]?.text ?? '') : segments.map((s) => s.text).join('');
  const ranges = highlight ? matchRanges(visible, highlight) : [];
  const out: ReactNode[] = [];
  let offset = 0;
  let r = 0;
  segments.forEach((segment, si) => {
    const style = styleOf(segment.style, theme);
    const end = offset + segment.text.length;
    let pos = offset;
    while (pos < end) {
      const range = ranges[r];
      if (!range || range[0] >= end) {
        out.push(
          <span key={`${si}-${pos}`} style={style}>
            {segment.text.slice(pos - offset)}
          </span>,
        );
        pos = end;
        break;
      }
      if (range[0] > pos) {
        out.push(
          <span key={`${si}-${pos}`} style={style}>
            {segment.text.slice(pos - offset, range[0] - offset)}
          </span>,
        );
        pos = range[0];
      }
      const stop = Math.min(range[1], end);
      out.push(
        <mark
          key={`${si}-${pos}-m`}
          style={style}
          className={cn(
            'rounded-[2px] text-inherit',
            current
              ? 'bg-amber-400/80 dark:bg-amber-400/60'
              : 'bg-amber-300/45 dark:bg-amber-300/30',
          )}
        >
          {segment.text.slice(pos - offset, stop - offset)}
        </mark>,
      );
      pos = stop;
      if (stop >= range[1]) r++;
    }
    offset = end;
  });
  return out;
}

export interface LogLineProps {
  text: string;
  stream: number;
  time: number;
  /** The container's name and chip colour, in a merged view. */
  source?: { name: string; colour: string };
  showTimestamp: boolean;
  wrap: boolean;
  highlight: RegExp | null;
  /** The current search match. */
  current: boolean;
  theme: 'light' | 'dark';
}

export const LogLine = memo(function LogLine({
  text,
  stream,
  time,
  source,
  showTimestamp,
  wrap,
  highlight,
  current,
  theme,
}: LogLineProps) {
  const stderr = stream === STDERR;
  return (
    <div
      data-stream={stderr ? 'stderr' : 'stdout'}
      data-current={current || undefined}
      className={cn(
        'flex min-h-[18px] gap-3 border-l-2 pr-3 pl-2 font-mono text-[12px] leading-[18px]',
        stderr ? 'border-red-500/70 text-red-700 dark:text-red-300' : 'border-transparent text-fg',
        current && 'bg-amber-400/10',
      )}
    >
      {source && (
        <span
          className="flex w-28 shrink-0 items-center gap-1.5 truncate text-muted"
          title={source.name}
        >
          <span
            aria-hidden
            className="size-2 shrink-0 rounded-full"
            style={{ background: source.colour }}
          />
          <span className="truncate">{source.name}</span>
        </span>
      )}
      {showTimestamp && (
        <span className="shrink-0 text-faint tabular-nums select-none">
          {formatLocalTimestamp(time)}
        </span>
      )}
      <span className={cn('min-w-0', wrap ? 'break-all whitespace-pre-wrap' : 'whitespace-pre')}>
        {text === '' ? ' ' : renderText(parseSgr(text), highlight, theme, current)}
      </span>
    </div>
  );
});
