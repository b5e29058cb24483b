import { RotateCw } from 'lucide-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Select, TextInput } from '@/components/ui/input';
import type { LogRange } from '../api/log-session';

const TAILS: Array<{ value: string; label: string }> = [
  { value: '100', label: 'Last 100' },
  { value: '1000', label: 'Last 1,000' },
  { value: '10000', label: 'Last 10,000' },
  { value: '100000', label: 'Last 100,000' },
  { value: 'all', label: 'All lines' },
];

const LIMITS = [10_000, 100_000, 1_000_000];

const pad = (n: number) => String(n).padStart(2, '0');

/** Unix seconds → the value of a datetime-local input (local time). */
export function toLocalInput(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  const d = new Date(seconds * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value → unix seconds, or undefined when empty or invalid. */
export function fromLocalInput(value: string): number | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

/**
 * Which lines to read: the last N, since and until a time (an end stops following), and how many
 * to keep in memory. Applying starts the log afresh.
 */
export function RangeControls({
  range,
  capacity,
  onApply,
}: {
  range: LogRange;
  capacity: number;
  onApply: (range: LogRange, capacity: number) => void;
}) {
  const [tail, setTail] = useState(String(range.tail));
  const [since, setSince] = useState(toLocalInput(range.since));
  const [until, setUntil] = useState(toLocalInput(range.until));
  const [limit, setLimit] = useState(String(capacity));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(
      {
        tail: tail === 'all' ? 'all' : Number(tail),
        since: fromLocalInput(since),
        until: fromLocalInput(until),
      },
      Number(limit),
    );
  }

  return (
    <form
      aria-label="Log range"
      onSubmit={submit}
      className="flex flex-wrap items-center gap-x-3 gap-y-2 text-[12.5px] text-muted"
    >
      <label className="flex items-center gap-1.5">
        Lines
        <Select value={tail} onChange={(e) => setTail(e.target.value)} aria-label="Tail">
          {TAILS.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex items-center gap-1.5">
        Since
        <TextInput type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} />
      </label>
      <label className="flex items-center gap-1.5">
        Until
        <TextInput type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
      </label>
      <label className="flex items-center gap-1.5">
        Keep at most
        <Select value={limit} onChange={(e) => setLimit(e.target.value)} aria-label="Line limit">
          {LIMITS.map((n) => (
            <option key={n} value={n}>
              {n.toLocaleString()} lines
            </option>
          ))}
        </Select>
      </label>
      <Button type="submit" size="sm" icon={<RotateCw className="size-3.5" aria-hidden />}>
        Reload logs
      </Button>
      {range.until !== undefined && <span>Until is set: not following new lines.</span>}
    </form>
  );
}
