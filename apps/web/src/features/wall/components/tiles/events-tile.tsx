import type { EndpointSummary } from '@berth/api';
import { cn } from '@/lib/cn';
import { describeEvent, useFleetEvents } from '@/lib/live/use-fleet-events';
import { TileFrame, TileMessage } from '../tile-frame';

const BAD = /^(die|kill|oom|destroy|delete|remove|unhealthy)/;
const GOOD = /^(start|create|pull|unpause|restart|healthy)/;

/** The newest events, newest on top; a bounded ring, so it never grows. */
export function EventsTile({
  endpoint,
  endpoints,
}: {
  /** One endpoint, or every endpoint when absent. */
  endpoint: string | undefined;
  endpoints: EndpointSummary[];
}) {
  const ids = endpoint ? [endpoint] : endpoints.filter((e) => e.status === 'up').map((e) => e.id);
  const { events } = useFleetEvents(ids, { capacity: 30 });
  const names = new Map(endpoints.map((e) => [e.id, e.name]));
  return (
    <TileFrame
      title="Events"
      subtitle={endpoint ? (names.get(endpoint) ?? endpoint) : 'all endpoints'}
    >
      {events.length === 0 ? (
        <TileMessage>Waiting for events…</TileMessage>
      ) : (
        <ol aria-label="Events ticker" className="flex flex-col gap-1.5">
          {events.slice(0, 14).map(({ key, endpointId, event }) => {
            const { subject, action } = describeEvent(event);
            return (
              <li key={key} className="flex items-baseline gap-4 text-[22px] leading-tight">
                <span className="shrink-0 text-zinc-500 tabular-nums">
                  {new Date(event.time * 1000).toLocaleTimeString([], {
                    hour: '2-digit',
                    minute: '2-digit',
                    second: '2-digit',
                    hour12: false,
                  })}
                </span>
                <span
                  className={cn(
                    'w-[9ch] shrink-0 truncate font-semibold',
                    BAD.test(action)
                      ? 'text-red-400'
                      : GOOD.test(action)
                        ? 'text-emerald-300'
                        : 'text-zinc-200',
                  )}
                >
                  {action}
                </span>
                <span className="min-w-0 flex-1 truncate text-zinc-100">{subject}</span>
                {!endpoint && (
                  <span className="shrink-0 truncate text-zinc-500">
                    {names.get(endpointId) ?? endpointId}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </TileFrame>
  );
}
