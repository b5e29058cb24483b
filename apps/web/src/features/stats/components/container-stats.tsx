import type { ContainerInspect } from '@berth/api';
import { Activity } from 'lucide-react';
import { useRef, useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { PanelErrorBoundary } from '@/components/ui/error-boundary';
import { InlineAlert } from '@/components/ui/inline-alert';
import { useStatsSubscription } from '@/lib/live/use-container-stats';
import { cn } from '@/lib/cn';
import { CHARTS, WINDOWS } from '../utils/chart-specs';
import type { WindowMinutes } from '../utils/chart-specs';
import { LatestValues } from './latest-values';
import { StatsChart } from './stats-chart';

/** The gateway's words when a container's stats cannot be read; renders only when they change. */
function useStatsError(endpointId: string, containerId: string | null): string | null {
  const [error, setError] = useState<string | null>(null);
  const current = useRef<string | null>(null);
  useStatsSubscription(endpointId, containerId, (update) => {
    const next = update.kind === 'error' ? update.message : null;
    if (next === current.current) return;
    current.current = next;
    setError(next);
  });
  return error;
}

/** A container's Stats tab: live charts with 1, 5 and 15-minute windows. */
export function ContainerStats({
  endpointId,
  inspect,
}: {
  endpointId: string;
  inspect: ContainerInspect;
}) {
  const [windowMinutes, setWindowMinutes] = useState<WindowMinutes>(5);
  const error = useStatsError(endpointId, inspect.State.Running ? inspect.Id : null);

  if (!inspect.State.Running) {
    return (
      <EmptyState icon={<Activity className="size-8" aria-hidden />} title="Not running">
        Resource usage is measured while the container runs. Start it and the charts fill in here.
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-4 px-6 py-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-[12.5px] text-muted">
          Live from the engine once a second; the gateway keeps the last 5 minutes, this page keeps
          up to 15 while open.
        </p>
        <div role="group" aria-label="Time window" className="flex rounded-md border border-line">
          {WINDOWS.map((w) => (
            <button
              key={w.minutes}
              type="button"
              aria-pressed={windowMinutes === w.minutes}
              onClick={() => setWindowMinutes(w.minutes)}
              className={cn(
                'px-2.5 py-1 text-[12.5px] font-medium first:rounded-l-md last:rounded-r-md',
                windowMinutes === w.minutes
                  ? 'bg-accent-soft text-accent-text'
                  : 'text-muted hover:bg-hover hover:text-fg',
              )}
            >
              {w.label}
            </button>
          ))}
        </div>
      </div>
      {error && (
        <InlineAlert tone="error" title="Could not read stats">
          {error}
        </InlineAlert>
      )}
      <PanelErrorBoundary title="The latest values failed to render">
        <LatestValues endpointId={endpointId} containerId={inspect.Id} />
      </PanelErrorBoundary>
      <div className="grid gap-4 lg:grid-cols-2">
        {CHARTS.map((spec) => (
          <PanelErrorBoundary key={spec.id} title={`The ${spec.title} chart failed to render`}>
            <StatsChart
              endpointId={endpointId}
              containerId={inspect.Id}
              spec={spec}
              windowMinutes={windowMinutes}
            />
          </PanelErrorBoundary>
        ))}
      </div>
    </div>
  );
}
