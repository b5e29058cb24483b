import type { EndpointSummary } from '@berth/api';
import { useQueries } from '@tanstack/react-query';
import { cn } from '@/lib/cn';
import { countContainers } from '@/lib/container-counts';
import { containerListQueryOptions } from '@/lib/container-list-query';
import { TileFrame, TileMessage } from '../tile-frame';

/** Every endpoint: up or down (big), latency, and how many containers run. */
export function EndpointsTile({ endpoints }: { endpoints: EndpointSummary[] }) {
  const lists = useQueries({
    queries: endpoints.map((e) => ({
      ...containerListQueryOptions(e.id, { all: true }),
      enabled: e.status === 'up',
    })),
  });
  const down = endpoints.filter((e) => e.status === 'down').length;
  return (
    <TileFrame title="Endpoint health" subtitle={down ? `${down} down` : `${endpoints.length} up`}>
      {endpoints.length === 0 ? (
        <TileMessage>No endpoints.</TileMessage>
      ) : (
        <ul className="flex flex-col gap-2">
          {endpoints.map((endpoint, i) => {
            const rows = lists[i]?.data;
            const counts = rows ? countContainers(rows) : null;
            const trouble = counts ? counts.unhealthy.length + counts.restarting.length : 0;
            return (
              <li
                key={endpoint.id}
                data-endpoint={endpoint.id}
                data-status={endpoint.status}
                className={cn(
                  'flex items-center gap-4 rounded-xl px-4 py-2.5',
                  endpoint.status === 'down' ? 'bg-red-950/70' : 'bg-zinc-800/60',
                )}
              >
                <span
                  aria-hidden
                  className={cn(
                    'size-5 shrink-0 rounded-full',
                    endpoint.status === 'up'
                      ? 'bg-emerald-400'
                      : endpoint.status === 'down'
                        ? 'bg-red-500'
                        : 'bg-zinc-500',
                  )}
                />
                <span className="min-w-0 flex-1 truncate text-[28px] font-semibold text-zinc-50">
                  {endpoint.name}
                </span>
                {endpoint.status === 'up' ? (
                  <span className="flex items-baseline gap-5 text-[24px] text-zinc-300 tabular-nums">
                    {counts && (
                      <span>
                        <span className="font-semibold text-emerald-300">{counts.running}</span>
                        <span className="text-zinc-500"> / {rows?.length} running</span>
                      </span>
                    )}
                    {trouble > 0 && (
                      <span className="font-semibold text-amber-300">{trouble} need attention</span>
                    )}
                    {endpoint.latencyMs !== null && (
                      <span className="text-zinc-400">{endpoint.latencyMs} ms</span>
                    )}
                  </span>
                ) : (
                  <span className="text-[26px] font-bold text-red-300 uppercase">
                    {endpoint.status === 'down' ? 'Down' : 'Checking'}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </TileFrame>
  );
}
