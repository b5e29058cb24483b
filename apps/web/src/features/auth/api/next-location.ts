/** Where to go after logging in: only a path on this site, never the login pages themselves. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return '/';
  // `//evil.example` and `/\evil.example` are other sites to a browser.
  if (next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/^\/(login|setup)(?:[/?#]|$)/.test(next)) return '/';
  return next;
}

export interface LoginSearch {
  /** The page to return to, with its own query string. */
  next?: string;
  /** Set when a request found the session gone (expired, revoked, user disabled). */
  reason?: 'expired';
  /** Why the gateway refused a single sign-on coming back from the provider (plain text). */
  signin?: string;
}

export function parseLoginSearch(search: Record<string, unknown>): LoginSearch {
  const next = safeNext(search.next);
  return {
    ...(next !== '/' ? { next } : {}),
    ...(search.reason === 'expired' ? { reason: 'expired' as const } : {}),
    ...(typeof search.signin === 'string' && search.signin.trim()
      ? { signin: search.signin.trim().slice(0, 300) }
      : {}),
  };
}
