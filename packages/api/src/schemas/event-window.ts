import { z } from 'zod';

/** A `datetime-local` value (local time, no zone) as Unix seconds; undefined when empty or bad. */
export function fromLocalInput(value: string): number | undefined {
  const ms = value ? new Date(value).getTime() : Number.NaN;
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Unix seconds as a `datetime-local` value in the browser's zone. */
export function toLocalInput(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The events page's "between two times" window; an empty Until means now. */
export const eventWindowSchema = z
  .object({ since: z.string(), until: z.string() })
  .superRefine((values, ctx) => {
    const since = fromLocalInput(values.since);
    if (since === undefined) {
      ctx.addIssue({ code: 'custom', path: ['since'], message: 'Enter when the window starts.' });
      return;
    }
    if (values.until && fromLocalInput(values.until) === undefined)
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'Enter a valid time, or none.' });
    else if (values.until && since >= (fromLocalInput(values.until) ?? 0))
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'Until must be after Since.' });
  });

export type EventWindowValues = z.input<typeof eventWindowSchema>;

/** The window in Unix seconds (`now` when Until is empty). */
export function toEventWindow(
  values: EventWindowValues,
  now: number,
): { since: number; until: number } {
  return {
    since: fromLocalInput(values.since) ?? now,
    until: fromLocalInput(values.until) ?? now,
  };
}
