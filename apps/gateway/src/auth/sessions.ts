import type { Db } from '../store/database';
import type { LoginMethod } from '@berth/api';
import { digest, newSecret } from './secret-token';

export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after login, used or not. */
  absoluteMs: number;
}

interface SessionRow {
  id: string;
  user_id: number;
  last_seen_at: number;
  expires_at: number;
  method: LoginMethod;
}

export interface LiveSession {
  userId: number;
  method: LoginMethod;
}

/** Browser sessions, kept in SQLite so they survive a gateway restart. */
export class SessionStore {
  constructor(
    private readonly db: Db,
    readonly policy: SessionPolicy,
  ) {}

  /** Returns the cookie value; only its digest is stored. */
  create(
    userId: number,
    meta: { ip?: string; userAgent?: string },
    login: { method: LoginMethod; idToken?: string } = { method: 'local' },
  ): string {
    const secret = newSecret();
    const now = Date.now();
    this.db
      .prepare(
        'INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, ip, user_agent, method, id_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        digest(secret),
        userId,
        now,
        now,
        now + this.policy.absoluteMs,
        meta.ip ?? null,
        meta.userAgent?.slice(0, 200) ?? null,
        login.method,
        login.idToken ?? null,
      );
    return secret;
  }

  /** The user of a live session and how it was opened (and marks it used), or undefined. */
  resolve(secret: string): LiveSession | undefined {
    const id = digest(secret);
    const row = this.db
      .prepare('SELECT id, user_id, last_seen_at, expires_at, method FROM sessions WHERE id = ?')
      .get(id) as SessionRow | undefined;
    if (!row) return undefined;
    const now = Date.now();
    if (now > row.expires_at || now - row.last_seen_at > this.policy.idleMs) {
      this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
      return undefined;
    }
    // Writing on every request is wasteful; a minute of precision is plenty for idle expiry.
    if (now - row.last_seen_at > 60_000)
      this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(now, id);
    return { userId: row.user_id, method: row.method };
  }

  /** The ID token an OIDC session was opened with, for the provider's end-session request. */
  idToken(secret: string): string | undefined {
    const row = this.db
      .prepare('SELECT id_token FROM sessions WHERE id = ?')
      .get(digest(secret)) as { id_token: string | null } | undefined;
    return row?.id_token ?? undefined;
  }

  revoke(secret: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id = ?').run(digest(secret));
  }

  revokeForUser(userId: number): void {
    this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
  }

  purgeExpired(): void {
    const now = Date.now();
    this.db
      .prepare('DELETE FROM sessions WHERE expires_at < ? OR last_seen_at < ?')
      .run(now, now - this.policy.idleMs);
  }
}
