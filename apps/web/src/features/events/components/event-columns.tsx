import type { EngineEvent } from '@berth/api';
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { DataColumn } from '@/components/ui/data-table';
import { cn } from '@/lib/cn';
import { objectName } from '../utils/event-timeline';

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

const eventMs = (event: EngineEvent) => (event.timeNano ? event.timeNano / 1e6 : event.time * 1000);

/** The events table's columns: when, what kind, what happened, to what, and the rest. */
export function useEventColumns(endpointId: string): DataColumn<EngineEvent>[] {
  return useMemo<DataColumn<EngineEvent>[]>(
    () => [
      {
        id: 'time',
        header: 'Time',
        accessorFn: eventMs,
        size: 200,
        sortDescFirst: true,
        cell: ({ getValue }) => {
          const time = new Date(Number(getValue()));
          return (
            <time
              className="font-mono text-[12px] whitespace-nowrap text-muted"
              dateTime={time.toISOString()}
            >
              {time.toLocaleString()}
            </time>
          );
        },
      },
      {
        id: 'type',
        header: 'Type',
        accessorFn: (event) => event.Type,
        size: 100,
        cell: ({ row }) => (
          <span className={TYPE_COLOURS[row.original.Type] ?? 'text-muted'}>
            {row.original.Type}
          </span>
        ),
      },
      {
        id: 'action',
        header: 'Action',
        accessorFn: (event) => event.Action,
        size: 180,
        cell: ({ row }) => (
          <span
            className={cn(
              'block truncate font-mono text-[12.5px]',
              ACTION_TONE(row.original.Action),
            )}
            title={row.original.Action}
          >
            {row.original.Action}
          </span>
        ),
      },
      {
        id: 'object',
        header: 'Object',
        accessorFn: objectName,
        size: 240,
        cell: ({ row }) => (
          <span className="flex min-w-0">
            <ObjectLink event={row.original} endpointId={endpointId} />
          </span>
        ),
      },
      {
        id: 'details',
        header: 'Details',
        accessorFn: details,
        size: 300,
        enableSorting: false,
        cell: ({ getValue }) => (
          <span className="block truncate text-[12px] text-muted" title={String(getValue())}>
            {String(getValue())}
          </span>
        ),
      },
    ],
    [endpointId],
  );
}
