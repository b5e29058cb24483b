import { describe, expect, it } from 'vitest';
import { parseLoginSearch, safeNext } from './next-location';

describe('safeNext', () => {
  it('keeps paths on this site with their query', () => {
    expect(safeNext('/endpoints/local/containers?q=web')).toBe('/endpoints/local/containers?q=web');
  });

  it('refuses other sites, non-paths and the login pages', () => {
    for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example', 'x', 5]) {
      expect(safeNext(next)).toBe('/');
    }
    expect(safeNext('/login?next=/x')).toBe('/');
    expect(safeNext('/setup')).toBe('/');
    expect(safeNext('/logins-report')).toBe('/logins-report');
  });

  it('parses the login search', () => {
    expect(parseLoginSearch({ next: '/tokens', reason: 'expired' })).toEqual({
      next: '/tokens',
      reason: 'expired',
    });
    expect(parseLoginSearch({ next: '//evil', reason: 'nope' })).toEqual({});
    expect(parseLoginSearch({ signin: '  The provider refused.  ' })).toEqual({
      signin: 'The provider refused.',
    });
    expect(parseLoginSearch({ signin: 'x'.repeat(1000) }).signin).toHaveLength(300);
  });
});
