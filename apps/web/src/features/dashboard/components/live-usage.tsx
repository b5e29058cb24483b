import { formatBytes } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Cpu, MemoryStick } from 'lucide-react';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import { useContainerList } from '@/lib/container-list-query';
import { formatPercent } from '@/lib/live/stats-format';
import { useContainerStats } from '@/lib/live/use-container-stats';
import { infoQueryOptions } from '@/lib/queries';

function Tile({
  icon,
  label,
  value,
  hint,
  meter,
}: {
  icon: ReactNode;
  label: string;
  value: string | undefined;
  hint: string | undefined;
  /** 0–1: how full, for the bar. */
  meter: number | undefined;
}) {
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-line bg-panel p-4">
      <div className="flex items-center gap-2 text-[12.5px] text-muted">
        <span className="text-faint" aria-hidden>
          {icon}
        </span>
        {label}
      </div>
      {value === undefined ? (
        <Skeleton className="h-6 w-24" />
      ) : (
        <div className="text-[22px] font-semibold text-fg tabular-nums">{value}</div>
      )}
      {meter !== undefined && (
        <div
          role="meter"
          aria-label={`${label} of the host`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(meter * 100)}
          className="h-1.5 overflow-hidden rounded-full bg-subtle"
        >
          <div
            className="h-full rounded-full bg-accent transition-[width] duration-700"
            style={{ width: `${Math.min(100, meter * 100)}%` }}
          />
        </div>
      )}
      <div className="text-[12px] text-muted">{hint ?? ' '}</div>
    </div>
  );
}

/** Host totals of the running containers, live: the sum of what `docker stats` shows. */
export function LiveUsage({ endpointId }: { endpointId: string }) {
  const list = useContainerList(endpointId, { all: false });
  const info = useQuery(infoQueryOptions(endpointId));
  const ids = useMemo(
    () => (list.data ?? []).filter((row) => row.state === 'running').map((row) => row.id),
    [list.data],
  );
  const { latest } = useContainerStats(endpointId, ids, { throttleMs: 2000 });
  let cpu = 0;
  let memory = 0;
  for (const sample of latest.values()) {
    cpu += sample.cpuPercent;
    memory += sample.memoryUsage;
  }
  const ready = list.data !== undefined && (ids.length === 0 || latest.size > 0);
  const cpus = info.data?.NCPU;
  const total = info.data?.MemTotal;
  const running = `${ids.length} running container${ids.length === 1 ? '' : 's'}`;
  return (
    <section aria-labelledby="live-usage-title" className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between">
        <h2 id="live-usage-title" className="text-[13px] font-semibold text-fg">
          Live usage
        </h2>
        <Link
          to="/endpoints/$endpointId/stats"
          params={{ endpointId }}
          className="text-[12.5px] text-accent-text hover:underline"
        >
          Per container
        </Link>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Tile
          icon={<Cpu className="size-4" />}
          label="CPU used by containers"
          value={ready ? formatPercent(cpu) : undefined}
          hint={ready ? `${running}${cpus ? ` · 100 % is one of ${cpus} CPUs` : ''}` : undefined}
          meter={ready && cpus ? cpu / (cpus * 100) : undefined}
        />
        <Tile
          icon={<MemoryStick className="size-4" />}
          label="Memory used by containers"
          value={ready ? formatBytes(memory) : undefined}
          hint={ready ? `${running}${total ? ` · of ${formatBytes(total)}` : ''}` : undefined}
          meter={ready && total ? memory / total : undefined}
        />
      </div>
    </section>
  );
}
