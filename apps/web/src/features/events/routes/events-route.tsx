import type { EngineEvent } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Activity, Pause, Play } from 'lucide-react';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ColumnsMenu, DataTable, useDataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { PanelErrorBoundary } from '@/components/ui/error-boundary';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useSlashFocus } from '@/hooks/use-slash-focus';
import { useEngineEvents } from '@/lib/live/use-live-endpoint';
import { eventHistoryQueryOptions } from '../api/events-queries';
import { useEventColumns } from '../components/event-columns';
import {
  EventFilterBar,
  LiveBadge,
  nowSeconds,
  WindowControls,
} from '../components/events-toolbar';
import type { EventsMode } from '../components/events-toolbar';
import { EventTimeline, matchesFilters, TIMELINE_CAP } from '../utils/event-timeline';
import type { EventFilters } from '../utils/event-timeline';

const ROW_HEIGHT = 36;

/** One event's identity in the table (the engine gives events no id). */
const eventKey = (event: EngineEvent) =>
  `${event.timeNano}:${event.Type}:${event.Action}:${event.Actor.ID}`;

export function EventsRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Events');
  return (
    <div className="flex h-full min-h-0 flex-col">
      <PanelErrorBoundary title="The events timeline failed to render">
        <EventsView endpointId={endpointId} />
      </PanelErrorBoundary>
    </div>
  );
}

function EventsView({ endpointId }: { endpointId: string }) {
  const [mode, setMode] = useState<EventsMode>(() => {
    const until = nowSeconds();
    return { kind: 'live', since: until - 3600, until };
  });
  const [filters, setFilters] = useState<EventFilters>({
    type: '',
    action: '',
    object: '',
    hideExec: false,
  });
  const [paused, setPaused] = useState(false);
  // Counts each change of the timeline (it is mutated outside React): the rows' memo key.
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  // Mutable holders kept for the component's life (events arrive outside React).
  const [timeline] = useState(() => new EventTimeline());
  const [pending] = useState<EngineEvent[]>(() => []);
  const [pendingCount, setPendingCount] = useState(0);
  const frame = useRef(0);
  const objectRef = useRef<HTMLInputElement>(null);
  useSlashFocus(objectRef);

  const history = useQuery(
    eventHistoryQueryOptions(endpointId, { since: mode.since, until: mode.until }),
  );

  /** A new window starts a new timeline: its history, then (live) what comes. */
  function changeMode(next: EventsMode) {
    timeline.clear();
    pending.splice(0);
    setPendingCount(0);
    setPaused(false);
    setMode(next);
  }

  useEffect(() => {
    if (!history.data) return;
    timeline.addMany(history.data);
    bump();
  }, [history.data, timeline]);

  const status = useEngineEvents(endpointId, (event) => {
    if (mode.kind !== 'live') return;
    if (paused) {
      pending.push(event);
      setPendingCount(pending.length);
      return;
    }
    timeline.add(event);
    // A burst renders once a frame.
    if (!frame.current)
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        bump();
      });
  });
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  function resume() {
    timeline.addMany(pending);
    pending.splice(0);
    setPendingCount(0);
    setPaused(false);
    bump();
  }

  const rows = useMemo(
    () => timeline.events.filter((event) => matchesFilters(event, filters)).reverse(),
    // `version` changes whenever the timeline does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [timeline, filters, version, mode],
  );
  const columns = useEventColumns(endpointId);
  const table = useDataTable({
    id: 'events',
    columns,
    data: rows,
    getRowId: eventKey,
    defaultSorting: [{ id: 'time', desc: true }],
  });

  return (
    <>
      <PageHeader
        title="Events"
        count={
          rows.length === timeline.events.length
            ? rows.length
            : `${rows.length} of ${timeline.events.length}`
        }
        actions={
          <div className="flex items-center gap-3">
            <LiveBadge mode={mode} paused={paused} socket={status.socket} engine={status.engine} />
            {mode.kind === 'live' &&
              (paused ? (
                <Button size="sm" icon={<Play className="size-3.5" aria-hidden />} onClick={resume}>
                  Resume{pendingCount ? ` (${pendingCount} new)` : ''}
                </Button>
              ) : (
                <Button
                  size="sm"
                  icon={<Pause className="size-3.5" aria-hidden />}
                  onClick={() => setPaused(true)}
                >
                  Pause
                </Button>
              ))}
          </div>
        }
      >
        <div className="flex flex-wrap items-center gap-2">
          <EventFilterBar filters={filters} onFilters={setFilters} objectRef={objectRef} />
          <span className="mx-1 h-5 w-px bg-line" aria-hidden />
          <WindowControls mode={mode} onMode={changeMode} />
          {timeline.events.length > 0 && <ColumnsMenu table={table} label="Events" />}
        </div>
      </PageHeader>
      {history.isPending && timeline.events.length === 0 ? (
        <SkeletonRows rows={8} label="Loading events" />
      ) : history.isError ? (
        <ErrorState
          title="Could not read the event history"
          message={history.error.message}
          onRetry={() => void history.refetch()}
          retrying={history.isFetching}
        />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={<Activity className="size-8" aria-hidden />}
          title={timeline.events.length ? 'No events match' : 'No events yet'}
        >
          {timeline.events.length
            ? 'Change the filters to see others.'
            : mode.kind === 'live'
              ? 'Start, stop or create a container and its events appear here as they happen.'
              : 'Nothing happened in this time range.'}
        </EmptyState>
      ) : (
        <DataTable table={table} label="Events" rowName={eventKey} rowHeight={ROW_HEIGHT} />
      )}
      {timeline.dropped > 0 && (
        <p className="border-t border-line px-6 py-1.5 text-[12px] text-muted">
          Keeping the newest {TIMELINE_CAP.toLocaleString()} events;{' '}
          {timeline.dropped.toLocaleString()} older ones were let go. Narrow the time range to see
          them.
        </p>
      )}
    </>
  );
}
