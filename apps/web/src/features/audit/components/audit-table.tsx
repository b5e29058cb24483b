import type { AuditEntry } from '@berth/api';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { Spinner } from '@/components/ui/spinner';
import { cn } from '@/lib/cn';

export const AUDIT_ROW_HEIGHT = 40;

const GRID =
  'grid grid-cols-[150px_minmax(120px,0.8fr)_minmax(140px,1fr)_minmax(140px,1.2fr)_84px_92px_108px_minmax(150px,1.5fr)]';

const COLUMNS = ['Time', 'User', 'Action', 'Target', 'Endpoint', 'Result', 'IP address', 'Detail'];

const RESULT_STYLES: Record<AuditEntry['result'], string> = {
  ok: 'text-emerald-700 bg-emerald-500/10 dark:text-emerald-400',
  denied: 'text-amber-700 bg-amber-500/12 dark:text-amber-400',
  error: 'text-red-700 bg-red-500/10 dark:text-red-400',
};

// Short enough for its column; the full date and time are in the title.
const TIME_FORMAT = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** When the user scrolls this close to the end of what is loaded, the next page is fetched. */
const PREFETCH_ROWS = 100;

export function AuditTable({
  entries,
  total,
  hasMore,
  loadingMore,
  onLoadMore,
  viewKey,
}: {
  entries: AuditEntry[];
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** Changes when the filters do: the list then starts again from the top. */
  viewKey: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [viewKey]);

  // TanStack Virtual hands back fresh functions each render; the compiler must not memoise them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => AUDIT_ROW_HEIGHT,
    overscan: 16,
    getItemKey: (index) => entries[index]?.id ?? index,
  });

  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= entries.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, entries.length, onLoadMore]);

  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto" data-testid="audit-scroll">
      <div role="table" aria-label="Audit log" aria-rowcount={total + 1} className="min-w-[1000px]">
        <div role="rowgroup" className="sticky top-0 z-10">
          <div
            role="row"
            aria-rowindex={1}
            className={cn(
              GRID,
              'h-9 items-center border-b border-line bg-subtle/95 text-[12px] font-medium text-muted backdrop-blur',
            )}
          >
            {COLUMNS.map((column) => (
              <div role="columnheader" key={column} className="px-3">
                {column}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const entry = entries[item.index];
            if (!entry) return null;
            return <AuditRow key={item.key} entry={entry} index={item.index} start={item.start} />;
          })}
        </div>
      </div>
      {loadingMore && (
        <div role="status" className="flex items-center gap-2 px-4 py-3 text-[12.5px] text-muted">
          <Spinner /> Loading more entries…
        </div>
      )}
    </div>
  );
}

function Cell({
  children,
  className,
  title,
}: {
  children?: ReactNode;
  className?: string;
  title?: string;
}) {
  return (
    <div role="cell" title={title} className={cn('flex min-w-0 items-center px-3', className)}>
      {children}
    </div>
  );
}

function Dash() {
  return <span className="text-faint">—</span>;
}

const AuditRow = memo(function AuditRow({
  entry,
  index,
  start,
}: {
  entry: AuditEntry;
  index: number;
  start: number;
}) {
  const time = new Date(entry.time);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-result={entry.result}
      className={cn(
        GRID,
        'absolute inset-x-0 top-0 border-b border-line/70 text-[12.5px] hover:bg-subtle',
      )}
      style={{ height: AUDIT_ROW_HEIGHT, transform: `translateY(${start}px)` }}
    >
      <Cell>
        <time
          dateTime={time.toISOString()}
          title={time.toLocaleString()}
          className="truncate font-mono text-[12px] text-muted tabular-nums"
        >
          {TIME_FORMAT.format(time)}
        </time>
      </Cell>
      <Cell
        className="flex-col items-start justify-center gap-0 leading-tight"
        title={entry.role ? `${entry.username} (${entry.role})` : undefined}
      >
        {entry.username ? (
          <>
            <span className="max-w-full truncate font-medium text-fg">{entry.username}</span>
            {entry.role && <span className="text-[11px] text-faint">{entry.role}</span>}
          </>
        ) : (
          <span className="text-faint">anonymous</span>
        )}
      </Cell>
      <Cell title={entry.action}>
        <span className="truncate font-mono text-[12px] text-fg">{entry.action}</span>
      </Cell>
      <Cell title={entry.target ?? undefined}>
        {entry.target ? (
          <span className="truncate font-mono text-[12px] text-muted">{entry.target}</span>
        ) : (
          <Dash />
        )}
      </Cell>
      <Cell>
        {entry.endpoint ? <span className="truncate text-muted">{entry.endpoint}</span> : <Dash />}
      </Cell>
      <Cell>
        <span
          title={`HTTP ${entry.status}`}
          className={cn(
            'inline-flex h-5 items-center gap-1 rounded-full px-2 text-[11.5px] font-medium',
            RESULT_STYLES[entry.result],
          )}
        >
          {entry.result}
          <span className="font-mono">{entry.status}</span>
        </span>
      </Cell>
      <Cell>
        {entry.ip ? (
          <span className="truncate font-mono text-[12px] text-muted">{entry.ip}</span>
        ) : (
          <Dash />
        )}
      </Cell>
      <Cell title={entry.detail ?? undefined}>
        {entry.detail ? <span className="truncate text-muted">{entry.detail}</span> : <Dash />}
      </Cell>
    </div>
  );
});
