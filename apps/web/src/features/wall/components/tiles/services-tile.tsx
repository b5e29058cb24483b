import type { EndpointSummary, ModelService, ModelTask } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { engine } from '@/lib/api-client';
import { cn } from '@/lib/cn';
import { useModelRows } from '@/lib/live/use-model-rows';
import { GoneTile, TileFrame, TileMessage } from '../tile-frame';

/** The fields of `GET /services?status=true` a wall needs. */
export interface ServiceSummary {
  ID: string;
  Spec: { Name: string; Mode?: { Replicated?: { Replicas?: number }; Global?: object } };
  ServiceStatus?: { RunningTasks: number; DesiredTasks: number };
}

/** The wall's rows from the live model: running and desired counted from its tasks. */
export function summariesFromModel(
  services: readonly ModelService[],
  tasks: readonly ModelTask[],
): ServiceSummary[] {
  return services.map((service) => {
    const meant = tasks.filter((t) => t.serviceId === service.id && t.desiredState === 'running');
    const global = service.mode === 'global' || service.mode === 'global-job';
    return {
      ID: service.id,
      Spec: {
        Name: service.name,
        Mode: global ? { Global: {} } : { Replicated: { Replicas: service.replicas ?? 0 } },
      },
      ServiceStatus: {
        RunningTasks: meant.filter((t) => t.state === 'running').length,
        DesiredTasks: global ? meant.length : (service.replicas ?? 0),
      },
    };
  });
}

/** Swarm services with replicas running / desired; short ones stand out. */
export function ServicesTile({ endpoint }: { endpoint: EndpointSummary | undefined }) {
  if (!endpoint) return <GoneTile title="Swarm services" />;
  return <EndpointServices endpoint={endpoint} />;
}

/**
 * From the gateway's live model (services and their tasks, which it reads for every viewer);
 * the engine's `/services?status=true`, polled, while the model cannot answer or this engine is
 * no swarm manager (its refusal says why).
 */
function EndpointServices({ endpoint }: { endpoint: EndpointSummary }) {
  const endpointId = endpoint.id;
  const model = useModelRows(endpointId, 'services');
  const tasks = useModelRows(endpointId, 'tasks');
  const swarm = model.live.model.swarm;
  const live = useMemo(
    () => (model.rows && tasks.rows && swarm ? summariesFromModel(model.rows, tasks.rows) : null),
    [model.rows, tasks.rows, swarm],
  );
  const services = useQuery({
    queryKey: ['endpoint', endpointId, 'services', 'wall'],
    queryFn: ({ signal }) =>
      engine(endpointId).json<ServiceSummary[]>('GET', '/services', {
        query: { status: true },
        signal,
      }),
    enabled: endpoint.status === 'up' && !live && (model.fallback || model.rows !== undefined),
    refetchInterval: 10_000,
    retry: false,
  });
  const data = live ?? services.data;
  const rows = (data ?? []).slice().sort((a, b) => a.Spec.Name.localeCompare(b.Spec.Name));
  return (
    <TileFrame title="Swarm services" subtitle={endpoint.name}>
      {endpoint.status === 'down' ? (
        <TileMessage tone="bad">Engine down: {endpoint.error ?? 'no answer'}</TileMessage>
      ) : !live && services.isError ? (
        <TileMessage>{services.error.message}</TileMessage>
      ) : !data ? (
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
