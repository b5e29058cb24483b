import type { ContainerRow, StatsSample } from '@berth/api';
import { Link } from '@tanstack/react-router';
import { Gauge, Search } from 'lucide-react';
import { useMemo, useRef, useState } from 'react';
import { LiveStatCell } from '@/components/stats/live-stat-cell';
import { EmptyState } from '@/components/ui/empty-state';
import { PanelErrorBoundary } from '@/components/ui/error-boundary';
import { ErrorState } from '@/components/ui/error-state';
import { TextInput } from '@/components/ui/input';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useSlashFocus } from '@/hooks/use-slash-focus';
import { useContainerList } from '@/lib/container-list-query';
import { formatMemory, formatPercent, formatRate } from '@/lib/live/stats-format';
import { useContainerStats } from '@/lib/live/use-container-stats';
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
  const num = 'font-mono text-[12px] whitespace-nowrap text-muted tabular-nums';
  const sampled = (
    key: string,
    header: string,
    value: (sample: StatsSample) => string | number,
  ): Column<ContainerRow> => ({
    key,
    header,
    cellClassName: num,
    cell: (row) => {
      const sample = latest.get(row.id);
      return sample ? value(sample) : '—';
    },
  });
  const columns: Column<ContainerRow>[] = [
    {
      key: 'name',
      header: 'Name',
      sortable: true,
      cell: (row) => {
        const error = errors.get(row.id);
        return (
          <>
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
          </>
        );
      },
    },
    {
      key: 'cpu',
      header: 'CPU %',
      sortable: true,
      className: 'w-40',
      cell: (row) => <LiveStatCell endpointId={endpointId} containerId={row.id} metric="cpu" />,
    },
    {
      key: 'memory',
      header: 'Memory',
      sortable: true,
      className: 'w-44',
      cell: (row) => <LiveStatCell endpointId={endpointId} containerId={row.id} metric="memory" />,
    },
    sampled('mem', 'Mem %', (s) => formatPercent(s.memoryPercent)),
    sampled('limit', 'Limit', (s) => formatMemory(s.memoryLimit)),
    sampled(
      'net',
      'Net ↓ / ↑',
      (s) => `${formatRate(s.netRxBytesPerSec)} / ${formatRate(s.netTxBytesPerSec)}`,
    ),
    sampled(
      'block',
      'Block read / write',
      (s) => `${formatRate(s.blockReadBytesPerSec)} / ${formatRate(s.blockWriteBytesPerSec)}`,
    ),
    sampled('pids', 'PIDs', (s) => s.pids),
  ];
  return (
    <SimpleTable
      label="Container stats"
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      minWidth={1000}
      sort={sort}
      onSort={(key) => onSort(key as StatsSortKey)}
    />
  );
}
