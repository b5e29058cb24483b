import { formatAgo } from '@berth/api';
import type { ContainerRow, PublishedPort } from '@berth/api';
import { Link } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import { memo, useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { LiveStatCell } from '@/components/stats/live-stat-cell';
import { Checkbox } from '@/components/ui/checkbox';
import { cn } from '@/lib/cn';
import type { Sort, SortKey } from './filter-sort';
import { HealthBadge, StateBadge } from './state-badge';

export const ROW_HEIGHT = 44;

type LiveKey = 'cpu' | 'memory';
const isLive = (key: SortKey | LiveKey): key is LiveKey => key === 'cpu' || key === 'memory';

// Tailwind reads class names from the source: both grids are spelled out in full.
const GRID_SELECTABLE =
  'grid grid-cols-[44px_minmax(160px,1.5fr)_minmax(110px,1.1fr)_160px_minmax(100px,1fr)_128px_140px_minmax(90px,0.7fr)_minmax(110px,0.8fr)_100px]';
const GRID_READ_ONLY =
  'grid grid-cols-[minmax(160px,1.5fr)_minmax(110px,1.1fr)_160px_minmax(100px,1fr)_128px_140px_minmax(90px,0.7fr)_minmax(110px,0.8fr)_100px]';

const COLUMNS: Array<{ key: SortKey | LiveKey; label: string }> = [
  { key: 'name', label: 'Name' },
  { key: 'image', label: 'Image' },
  { key: 'state', label: 'State' },
  { key: 'status', label: 'Status' },
  // Live numbers: not sortable here (the Stats page sorts by them).
  { key: 'cpu', label: 'CPU' },
  { key: 'memory', label: 'Memory' },
  { key: 'ports', label: 'Ports' },
  { key: 'ips', label: 'IP addresses' },
  { key: 'created', label: 'Created' },
];

export interface ContainersTableProps {
  endpointId: string;
  rows: ContainerRow[];
  sort: Sort;
  onSort: (key: SortKey) => void;
  /** False when the user's role can run no action: no checkboxes then. */
  selectable?: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  /** Host for published-port links: the machine the browser reached Berth on. */
  hostname: string;
  now: number;
  /** Changes when the filter or sort does: the list then starts again from the top. */
  viewKey?: string;
}

export function ContainersTable({
  endpointId,
  rows,
  sort,
  onSort,
  selectable = true,
  selected,
  onToggle,
  onToggleAll,
  hostname,
  now,
  viewKey,
}: ContainersTableProps) {
  const grid = selectable ? GRID_SELECTABLE : GRID_READ_ONLY;
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [viewKey]);

  // TanStack Virtual hands back fresh functions each render; the compiler must not memoise them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]?.id ?? index,
  });

  const selectedVisible = rows.reduce((n, row) => n + (selected.has(row.id) ? 1 : 0), 0);
  const allSelected = rows.length > 0 && selectedVisible === rows.length;

  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto" data-testid="containers-scroll">
      <div
        role="table"
        aria-label="Containers"
        aria-rowcount={rows.length + 1}
        className="min-w-[1160px]"
      >
        <div role="rowgroup" className="sticky top-0 z-10">
          <div
            role="row"
            aria-rowindex={1}
            className={cn(
              grid,
              'h-9 items-center border-b border-line bg-subtle/95 text-[12px] font-medium text-muted backdrop-blur',
            )}
          >
            {selectable && (
              <div role="columnheader" className="flex items-center justify-center">
                <Checkbox
                  aria-label="Select all containers"
                  checked={allSelected}
                  indeterminate={selectedVisible > 0 && !allSelected}
                  disabled={rows.length === 0}
                  onChange={onToggleAll}
                />
              </div>
            )}
            {COLUMNS.map((column) => {
              const key = column.key;
              if (isLive(key))
                return (
                  <div role="columnheader" key={key} className="px-3">
                    {column.label}
                  </div>
                );
              const active = sort.key === key;
              const ariaSort = active
                ? sort.direction === 'asc'
                  ? 'ascending'
                  : 'descending'
                : 'none';
              return (
                <div role="columnheader" aria-sort={ariaSort} key={column.key} className="px-3">
                  <button
                    type="button"
                    onClick={() => onSort(key)}
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
              <ContainerTableRow
                key={item.key}
                row={row}
                index={item.index}
                start={item.start}
                endpointId={endpointId}
                grid={grid}
                selectable={selectable}
                selected={selected.has(row.id)}
                onToggle={onToggle}
                hostname={hostname}
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
    <div role="cell" className={cn('flex min-w-0 items-center px-3', className)}>
      {children}
    </div>
  );
}

const ContainerTableRow = memo(function ContainerTableRow({
  row,
  index,
  start,
  endpointId,
  grid,
  selectable,
  selected,
  onToggle,
  hostname,
  now,
}: {
  row: ContainerRow;
  index: number;
  start: number;
  endpointId: string;
  grid: string;
  selectable: boolean;
  selected: boolean;
  onToggle: (id: string) => void;
  hostname: string;
  now: number;
}) {
  const created = new Date(row.created);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selectable ? selected : undefined}
      data-state={row.state}
      className={cn(
        grid,
        'absolute inset-x-0 top-0 border-b border-line/70 text-[13px] transition-colors',
        selected ? 'bg-accent-soft' : 'hover:bg-subtle',
      )}
      style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
    >
      {selectable && (
        <Cell className="justify-center px-0">
          <Checkbox
            aria-label={`Select ${row.name}`}
            checked={selected}
            onChange={() => onToggle(row.id)}
          />
        </Cell>
      )}
      <Cell className="flex-col items-start justify-center gap-0 leading-tight">
        <Link
          to="/endpoints/$endpointId/containers/$containerId"
          params={{ endpointId, containerId: row.id }}
          className="max-w-full truncate font-medium text-fg hover:text-accent-text hover:underline"
          title={row.name}
        >
          {row.name}
        </Link>
        <span className="font-mono text-[11px] text-faint">{row.shortId}</span>
      </Cell>
      <Cell>
        <span className="truncate font-mono text-[12px] text-muted" title={row.image}>
          {row.image}
        </span>
      </Cell>
      {/* State and health share a fixed column: health is a compact mark, and nothing spills. */}
      <Cell className="gap-1 overflow-hidden">
        <StateBadge state={row.state} className="min-w-0" />
        <HealthBadge health={row.health} compact />
      </Cell>
      <Cell>
        <span className="truncate text-muted" title={row.status}>
          {row.status}
        </span>
      </Cell>
      <Cell>
        <LiveStatCell
          endpointId={endpointId}
          containerId={row.state === 'running' ? row.id : null}
          metric="cpu"
        />
      </Cell>
      <Cell>
        <LiveStatCell
          endpointId={endpointId}
          containerId={row.state === 'running' ? row.id : null}
          metric="memory"
        />
      </Cell>
      <Cell className="gap-1.5 overflow-hidden">
        <Ports ports={row.ports} hostname={hostname} />
      </Cell>
      <Cell>
        <span className="truncate font-mono text-[12px] text-muted" title={row.ips.join(', ')}>
          {row.ips.length ? row.ips.join(', ') : <span className="text-faint">—</span>}
        </span>
      </Cell>
      <Cell>
        <time
          dateTime={created.toISOString()}
          title={created.toLocaleString()}
          className="truncate text-muted"
        >
          {formatAgo(row.created, now)}
        </time>
      </Cell>
    </div>
  );
});

function Ports({ ports, hostname }: { ports: PublishedPort[]; hostname: string }) {
  if (ports.length === 0) return <span className="text-faint">—</span>;
  const shown = ports.slice(0, 2);
  const rest = ports.length - shown.length;
  const all = ports
    .map((p) =>
      p.hostPort
        ? `${p.hostPort}→${p.containerPort}/${p.protocol}`
        : `${p.containerPort}/${p.protocol}`,
    )
    .join(', ');
  return (
    <span className="flex min-w-0 items-center gap-1.5 font-mono text-[12px]" title={all}>
      {shown.map((port) => (
        <PortLink
          key={`${port.hostPort}:${port.containerPort}/${port.protocol}`}
          port={port}
          hostname={hostname}
        />
      ))}
      {rest > 0 && <span className="text-faint">+{rest}</span>}
    </span>
  );
}

export function PortLink({ port, hostname }: { port: PublishedPort; hostname: string }) {
  const label = port.hostPort
    ? `${port.hostPort}→${port.containerPort}${port.protocol === 'tcp' ? '' : `/${port.protocol}`}`
    : `${port.containerPort}/${port.protocol}`;
  if (!port.hostPort || port.protocol !== 'tcp') {
    return <span className="whitespace-nowrap text-muted">{label}</span>;
  }
  return (
    <a
      href={`http://${hostname}:${port.hostPort}`}
      target="_blank"
      rel="noreferrer"
      className="whitespace-nowrap text-accent-text hover:underline"
      aria-label={`Open port ${port.hostPort} (container port ${port.containerPort}) in a new tab`}
    >
      {label}
    </a>
  );
}
