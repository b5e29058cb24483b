import { formatAgo, formatBytes, shortId } from '@berth/api';
import { Link } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import { memo, useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { Checkbox } from '@/components/ui/checkbox';
import { cn } from '@/lib/cn';
import type { ImageRow, ImageSort, ImageSortKey } from '../api/image-rows';

const ROW_HEIGHT = 44;
const GRID = 'grid grid-cols-[44px_minmax(240px,2fr)_130px_100px_100px_100px_130px] items-center';

const COLUMNS: Array<{ key: ImageSortKey | null; label: string; right?: boolean }> = [
  { key: 'name', label: 'Repository:tag' },
  { key: null, label: 'ID' },
  { key: 'size', label: 'Size', right: true },
  { key: null, label: 'Shared', right: true },
  { key: 'containers', label: 'Containers', right: true },
  { key: 'created', label: 'Created' },
];

export function ImagesTable({
  endpointId,
  rows,
  sort,
  onSort,
  selected,
  onToggle,
  onToggleAll,
  now,
}: {
  endpointId: string;
  rows: ImageRow[];
  sort: ImageSort;
  onSort: (key: ImageSortKey) => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  now: number;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [sort]);
  const selectedVisible = rows.reduce((n, row) => n + (selected.has(row.id) ? 1 : 0), 0);
  const allSelected = rows.length > 0 && selectedVisible === rows.length;

  return (
    <div ref={scrollRef} className="h-full min-h-0 overflow-auto">
      <div
        role="table"
        aria-label="Images"
        aria-rowcount={rows.length + 1}
        className="min-w-[900px]"
      >
        <div role="rowgroup" className="sticky top-0 z-10">
          <div
            role="row"
            aria-rowindex={1}
            className={cn(
              GRID,
              'h-9 border-b border-line bg-subtle/95 text-[12px] font-medium text-muted backdrop-blur',
            )}
          >
            <div role="columnheader" className="flex justify-center">
              <Checkbox
                aria-label="Select all images"
                checked={allSelected}
                indeterminate={selectedVisible > 0 && !allSelected}
                onChange={onToggleAll}
              />
            </div>
            {COLUMNS.map((column) => {
              const active = column.key !== null && sort.key === column.key;
              return (
                <div
                  role="columnheader"
                  key={column.label}
                  aria-sort={
                    active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined
                  }
                  className={cn('px-3', column.right && 'text-right')}
                >
                  {column.key ? (
                    <button
                      type="button"
                      onClick={() => column.key && onSort(column.key)}
                      className={cn(
                        '-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-fg',
                        active && 'text-fg',
                      )}
                    >
                      {column.label}
                      {active ? (
                        sort.direction === 'asc' ? (
                          <ArrowUp className="size-3" aria-hidden />
                        ) : (
                          <ArrowDown className="size-3" aria-hidden />
                        )
                      ) : (
                        <ChevronsUpDown className="size-3 opacity-40" aria-hidden />
                      )}
                    </button>
                  ) : (
                    column.label
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <ImageTableRow
                key={item.key}
                row={row}
                index={item.index}
                start={item.start}
                endpointId={endpointId}
                selected={selected.has(row.id)}
                onToggle={onToggle}
                now={now}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

function Cell({ children, className }: { children?: ReactNode; className?: string }) {
  return (
    <div role="cell" className={cn('min-w-0 px-3', className)}>
      {children}
    </div>
  );
}

const ImageTableRow = memo(function ImageTableRow({
  row,
  index,
  start,
  endpointId,
  selected,
  onToggle,
  now,
}: {
  row: ImageRow;
  index: number;
  start: number;
  endpointId: string;
  selected: boolean;
  onToggle: (id: string) => void;
  now: number;
}) {
  const created = new Date(row.created * 1000);
  const more = row.tags.length - 1;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={cn(
        GRID,
        'absolute inset-x-0 border-b border-line/70 text-[13px] hover:bg-subtle',
        selected && 'bg-accent-soft/50',
      )}
      style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
    >
      <Cell className="flex justify-center">
        <Checkbox
          aria-label={`Select ${row.label}`}
          checked={selected}
          onChange={() => onToggle(row.id)}
        />
      </Cell>
      <Cell className="flex items-center gap-2">
        <Link
          to="/endpoints/$endpointId/images/$imageId"
          params={{ endpointId, imageId: row.id }}
          className={cn(
            'truncate font-mono text-[12.5px] hover:underline',
            row.dangling ? 'text-faint' : 'text-fg',
          )}
          title={row.tags.join('\n') || row.id}
        >
          {row.label}
        </Link>
        {more > 0 && (
          <span
            className="shrink-0 rounded bg-subtle px-1.5 text-[11px] text-muted"
            title={row.tags.slice(1).join('\n')}
          >
            +{more} {more === 1 ? 'tag' : 'tags'}
          </span>
        )}
        {row.dangling && (
          <span className="shrink-0 rounded bg-amber-500/15 px-1.5 text-[11px] text-amber-800 dark:text-amber-300">
            dangling
          </span>
        )}
      </Cell>
      <Cell className="font-mono text-[12px] text-muted">
        <span title={row.id}>{shortId(row.id)}</span>
      </Cell>
      <Cell className="text-right text-muted tabular-nums">{formatBytes(row.size)}</Cell>
      <Cell className="text-right text-muted tabular-nums">
        {row.sharedSize ? formatBytes(row.sharedSize) : '—'}
      </Cell>
      <Cell className="text-right text-muted tabular-nums">{row.containers ?? '—'}</Cell>
      <Cell className="text-muted">
        <time dateTime={created.toISOString()} title={created.toLocaleString()}>
          {formatAgo(created.getTime(), now)}
        </time>
      </Cell>
    </div>
  );
});
