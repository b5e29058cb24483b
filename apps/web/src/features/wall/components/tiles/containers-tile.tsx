import type { ContainerRow, EndpointSummary } from '@berth/api';
import { endpointKeys } from '@berth/api';
import { useQueries } from '@tanstack/react-query';
import { engine } from '@/lib/api-client';
import { cn } from '@/lib/cn';
import { useContainerList } from '@/lib/container-list-query';
import { GoneTile, TileFrame, TileMessage } from '../tile-frame';

/** Inspecting is one request per container: a wall shows at most this many. */
const MAX_CELLS = 80;

function tone(row: ContainerRow): string {
  if (row.state === 'restarting') return 'bg-orange-600 text-white';
  if (row.health === 'unhealthy') return 'bg-red-600 text-white';
  if (row.state === 'running') return 'bg-emerald-700 text-white';
  if (row.state === 'paused') return 'bg-amber-500 text-zinc-950';
  if (row.state === 'dead') return 'bg-red-900 text-white';
  if (row.state === 'exited' && !/^Exited \(0\)/.test(row.status))
    return 'bg-red-950 text-red-200 ring-1 ring-red-700';
  return 'bg-zinc-800 text-zinc-300';
}

/** Every container of one endpoint as a coloured cell: state, health and restart count. */
export function ContainersTile({ endpoint }: { endpoint: EndpointSummary | undefined }) {
  if (!endpoint) return <GoneTile title="Unknown endpoint" />;
  return <EndpointContainers endpoint={endpoint} />;
}

/** The cells, painted from the live model (a state change moves one cell, no list call). */
function EndpointContainers({ endpoint }: { endpoint: EndpointSummary }) {
  const endpointId = endpoint.id;
  const list = useContainerList(endpointId, { all: true });
  const rows = (list.data ?? [])
    .slice()
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, MAX_CELLS);
  // Restart counts are only in inspect; the events socket refreshes these detail queries.
  const details = useQueries({
    queries: rows.map((row) => ({
      queryKey: endpointKeys.container(endpointId, row.id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        engine(endpointId).inspectContainer(row.id, signal),
      staleTime: 60_000,
    })),
  });
  const running = rows.filter((r) => r.state === 'running').length;
  return (
    <TileFrame
      title={endpoint.name}
      subtitle={list.data ? `${running} of ${list.data.length} running` : undefined}
    >
      {endpoint.status === 'down' ? (
        <TileMessage tone="bad">Engine down: {endpoint.error ?? 'no answer'}</TileMessage>
      ) : list.isError ? (
        <TileMessage tone="bad">{list.error.message}</TileMessage>
      ) : !list.data ? (
        <TileMessage>Loading…</TileMessage>
      ) : rows.length === 0 ? (
        <TileMessage>No containers.</TileMessage>
      ) : (
        <ul
          aria-label={`Containers on ${endpoint.name}`}
          className="grid grid-cols-[repeat(auto-fill,minmax(250px,1fr))] gap-2"
        >
          {rows.map((row, i) => {
            const restarts = details[i]?.data?.RestartCount ?? 0;
            return (
              <li
                key={row.id}
                data-state={row.state}
                className={cn(
                  'flex items-center justify-between gap-2 rounded-lg px-3 py-2 text-[20px] leading-tight',
                  tone(row),
                )}
              >
                <span className="min-w-0 truncate font-semibold">{row.name}</span>
                <span className="shrink-0 text-[16px] font-medium opacity-90">
                  {row.health === 'unhealthy'
                    ? 'unhealthy'
                    : row.state === 'running'
                      ? ''
                      : row.state}
                  {restarts > 0 && <span title="Restarts"> ↻{restarts}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {list.data && list.data.length > MAX_CELLS && (
        <p className="pt-2 text-[18px] text-zinc-400">and {list.data.length - MAX_CELLS} more</p>
      )}
    </TileFrame>
  );
}
