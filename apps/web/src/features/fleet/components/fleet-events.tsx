import type { EndpointSummary } from '@berth/api';
import { Activity } from 'lucide-react';
import { Panel } from '@/components/ui/panel';
import { useNow } from '@/hooks/use-now';
import { cn } from '@/lib/cn';
import { describeEvent } from '@/lib/live/use-fleet-events';
import type { FleetEvent } from '@/lib/live/use-fleet-events';

const BAD = /^(die|kill|oom|destroy|delete|remove|unhealthy)/;
const GOOD = /^(start|create|pull|unpause|restart|healthy)/;

function clock(seconds: number, now: number): string {
  const delta = Math.max(0, Math.round(now / 1000 - seconds));
  if (delta < 60) return `${delta}s`;
  if (delta < 3600) return `${Math.floor(delta / 60)}m`;
  return new Date(seconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** The newest events of every endpoint, as they happen. */
export function FleetEvents({
  events,
  endpoints,
  live,
}: {
  events: FleetEvent[];
  endpoints: EndpointSummary[];
  /** Every endpoint's events are flowing. */
  live: boolean;
}) {
  const now = useNow(5_000);
  const names = new Map(endpoints.map((e) => [e.id, e.name]));
  return (
    <Panel
      title="Newest events"
      id="fleet-events"
      className="self-start"
      bodyClassName="max-h-[420px] overflow-auto"
      actions={
        // For tests and diagnostics too: whether every endpoint's events are flowing.
        <span
          data-testid="fleet-live"
          data-live={live ? 'up' : 'down'}
          className="text-[12px] text-muted"
        >
          {live ? 'Live' : 'Connecting…'}
        </span>
      }
    >
      {events.length === 0 ? (
        <div className="flex flex-col items-center gap-1.5 px-4 py-8 text-center text-[12.5px] text-muted">
          <Activity className="size-5 text-faint" aria-hidden />
          Listening. Container, image, network and volume events of every endpoint show up here as
          they happen.
        </div>
      ) : (
        <ol aria-label="Newest events" className="divide-y divide-line/70 text-[12.5px]">
          {events.slice(0, 20).map(({ key, endpointId, event }) => {
            const { subject, action } = describeEvent(event);
            return (
              <li key={key} className="flex items-baseline gap-2 px-4 py-1.5">
                <span className="w-9 shrink-0 text-right text-faint tabular-nums">
                  {clock(event.time, now)}
                </span>
                <span
                  className={cn(
                    'w-20 shrink-0 truncate font-medium',
                    BAD.test(action)
                      ? 'text-danger'
                      : GOOD.test(action)
                        ? 'text-emerald-700 dark:text-emerald-400'
                        : 'text-fg',
                  )}
                >
                  {action}
                </span>
                <span className="min-w-0 flex-1 truncate font-mono text-fg">
                  <span className="mr-1.5 font-sans text-faint">{event.Type}</span>
                  {subject}
                </span>
                <span className="shrink-0 truncate text-muted">
                  {names.get(endpointId) ?? endpointId}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </Panel>
  );
}
