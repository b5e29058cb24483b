import { describe, expect, it } from 'vitest';
import { parseAuditSearch, toAuditFilters } from './audit-search';

describe('audit search', () => {
  it('keeps known filters and drops the rest', () => {
    expect(
      parseAuditSearch({ user: 'bob', result: 'denied', range: '7d', from: '2026-01-01T00:00' }),
    ).toEqual({ user: 'bob', result: 'denied', range: '7d' });
    expect(parseAuditSearch({ result: 'maybe', range: 'forever', q: '  ' })).toEqual({});
  });

  it('keeps custom times only with the custom range', () => {
    expect(
      parseAuditSearch({ range: 'custom', from: '2026-01-01T08:00', to: 'yesterday' }),
    ).toEqual({ range: 'custom', from: '2026-01-01T08:00' });
  });

  it('turns a relative range into times pinned at now', () => {
    const now = Date.UTC(2026, 0, 2);
    expect(toAuditFilters({ action: 'login' }, now)).toEqual({
      action: 'login',
      user: undefined,
      result: undefined,
      q: undefined,
      from: now - 24 * 60 * 60_000,
      to: now,
    });
    expect(toAuditFilters({ range: 'all' }, now).from).toBeUndefined();
  });
});
