import type { EndpointSummary } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { engine } from '@/lib/api-client';
import { cn } from '@/lib/cn';
import { TileFrame, TileMessage } from '../tile-frame';

/** The fields of `GET /services?status=true` a wall needs. */
interface ServiceSummary {
  ID: string;
  Spec: { Name: string; Mode?: { Replicated?: { Replicas?: number }; Global?: object } };
  ServiceStatus?: { RunningTasks: number; DesiredTasks: number };
}

/** Swarm services with replicas running / desired; short ones stand out. */
export function ServicesTile({ endpoint }: { endpoint: EndpointSummary | undefined }) {
  const endpointId = endpoint?.id ?? '';
  const services = useQuery({
    queryKey: ['endpoint', endpointId, 'services', 'wall'],
    queryFn: ({ signal }) =>
      engine(endpointId).json<ServiceSummary[]>('GET', '/services', {
        query: { status: true },
        signal,
      }),
    enabled: endpoint?.status === 'up',
    // Task changes have no container-list event on a manager for remote nodes: poll gently.
    refetchInterval: 10_000,
    retry: false,
  });
  const rows = (services.data ?? []).slice().sort((a, b) => a.Spec.Name.localeCompare(b.Spec.Name));
  return (
    <TileFrame title="Swarm services" subtitle={endpoint?.name}>
      {!endpoint ? (
        <TileMessage tone="bad">This endpoint is gone; edit the wall layout.</TileMessage>
      ) : endpoint.status === 'down' ? (
        <TileMessage tone="bad">Engine down: {endpoint.error ?? 'no answer'}</TileMessage>
      ) : services.isError ? (
        <TileMessage>{services.error.message}</TileMessage>
      ) : !services.data ? (
        <TileMessage>Loading…</TileMessage>
      ) : rows.length === 0 ? (
        <TileMessage>No services.</TileMessage>
      ) : (
        <ul className="flex flex-col gap-2">
          {rows.map((service) => {
            const running = service.ServiceStatus?.RunningTasks ?? 0;
            const desired =
              service.ServiceStatus?.DesiredTasks ?? service.Spec.Mode?.Replicated?.Replicas ?? 0;
            const short = running < desired;
            return (
              <li
                key={service.ID}
                className={cn(
                  'flex items-center justify-between rounded-xl px-4 py-2 text-[24px]',
                  short ? 'bg-amber-900/60' : 'bg-zinc-800/60',
                )}
              >
                <span className="truncate font-semibold text-zinc-100">{service.Spec.Name}</span>
                <span
                  className={cn(
                    'font-semibold tabular-nums',
                    short ? 'text-amber-300' : 'text-emerald-300',
                  )}
                >
                  {running} / {desired}
                  {service.Spec.Mode?.Global && <span className="text-zinc-400"> global</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </TileFrame>
  );
}
