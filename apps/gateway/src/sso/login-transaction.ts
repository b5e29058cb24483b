import type { SecretBox } from '../secrets/crypto';

/** One sign-in in flight, between the redirect to the provider and its answer. */
export interface LoginTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** A path on Berth to land on afterwards (already checked by safeReturnTo). */
  returnTo: string;
  /** The provider it was started with: a settings change in between voids it. */
  issuer: string;
  clientId: string;
  expiresAt: number;
}

export const TRANSACTION_COOKIE = 'berth_oidc';
/** Long enough to type a password and answer a second factor at the provider. */
export const TRANSACTION_TTL_MS = 10 * 60_000;

/**
 * The transaction rides in a cookie sealed with the SecretBox (AES-GCM): the browser can neither
 * read the PKCE verifier and nonce nor change the return path, and nothing is kept server-side
 * for sign-ins that are never finished.
 */
export function sealTransaction(box: SecretBox, tx: LoginTransaction): string {
  return box.seal(JSON.stringify(tx));
}

export function openTransaction(
  box: SecretBox,
  sealed: string | undefined,
  now = Date.now(),
): LoginTransaction | undefined {
  if (!sealed) return undefined;
  try {
    const tx = JSON.parse(box.open(sealed)) as LoginTransaction;
    return typeof tx.state === 'string' && tx.expiresAt > now ? tx : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where to go after signing in: only a path on Berth itself. `//evil.example`, `/\evil.example`,
 * `https://…` and anything odd become `/` (no open redirect).
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 1000) return '/';
  if (value.startsWith('//') || value.startsWith('/\\')) return '/';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(value)) return '/';
  const base = 'http://berth.invalid';
  const url = new URL(value, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/';
}
