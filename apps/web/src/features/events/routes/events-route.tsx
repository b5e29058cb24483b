import type { EngineEvent } from '@berth/api';
import { shortId } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Activity, RotateCw } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Select } from '@/components/ui/input';
import { ListPage } from '@/components/ui/list-page';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { recentEventsQueryOptions } from '../api/events-queries';

/** A busy engine logs thousands of events an hour (health checks); the page shows the newest. */
const MAX_ROWS = 500;

const WINDOWS = [
  { seconds: 15 * 60, label: 'Last 15 minutes' },
  { seconds: 60 * 60, label: 'Last hour' },
  { seconds: 24 * 60 * 60, label: 'Last 24 hours' },
];

function actorName(event: EngineEvent): string {
  const attributes = event.Actor.Attributes ?? {};
  return attributes.name ?? attributes.image ?? shortId(event.Actor.ID || '') ?? '';
}

const columns: Column<EngineEvent>[] = [
  {
    key: 'time',
    header: 'Time',
    cell: (event) => {
      const time = new Date(event.timeNano ? event.timeNano / 1e6 : event.time * 1000);
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
    key: 'type',
    header: 'Type',
    cell: (event) => <span className="text-muted">{event.Type}</span>,
  },
  {
    key: 'action',
    header: 'Action',
    cell: (event) => <span className="font-mono text-[12.5px] text-fg">{event.Action}</span>,
  },
  {
    key: 'actor',
    header: 'Object',
    cell: (event) => (
      <span className="font-mono text-[12.5px] text-fg" title={event.Actor.ID}>
        {actorName(event)}
      </span>
    ),
  },
  {
    key: 'id',
    header: 'ID',
    cell: (event) => (
      <span className="font-mono text-[12px] text-faint">{shortId(event.Actor.ID || '')}</span>
    ),
  },
];

export function EventsRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Events');
  const [windowSeconds, setWindowSeconds] = useState(3600);
  const [filter, setFilter] = useState('');
  const query = useQuery(recentEventsQueryOptions(endpointId, windowSeconds));
  const matching = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (query.data ?? []).filter(
      (event) =>
        !needle ||
        event.Action.toLowerCase().includes(needle) ||
        event.Type.toLowerCase().includes(needle) ||
        actorName(event).toLowerCase().includes(needle),
    );
  }, [query.data, filter]);
  const rows = matching.slice(0, MAX_ROWS);

  return (
    <ListPage
      title="Events"
      noun="events"
      description={
        matching.length > MAX_ROWS
          ? `Showing the newest ${MAX_ROWS} of ${matching.length} events. Narrow the window or filter to see others.`
          : 'Past engine events, newest first, read when the page loads. Refresh for newer ones.'
      }
      query={query}
      filter={filter}
      onFilter={setFilter}
      visibleCount={matching.length}
      actions={
        <>
          <Select
            aria-label="Time window"
            value={windowSeconds}
            onChange={(event) => setWindowSeconds(Number(event.target.value))}
          >
            {WINDOWS.map((w) => (
              <option key={w.seconds} value={w.seconds}>
                {w.label}
              </option>
            ))}
          </Select>
          <Button
            size="sm"
            variant="ghost"
            icon={<RotateCw className="size-3.5" aria-hidden />}
            loading={query.isFetching && !query.isPending}
            onClick={() => void query.refetch()}
          >
            Refresh
          </Button>
        </>
      }
      empty={
        <EmptyState
          icon={<Activity className="size-8" aria-hidden />}
          title="No events in this window"
        >
          Start, stop or create a container and refresh.
        </EmptyState>
      }
    >
      <SimpleTable
        label="Events"
        columns={columns}
        rows={rows}
        rowKey={(event) => `${event.timeNano}-${event.Actor.ID}-${event.Action}`}
      />
    </ListPage>
  );
}
