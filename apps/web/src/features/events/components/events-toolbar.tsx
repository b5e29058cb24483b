import { eventWindowSchema, toEventWindow, toLocalInput } from '@berth/api';
import type { EventWindowValues } from '@berth/api';
import { useState } from 'react';
import type { RefObject } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { Form, FormTextField, useZodForm } from '@/components/ui/form';
import { Select, TextInput } from '@/components/ui/input';
import { cn } from '@/lib/cn';
import type { EventFilters } from '../utils/event-timeline';

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

/** Live from some time ago, or a fixed window between two times. */
export type EventsMode =
  { kind: 'live'; since: number; until: number } | { kind: 'range'; since: number; until: number };

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function LiveBadge({
  mode,
  paused,
  socket,
  engine,
}: {
  mode: EventsMode;
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

/** The filters over the timeline: type, action, object, and exec/health noise. */
export function EventFilterBar({
  filters,
  onFilters,
  objectRef,
}: {
  filters: EventFilters;
  onFilters: (filters: EventFilters) => void;
  objectRef: RefObject<HTMLInputElement | null>;
}) {
  return (
    <>
      <Select
        aria-label="Type"
        value={filters.type}
        onChange={(e) => onFilters({ ...filters, type: e.target.value })}
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
        onChange={(e) => onFilters({ ...filters, action: e.target.value })}
        className="w-44"
      />
      <TextInput
        ref={objectRef}
        type="search"
        aria-label="Filter by object"
        placeholder="Object: name, image or ID"
        value={filters.object}
        onChange={(e) => onFilters({ ...filters, object: e.target.value })}
        className="w-60"
      />
      <div className="pl-1">
        <CheckboxField
          label="Hide exec and health checks"
          checked={filters.hideExec}
          onChange={(e) => onFilters({ ...filters, hideExec: e.target.checked })}
        />
      </div>
    </>
  );
}

/** How far back the live view starts, or a window between two times (a zod form). */
export function WindowControls({
  mode,
  onMode,
}: {
  mode: EventsMode;
  onMode: (mode: EventsMode) => void;
}) {
  const [custom, setCustom] = useState(mode.kind === 'range');
  const form = useZodForm(eventWindowSchema, {
    defaultValues: { since: toLocalInput(mode.since), until: toLocalInput(mode.until) },
  });
  const back = mode.until - mode.since;
  const apply = form.handleSubmit((values) =>
    onMode({ kind: 'range', ...toEventWindow(values, nowSeconds()) }),
  );

  return (
    <div className="flex flex-wrap items-center gap-2">
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
        <Form
          form={form}
          aria-label="Events window"
          onSubmit={(event) => void apply(event)}
          className="flex-wrap"
        >
          <div className="flex flex-wrap items-center gap-2 [&_label]:sr-only">
            <FormTextField<EventWindowValues> name="since" label="Since" type="datetime-local" />
            <FormTextField<EventWindowValues> name="until" label="Until" type="datetime-local" />
            <Button type="submit" size="sm">
              Show
            </Button>
          </div>
        </Form>
      )}
    </div>
  );
}
