import type { CreatedToken, Role, TokenSummary } from '@berth/api';
import type { Db } from '../store/database';
import { digest, newSecret } from './secret-token';

interface TokenRow {
  id: number;
  name: string;
  role: Role;
  user_id: number;
  owner: string;
  created_at: number;
  last_used_at: number | null;
}

function toSummary(row: TokenRow): TokenSummary {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    owner: row.owner,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

const SELECT =
  'SELECT t.id, t.name, t.role, t.user_id, u.username AS owner, t.created_at, t.last_used_at FROM tokens t JOIN users u ON u.id = t.user_id';

/** API tokens for scripts: shown once, stored as a digest, revocable. */
export class TokenStore {
  constructor(private readonly db: Db) {}

  create(userId: number, name: string, role: Role): CreatedToken {
    const token = newSecret('berth_');
    const info = this.db
      .prepare(
        'INSERT INTO tokens (name, token_hash, role, user_id, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(name, digest(token), role, userId, Date.now());
    const summary = this.byId(Number(info.lastInsertRowid));
    if (!summary) throw new Error('token vanished right after insert');
    return { ...summary, token };
  }

  byId(id: number): TokenSummary | undefined {
    const row = this.db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TokenRow | undefined;
    return row && toSummary(row);
  }

  ownerOf(id: number): number | undefined {
    return (
      this.db.prepare('SELECT user_id FROM tokens WHERE id = ?').get(id) as
        { user_id: number } | undefined
    )?.user_id;
  }

  list(userId?: number): TokenSummary[] {
    const rows =
      userId === undefined
        ? (this.db.prepare(`${SELECT} ORDER BY t.created_at DESC`).all() as TokenRow[])
        : (this.db
            .prepare(`${SELECT} WHERE t.user_id = ? ORDER BY t.created_at DESC`)
            .all(userId) as TokenRow[]);
    return rows.map(toSummary);
  }

  /** The token's id, role and owner when it is valid. */
  resolve(token: string): { id: number; role: Role; userId: number } | undefined {
    const row = this.db
      .prepare('SELECT id, role, user_id, last_used_at FROM tokens WHERE token_hash = ?')
      .get(digest(token)) as
      { id: number; role: Role; user_id: number; last_used_at: number | null } | undefined;
    if (!row) return undefined;
    const now = Date.now();
    if (!row.last_used_at || now - row.last_used_at > 60_000)
      this.db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ?').run(now, row.id);
    return { id: row.id, role: row.role, userId: row.user_id };
  }

  revoke(id: number): boolean {
    return this.db.prepare('DELETE FROM tokens WHERE id = ?').run(id).changes > 0;
  }
}
