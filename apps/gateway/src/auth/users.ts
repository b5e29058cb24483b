import type { Role, UserSummary } from '@berth/api';
import type { Db } from '../store/database';

interface UserRow {
  id: number;
  username: string;
  password_hash: string;
  role: Role;
  disabled: number;
  created_at: number;
  last_login_at: number | null;
  external_id: string | null;
}

export interface User extends UserSummary {
  passwordHash: string;
  /** `oidc:<issuer>#<sub>` or `proxy:<name>` for single sign-on users; null for local ones. */
  externalId: string | null;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
    passwordHash: row.password_hash,
    externalId: row.external_id,
    source:
      row.external_id === null ? 'local' : row.external_id.startsWith('proxy:') ? 'proxy' : 'oidc',
  };
}

export function toSummary({
  passwordHash: _hash,
  externalId: _external,
  ...summary
}: User): UserSummary {
  return summary;
}

export class UserStore {
  constructor(private readonly db: Db) {}

  count(): number {
    return (
      this.db.prepare("SELECT COUNT(*) AS n FROM users WHERE kind = 'person'").get() as {
        n: number;
      }
    ).n;
  }

  /** Active admins: the last one may not be demoted, disabled or deleted. */
  activeAdmins(): number {
    return (
      this.db
        .prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0")
        .get() as { n: number }
    ).n;
  }

  /** People only: paired wall screens are listed with the wall's devices. */
  list(): User[] {
    const rows = this.db
      .prepare("SELECT * FROM users WHERE kind = 'person' ORDER BY username")
      .all() as UserRow[];
    return rows.map(toUser);
  }

  byId(id: number): User | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row && toUser(row);
  }

  byName(username: string): User | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as
      UserRow | undefined;
    return row && toUser(row);
  }

  create(username: string, passwordHash: string, role: Role): User {
    const info = this.db
      .prepare('INSERT INTO users (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)')
      .run(username, passwordHash, role, Date.now());
    const user = this.byId(Number(info.lastInsertRowid));
    if (!user) throw new Error('user vanished right after insert');
    return user;
  }

  byExternalId(externalId: string): User | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE external_id = ?').get(externalId) as
      UserRow | undefined;
    return row && toUser(row);
  }

  /**
   * A user provisioned by single sign-on. The empty password hash never verifies (argon2 refuses
   * it), so such a user can only come in through their provider.
   */
  createExternal(username: string, externalId: string, role: Role): User {
    const info = this.db
      .prepare(
        "INSERT INTO users (username, password_hash, role, created_at, external_id) VALUES (?, '', ?, ?, ?)",
      )
      .run(username, role, Date.now(), externalId);
    const user = this.byId(Number(info.lastInsertRowid));
    if (!user) throw new Error('user vanished right after insert');
    return user;
  }

  /** Creates the first admin only if there is still no user (atomic, so two tabs can't both). */
  createFirstAdmin(username: string, passwordHash: string): User | undefined {
    return this.db.transaction(() =>
      this.count() === 0 ? this.create(username, passwordHash, 'admin') : undefined,
    )();
  }

  update(id: number, changes: { role?: Role; passwordHash?: string; disabled?: boolean }): void {
    if (changes.role !== undefined)
      this.db.prepare('UPDATE users SET role = ? WHERE id = ?').run(changes.role, id);
    if (changes.passwordHash !== undefined)
      this.db
        .prepare('UPDATE users SET password_hash = ? WHERE id = ?')
        .run(changes.passwordHash, id);
    if (changes.disabled !== undefined)
      this.db
        .prepare('UPDATE users SET disabled = ? WHERE id = ?')
        .run(changes.disabled ? 1 : 0, id);
  }

  touchLogin(id: number): void {
    this.db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(Date.now(), id);
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM users WHERE id = ?').run(id);
  }
}
