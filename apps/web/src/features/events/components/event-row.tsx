import type { EngineEvent } from '@berth/api';
import { Link } from '@tanstack/react-router';
import { memo } from 'react';
import { cn } from '@/lib/cn';
import { objectName } from '../utils/event-timeline';

export const EVENT_GRID =
  'grid grid-cols-[200px_100px_minmax(160px,1fr)_minmax(180px,1.4fr)_minmax(200px,2fr)]';

const TYPE_COLOURS: Record<string, string> = {
  container: 'text-accent-text',
  image: 'text-violet-700 dark:text-violet-300',
  network: 'text-emerald-700 dark:text-emerald-300',
  volume: 'text-amber-700 dark:text-amber-300',
};

const ACTION_TONE = (action: string) =>
  /^(die|kill|oom|destroy|delete|remove|untag)/.test(action) || action.includes('unhealthy')
    ? 'text-danger'
    : /^(start|create|pull|connect|unpause|restart)/.test(action) || action.endsWith('healthy')
      ? 'text-emerald-700 dark:text-emerald-400'
      : 'text-fg';

function ObjectLink({ event, endpointId }: { event: EngineEvent; endpointId: string }) {
  const name = objectName(event);
  const cls = 'truncate font-mono text-[12.5px] text-fg hover:text-accent-text hover:underline';
  const id = event.Actor.ID;
  if (event.Type === 'container' && id && event.Action !== 'destroy')
    return (
      <Link
        to="/endpoints/$endpointId/containers/$containerId"
        params={{ endpointId, containerId: id }}
        className={cls}
        title={id}
      >
        {name}
      </Link>
    );
  if (event.Type === 'image' && id && event.Action !== 'delete')
    return (
      <Link
        to="/endpoints/$endpointId/images/$imageId"
        params={{ endpointId, imageId: id }}
        className={cls}
        title={id}
      >
        {name}
      </Link>
    );
  if (event.Type === 'network' || event.Type === 'volume')
    return (
      <Link
        to={
          event.Type === 'network'
            ? '/endpoints/$endpointId/networks'
            : '/endpoints/$endpointId/volumes'
        }
        params={{ endpointId }}
        className={cls}
        title={id}
      >
        {name}
      </Link>
    );
  return (
    <span className="truncate font-mono text-[12.5px] text-fg" title={id}>
      {name}
    </span>
  );
}

/** What else the engine said: the image, an exit code, a signal, the container of a connect. */
function details(event: EngineEvent): string {
  const a = event.Actor.Attributes ?? {};
  const parts: string[] = [];
  if (a.image && event.Type === 'container') parts.push(a.image);
  if (a.exitCode !== undefined) parts.push(`exit ${a.exitCode}`);
  if (a.signal) parts.push(`signal ${a.signal}`);
  if (a.container && event.Type === 'network') parts.push(`container ${a.container.slice(0, 12)}`);
  if (a.driver) parts.push(a.driver);
  return parts.join(' · ');
}

export const EventRow = memo(function EventRow({
  event,
  endpointId,
  index,
  start,
  height,
}: {
  event: EngineEvent;
  endpointId: string;
  index: number;
  start: number;
  height: number;
}) {
  const time = new Date(event.timeNano ? event.timeNano / 1e6 : event.time * 1000);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={cn(
        EVENT_GRID,
        'absolute inset-x-0 top-0 items-center border-b border-line/70 text-[13px] hover:bg-subtle',
      )}
      style={{ height, transform: `translateY(${start}px)` }}
    >
      <div role="cell" className="px-4">
        <time
          className="font-mono text-[12px] whitespace-nowrap text-muted"
          dateTime={time.toISOString()}
        >
          {time.toLocaleString()}
        </time>
      </div>
      <div role="cell" className={cn('px-3', TYPE_COLOURS[event.Type] ?? 'text-muted')}>
        {event.Type}
      </div>
      <div
        role="cell"
        className={cn('truncate px-3 font-mono text-[12.5px]', ACTION_TONE(event.Action))}
        title={event.Action}
      >
        {event.Action}
      </div>
      <div role="cell" className="flex min-w-0 px-3">
        <ObjectLink event={event} endpointId={endpointId} />
      </div>
      <div role="cell" className="truncate px-3 text-[12px] text-muted" title={details(event)}>
        {details(event)}
      </div>
    </div>
  );
});
