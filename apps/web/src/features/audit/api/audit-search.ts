import type { AuditEntry, AuditFilters } from '@berth/api';

export const AUDIT_RANGES = {
  '1h': { label: 'Last hour', ms: 60 * 60_000 },
  '24h': { label: 'Last 24 hours', ms: 24 * 60 * 60_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 24 * 60 * 60_000 },
  '30d': { label: 'Last 30 days', ms: 30 * 24 * 60 * 60_000 },
  all: { label: 'All time', ms: null },
  custom: { label: 'Custom range', ms: null },
} as const;

export type AuditRange = keyof typeof AUDIT_RANGES;

/** The audit page's filters as they stand in the URL, so a view can be shared. */
export interface AuditSearch {
  user?: string;
  action?: string;
  result?: AuditEntry['result'];
  range?: AuditRange;
  /** `datetime-local` values (local time), only with `range=custom`. */
  from?: string;
  to?: string;
  q?: string;
}

const RESULTS = ['ok', 'denied', 'error'] as const;

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function localTime(value: unknown): string | undefined {
  const t = text(value);
  return t && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(t) ? t : undefined;
}

export function parseAuditSearch(search: Record<string, unknown>): AuditSearch {
  const out: AuditSearch = {};
  const user = text(search.user);
  const action = text(search.action);
  const q = text(search.q);
  if (user) out.user = user;
  if (action) out.action = action;
  if (q) out.q = q;
  if (RESULTS.includes(search.result as (typeof RESULTS)[number]))
    out.result = search.result as AuditEntry['result'];
  if (typeof search.range === 'string' && search.range in AUDIT_RANGES && search.range !== '24h')
    out.range = search.range as AuditRange;
  if (out.range === 'custom') {
    const from = localTime(search.from);
    const to = localTime(search.to);
    if (from) out.from = from;
    if (to) out.to = to;
  }
  return out;
}

/** The last 24 hours unless the URL says otherwise: a busy log is large. */
export function rangeOf(search: AuditSearch): AuditRange {
  return search.range ?? '24h';
}

export function isFiltered(search: AuditSearch): boolean {
  return Boolean(search.user || search.action || search.result || search.q || search.range);
}

function localToMs(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The gateway's filters for this search at `now`. The upper bound is pinned to `now` so that
 * entries written while the user scrolls do not shift the pages under them.
 */
export function toAuditFilters(search: AuditSearch, now: number): AuditFilters {
  const range = rangeOf(search);
  const span = AUDIT_RANGES[range].ms;
  const from = range === 'custom' ? localToMs(search.from) : span === null ? undefined : now - span;
  const customTo = range === 'custom' ? localToMs(search.to) : undefined;
  return {
    user: search.user,
    action: search.action,
    result: search.result,
    q: search.q,
    from,
    // A `to` of a whole minute means "up to the end of that minute".
    to: customTo !== undefined ? Math.min(customTo + 59_999, now) : now,
  };
}
