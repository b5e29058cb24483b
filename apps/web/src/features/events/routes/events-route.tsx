import type { EngineEvent } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Activity, Pause, Play } from 'lucide-react';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { EmptyState } from '@/components/ui/empty-state';
import { PanelErrorBoundary } from '@/components/ui/error-boundary';
import { ErrorState } from '@/components/ui/error-state';
import { Select, TextInput } from '@/components/ui/input';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useSlashFocus } from '@/hooks/use-slash-focus';
import { useEngineEvents } from '@/lib/live/use-live-endpoint';
import { cn } from '@/lib/cn';
import { eventHistoryQueryOptions } from '../api/events-queries';
import { EVENT_GRID, EventRow } from '../components/event-row';
import { EventTimeline, matchesFilters, TIMELINE_CAP } from '../utils/event-timeline';
import type { EventFilters } from '../utils/event-timeline';

const ROW_HEIGHT = 36;

const TYPES = [
  'container',
  'image',
  'network',
  'volume',
  'daemon',
  'plugin',
  'service',
  'node',
  'secret',
  'config',
];

const BACK = [
  { seconds: 15 * 60, label: 'Live, from 15 minutes ago' },
  { seconds: 60 * 60, label: 'Live, from 1 hour ago' },
  { seconds: 24 * 60 * 60, label: 'Live, from 24 hours ago' },
];

type Mode =
  { kind: 'live'; since: number; until: number } | { kind: 'range'; since: number; until: number };

const nowSeconds = () => Math.floor(Date.now() / 1000);
const pad = (n: number) => String(n).padStart(2, '0');
function toLocalInput(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
function fromLocalInput(value: string): number | undefined {
  const ms = value ? new Date(value).getTime() : Number.NaN;
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

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
  const [mode, setMode] = useState<Mode>(() => {
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
  const [, bump] = useReducer((n: number) => n + 1, 0);
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
  function changeMode(next: Mode) {
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

  const rows = timeline.events.filter((event) => matchesFilters(event, filters)).reverse();

  return (
    <>
      <div className="flex flex-col gap-3 border-b border-line px-6 pt-5 pb-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="flex items-baseline gap-2 text-[17px] font-semibold text-fg">
            Events
            <span className="text-[13px] font-normal text-muted tabular-nums">
              {rows.length === timeline.events.length
                ? rows.length
                : `${rows.length} of ${timeline.events.length}`}
            </span>
          </h1>
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
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Select
            aria-label="Type"
            value={filters.type}
            onChange={(e) => setFilters({ ...filters, type: e.target.value })}
          >
            <option value="">All types</option>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </Select>
          <TextInput
            type="search"
            aria-label="Filter by action"
            placeholder="Action (start, die…)"
            value={filters.action}
            onChange={(e) => setFilters({ ...filters, action: e.target.value })}
            className="w-44"
          />
          <TextInput
            ref={objectRef}
            type="search"
            aria-label="Filter by object"
            placeholder="Object: name, image or ID"
            value={filters.object}
            onChange={(e) => setFilters({ ...filters, object: e.target.value })}
            className="w-60"
          />
          <div className="pl-1">
            <CheckboxField
              label="Hide exec and health checks"
              checked={filters.hideExec}
              onChange={(e) => setFilters({ ...filters, hideExec: e.target.checked })}
            />
          </div>
          <span className="mx-1 h-5 w-px bg-line" aria-hidden />
          <WindowControls mode={mode} onMode={changeMode} />
        </div>
      </div>
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
        <EventTable rows={rows} endpointId={endpointId} />
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

function LiveBadge({
  mode,
  paused,
  socket,
  engine,
}: {
  mode: Mode;
  paused: boolean;
  socket: string;
  engine: string;
}) {
  const live = mode.kind === 'live' && socket === 'open' && engine === 'up';
  const text =
    mode.kind === 'range'
      ? 'History'
      : paused
        ? 'Paused'
        : live
          ? 'Live'
          : socket === 'reconnecting'
            ? 'Reconnecting…'
            : engine === 'down'
              ? 'Engine unreachable'
              : 'Connecting…';
  return (
    <span role="status" className="flex items-center gap-1.5 text-[12.5px] text-muted">
      <span
        aria-hidden
        className={cn(
          'size-2 rounded-full',
          live && !paused ? 'animate-pulse bg-emerald-500' : 'bg-zinc-400',
        )}
      />
      {text}
    </span>
  );
}

function WindowControls({ mode, onMode }: { mode: Mode; onMode: (mode: Mode) => void }) {
  const [custom, setCustom] = useState(mode.kind === 'range');
  const [since, setSince] = useState(toLocalInput(mode.since));
  const [until, setUntil] = useState(toLocalInput(mode.until));
  const back = mode.until - mode.since;

  function apply(event: FormEvent) {
    event.preventDefault();
    const from = fromLocalInput(since);
    const to = fromLocalInput(until) ?? nowSeconds();
    if (from !== undefined && from < to) onMode({ kind: 'range', since: from, until: to });
  }

  return (
    <form aria-label="Events window" onSubmit={apply} className="flex flex-wrap items-center gap-2">
      <Select
        aria-label="Time range"
        value={custom ? 'custom' : String(back)}
        onChange={(e) => {
          if (e.target.value === 'custom') {
            setCustom(true);
            return;
          }
          setCustom(false);
          const until = nowSeconds();
          onMode({ kind: 'live', since: until - Number(e.target.value), until });
        }}
      >
        {BACK.map((b) => (
          <option key={b.seconds} value={b.seconds}>
            {b.label}
          </option>
        ))}
        <option value="custom">Between two times…</option>
      </Select>
      {custom && (
        <>
          <TextInput
            type="datetime-local"
            aria-label="Since"
            value={since}
            onChange={(e) => setSince(e.target.value)}
          />
          <TextInput
            type="datetime-local"
            aria-label="Until"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
          />
          <Button type="submit" size="sm">
            Show
          </Button>
        </>
      )}
    </form>
  );
}

function EventTable({ rows, endpointId }: { rows: EngineEvent[]; endpointId: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const header = useMemo(
    () =>
      ['Time', 'Type', 'Action', 'Object', 'Details'].map((label, i) => (
        <div key={label} role="columnheader" className={i === 0 ? 'px-4' : 'px-3'}>
          {label}
        </div>
      )),
    [],
  );
  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto" data-testid="events-scroll">
      <div
        role="table"
        aria-label="Events"
        aria-rowcount={rows.length + 1}
        className="min-w-[900px]"
      >
        <div role="rowgroup" className="sticky top-0 z-10">
          <div
            role="row"
            aria-rowindex={1}
            className={cn(
              EVENT_GRID,
              'h-9 items-center border-b border-line bg-subtle/95 text-[12px] font-medium text-muted backdrop-blur',
            )}
          >
            {header}
          </div>
        </div>
        <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const event = rows[item.index];
            if (!event) return null;
            return (
              <EventRow
                key={`${event.timeNano}:${event.Type}:${event.Action}:${event.Actor.ID}`}
                event={event}
                endpointId={endpointId}
                index={item.index}
                start={item.start}
                height={ROW_HEIGHT}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
