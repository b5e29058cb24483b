import { formatBytes } from '@berth/api';
import type { EndpointSummary } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { AlertTriangle, Lock, RotateCcw } from 'lucide-react';
import { useMemo, useRef } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import { useVisible } from '@/hooks/use-visible';
import { cn } from '@/lib/cn';
import { countContainers } from '@/lib/container-counts';
import { useContainerList } from '@/lib/container-list-query';
import { formatPercent } from '@/lib/live/stats-format';
import { useContainerStats } from '@/lib/live/use-container-stats';
import { infoQueryOptions } from '@/lib/queries';

const DOT: Record<EndpointSummary['status'], string> = {
  up: 'bg-emerald-500',
  down: 'bg-red-500',
  unknown: 'bg-zinc-400',
};

/** One engine of the fleet: health, versions, container states, and live host usage. */
export function EndpointCard({ endpoint }: { endpoint: EndpointSummary }) {
  const ref = useRef<HTMLElement>(null);
  const visible = useVisible(ref);
  const up = endpoint.status === 'up';
  const titleId = `fleet-${endpoint.id}`;
  return (
    <article
      ref={ref}
      aria-labelledby={titleId}
      data-status={endpoint.status}
      className={cn(
        'flex flex-col gap-3 rounded-lg border bg-panel p-4',
        endpoint.status === 'down' ? 'border-red-500/40' : 'border-line',
      )}
    >
      <header className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={titleId} className="truncate text-[15px] font-semibold">
            <Link
              to="/endpoints/$endpointId/dashboard"
              params={{ endpointId: endpoint.id }}
              className="text-fg hover:text-accent-text hover:underline"
            >
              {endpoint.name}
            </Link>
          </h2>
          <p className="flex items-center gap-1 truncate font-mono text-[11.5px] text-faint">
            {endpoint.tls && <Lock className="size-3" aria-label="TLS" />}
            {endpoint.connectedUrl === endpoint.url
              ? endpoint.url
              : `${endpoint.connectedUrl} (failed over from ${endpoint.url})`}
          </p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-0.5 text-[12px]">
          <span className="inline-flex items-center gap-1.5 font-medium text-fg">
            <span aria-hidden className={cn('size-2 rounded-full', DOT[endpoint.status])} />
            {endpoint.status === 'up' ? 'Up' : endpoint.status === 'down' ? 'Down' : 'Checking'}
          </span>
          {up && endpoint.latencyMs !== null && (
            <span className="text-muted tabular-nums">{endpoint.latencyMs} ms</span>
          )}
        </div>
      </header>
      <p className="text-[12.5px] text-muted">
        {endpoint.engineVersion ? (
          <>
            <span className="text-fg capitalize">{endpoint.kind}</span> {endpoint.engineVersion}
            {endpoint.apiVersion && (
              <span className="ml-1.5 font-mono text-[11.5px] text-faint">
                API {endpoint.apiVersion}
              </span>
            )}
          </>
        ) : (
          'Engine not reached yet'
        )}
      </p>
      {endpoint.status === 'down' ? (
        <p role="note" className="text-[12.5px] text-danger">
          {endpoint.error ?? 'The engine does not answer.'}
        </p>
      ) : up ? (
        <CardBody endpointId={endpoint.id} live={visible} />
      ) : (
        <Skeleton className="h-16" />
      )}
    </article>
  );
}

function CardBody({ endpointId, live }: { endpointId: string; live: boolean }) {
  // The endpoint's live model (one per endpoint, shared with its pages): counts follow its
  // deltas, so no container event here reads a whole list again.
  const list = useContainerList(endpointId, { all: true });
  const info = useQuery(infoQueryOptions(endpointId));
  const counts = useMemo(() => (list.data ? countContainers(list.data) : null), [list.data]);
  if (list.isError)
    return (
      <p className="text-[12.5px] text-danger">Could not list containers: {list.error.message}</p>
    );
  if (!counts) return <Skeleton className="h-16" />;
  const attention = [
    ...counts.unhealthy.map((row) => ({ row, why: 'unhealthy' as const })),
    ...counts.restarting.map((row) => ({ row, why: 'restarting' as const })),
  ];
  return (
    <>
      <ul aria-label="Containers" className="grid grid-cols-3 gap-2">
        <Count label="running" value={counts.running} dot="bg-emerald-500" />
        <Count label="paused" value={counts.paused} dot="bg-amber-500" />
        <Count label="stopped" value={counts.stopped} dot="bg-zinc-400 dark:bg-zinc-500" />
      </ul>
      {attention.length > 0 && (
        <ul
          aria-label="Needs attention"
          className="flex flex-col gap-1 rounded-md border border-amber-500/35 bg-amber-500/10 px-2.5 py-1.5 text-[12.5px]"
        >
          {attention.slice(0, 4).map(({ row, why }) => (
            <li key={`${why}-${row.id}`} className="flex items-center gap-1.5">
              {why === 'restarting' ? (
                <RotateCcw className="size-3 shrink-0 text-amber-600" aria-hidden />
              ) : (
                <AlertTriangle className="size-3 shrink-0 text-amber-600" aria-hidden />
              )}
              <Link
                to="/endpoints/$endpointId/containers/$containerId"
                params={{ endpointId, containerId: row.id }}
                className="truncate font-mono text-fg hover:underline"
              >
                {row.name}
              </Link>
              <span className="text-amber-800 dark:text-amber-300">{why}</span>
            </li>
          ))}
          {attention.length > 4 && <li className="text-muted">and {attention.length - 4} more</li>}
        </ul>
      )}
      <Usage
        endpointId={endpointId}
        runningIds={
          live ? (list.data ?? []).filter((r) => r.state === 'running').map((r) => r.id) : null
        }
        cpus={info.data?.NCPU}
        memTotal={info.data?.MemTotal}
      />
    </>
  );
}

function Count({ label, value, dot }: { label: string; value: number; dot: string }) {
  return (
    <li className="flex flex-col rounded-md bg-subtle px-2.5 py-1.5">
      <span className="text-[18px] leading-tight font-semibold text-fg tabular-nums">{value}</span>
      <span className="flex items-center gap-1.5 text-[11.5px] text-muted">
        <span aria-hidden className={cn('size-1.5 rounded-full', dot)} />
        {label}
      </span>
    </li>
  );
}

const NO_IDS: string[] = [];

/** CPU and memory of the running containers, from the stats hub; streams only while visible. */
function Usage({
  endpointId,
  runningIds,
  cpus,
  memTotal,
}: {
  endpointId: string;
  /** Null while the card is off screen: nothing is subscribed then. */
  runningIds: string[] | null;
  cpus: number | undefined;
  memTotal: number | undefined;
}) {
  const { latest } = useContainerStats(endpointId, runningIds ?? NO_IDS, { throttleMs: 2000 });
  let cpu = 0;
  let memory = 0;
  for (const sample of latest.values()) {
    cpu += sample.cpuPercent;
    memory += sample.memoryUsage;
  }
  const ready = runningIds !== null && (runningIds.length === 0 || latest.size > 0);
  return (
    <dl className="grid grid-cols-2 gap-3 border-t border-line pt-3 text-[12px]">
      <Meter
        label="CPU"
        value={ready ? formatPercent(cpu) : '…'}
        fraction={ready && cpus ? cpu / (cpus * 100) : undefined}
        note={cpus ? `of ${cpus} CPUs` : undefined}
      />
      <Meter
        label="Memory"
        value={ready ? formatBytes(memory) : '…'}
        fraction={ready && memTotal ? memory / memTotal : undefined}
        note={memTotal ? `of ${formatBytes(memTotal)}` : undefined}
      />
    </dl>
  );
}

function Meter({
  label,
  value,
  fraction,
  note,
}: {
  label: string;
  value: string;
  fraction: number | undefined;
  note: string | undefined;
}) {
  return (
    <div className="flex flex-col gap-1">
      <dt className="flex justify-between text-muted">
        <span>{label}</span>
        {note && <span className="text-faint">{note}</span>}
      </dt>
      <dd className="flex flex-col gap-1">
        <span className="font-semibold text-fg tabular-nums">{value}</span>
        <div
          role="meter"
          aria-label={`${label} used by containers`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={fraction === undefined ? undefined : Math.round(fraction * 100)}
          className="h-1 overflow-hidden rounded-full bg-subtle"
        >
          <div
            className="h-full rounded-full bg-accent transition-[width] duration-700"
            style={{ width: `${Math.min(100, (fraction ?? 0) * 100)}%` }}
          />
        </div>
      </dd>
    </div>
  );
}
