import type { ContainerRow, StatsSample } from '@berth/api';
import { Link } from '@tanstack/react-router';
import { ArrowDown, ArrowUp, ChevronsUpDown, Gauge, Search } from 'lucide-react';
import { useMemo, useRef, useState } from 'react';
import { LiveStatCell } from '@/components/stats/live-stat-cell';
import { EmptyState } from '@/components/ui/empty-state';
import { PanelErrorBoundary } from '@/components/ui/error-boundary';
import { ErrorState } from '@/components/ui/error-state';
import { TextInput } from '@/components/ui/input';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useSlashFocus } from '@/hooks/use-slash-focus';
import { useContainerList } from '@/lib/container-list-query';
import { formatMemory, formatPercent, formatRate } from '@/lib/live/stats-format';
import { useContainerStats } from '@/lib/live/use-container-stats';
import { cn } from '@/lib/cn';
import { sortByStats, totals } from '../utils/stats-sort';
import type { StatsSort, StatsSortKey } from '../utils/stats-sort';

/** Every running container's resource use at once, like `docker stats`, live. */
export function StatsRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Stats');
  return (
    <div className="flex h-full min-h-0 flex-col">
      <PanelErrorBoundary title="The stats table failed to render">
        <StatsView endpointId={endpointId} />
      </PanelErrorBoundary>
    </div>
  );
}

function StatsView({ endpointId }: { endpointId: string }) {
  const query = useContainerList(endpointId, { all: false });
  const [sort, setSort] = useState<StatsSort>({ key: 'cpu', direction: 'desc' });
  const [filter, setFilter] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);
  useSlashFocus(filterRef);

  const running = useMemo(
    () => (query.data ?? []).filter((row) => row.state === 'running'),
    [query.data],
  );
  const ids = useMemo(() => running.map((row) => row.id), [running]);
  const { latest, errors } = useContainerStats(endpointId, ids);
  const visible = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const rows = needle
      ? running.filter(
          (row) =>
            row.name.toLowerCase().includes(needle) || row.image.toLowerCase().includes(needle),
        )
      : running;
    return sortByStats(rows, latest, sort);
  }, [running, latest, sort, filter]);
  const sum = totals(latest);

  function onSort(key: StatsSortKey) {
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: key === 'name' ? 'asc' : 'desc' },
    );
  }

  return (
    <>
      <div className="flex flex-col gap-3 border-b border-line px-6 pt-5 pb-3">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h1 className="flex items-baseline gap-2 text-[17px] font-semibold text-fg">
            Stats
            {query.data && (
              <span className="text-[13px] font-normal text-muted tabular-nums">
                {running.length} running
              </span>
            )}
          </h1>
          <p className="text-[12.5px] text-muted" aria-live="off">
            Total{' '}
            <span className="font-mono text-fg tabular-nums">{formatPercent(sum.cpuPercent)}</span>{' '}
            CPU ·{' '}
            <span className="font-mono text-fg tabular-nums">{formatMemory(sum.memoryUsage)}</span>{' '}
            memory
          </p>
        </div>
        <div className="relative w-72">
          <Search
            className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-faint"
            aria-hidden
          />
          <TextInput
            ref={filterRef}
            type="search"
            aria-label="Filter containers"
            placeholder="Filter by name or image"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            className="w-full pl-8"
          />
        </div>
      </div>
      {query.isPending ? (
        <SkeletonRows rows={6} label="Loading containers" />
      ) : query.isError ? (
        <ErrorState
          title="Could not list containers"
          message={query.error.message}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : running.length === 0 ? (
        <EmptyState icon={<Gauge className="size-8" aria-hidden />} title="Nothing is running">
          Start a container and its CPU, memory, network and disk use appear here, live.
        </EmptyState>
      ) : visible.length === 0 ? (
        <EmptyState title="No running containers match">
          <button
            type="button"
            className="text-accent-text underline"
            onClick={() => setFilter('')}
          >
            Clear the filter
          </button>
        </EmptyState>
      ) : (
        <div className="min-h-0 flex-1 overflow-auto">
          <StatsTable
            endpointId={endpointId}
            rows={visible}
            latest={latest}
            errors={errors}
            sort={sort}
            onSort={onSort}
          />
        </div>
      )}
    </>
  );
}

function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
  className,
}: {
  label: string;
  sortKey: StatsSortKey;
  sort: StatsSort;
  onSort: (key: StatsSortKey) => void;
  className?: string;
}) {
  const active = sort.key === sortKey;
  return (
    <th
      scope="col"
      aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={cn('h-9 px-4 font-medium', className)}
    >
      <button
        type="button"
        onClick={() => onSort(sortKey)}
        className={cn(
          '-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-fg',
          active && 'text-fg',
        )}
      >
        {label}
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
    </th>
  );
}

function StatsTable({
  endpointId,
  rows,
  latest,
  errors,
  sort,
  onSort,
}: {
  endpointId: string;
  rows: ContainerRow[];
  latest: ReadonlyMap<string, StatsSample>;
  errors: ReadonlyMap<string, string>;
  sort: StatsSort;
  onSort: (key: StatsSortKey) => void;
}) {
  const plain = 'h-9 px-4 font-medium';
  return (
    <table aria-label="Container stats" className="w-full min-w-[1000px] text-left text-[13px]">
      <thead className="sticky top-0 z-10 bg-subtle/95 backdrop-blur">
        <tr className="border-b border-line text-[12px] text-muted">
          <SortHeader label="Name" sortKey="name" sort={sort} onSort={onSort} />
          <SortHeader label="CPU %" sortKey="cpu" sort={sort} onSort={onSort} className="w-40" />
          <SortHeader
            label="Memory"
            sortKey="memory"
            sort={sort}
            onSort={onSort}
            className="w-44"
          />
          <th scope="col" className={plain}>
            Mem %
          </th>
          <th scope="col" className={plain}>
            Limit
          </th>
          <th scope="col" className={plain}>
            Net ↓ / ↑
          </th>
          <th scope="col" className={plain}>
            Block read / write
          </th>
          <th scope="col" className={plain}>
            PIDs
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const sample = latest.get(row.id);
          const error = errors.get(row.id);
          return (
            <tr key={row.id} className="border-b border-line/70 hover:bg-subtle">
              <td className="h-10 px-4 py-1.5">
                <Link
                  to="/endpoints/$endpointId/containers/$containerId"
                  params={{ endpointId, containerId: row.id }}
                  search={{ tab: 'stats' }}
                  className="font-medium text-fg hover:text-accent-text hover:underline"
                >
                  {row.name}
                </Link>
                {error && (
                  <span className="ml-2 text-[12px] text-danger" title={error}>
                    {error}
                  </span>
                )}
              </td>
              <td className="px-4">
                <LiveStatCell endpointId={endpointId} containerId={row.id} metric="cpu" />
              </td>
              <td className="px-4">
                <LiveStatCell endpointId={endpointId} containerId={row.id} metric="memory" />
              </td>
              <Num>{sample && formatPercent(sample.memoryPercent)}</Num>
              <Num>{sample && formatMemory(sample.memoryLimit)}</Num>
              <Num>
                {sample &&
                  `${formatRate(sample.netRxBytesPerSec)} / ${formatRate(sample.netTxBytesPerSec)}`}
              </Num>
              <Num>
                {sample &&
                  `${formatRate(sample.blockReadBytesPerSec)} / ${formatRate(sample.blockWriteBytesPerSec)}`}
              </Num>
              <Num>{sample?.pids}</Num>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Num({ children }: { children: React.ReactNode }) {
  return (
    <td className="px-4 font-mono text-[12px] whitespace-nowrap text-muted tabular-nums">
      {children ?? '—'}
    </td>
  );
}
