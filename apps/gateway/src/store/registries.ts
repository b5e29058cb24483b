import type { SecretBox } from '../secrets/crypto';
import type { Db } from './database';

export interface RegistrySummary {
  id: number;
  name: string;
  server: string;
  username: string;
  /** Viewers may have these credentials attached to their reads (inspect, search). */
  viewers: boolean;
  createdAt: number;
}

interface RegistryRow {
  id: number;
  name: string;
  server: string;
  username: string;
  secret: string;
  viewers: number;
  created_at: number;
}

const summary = (row: RegistryRow): RegistrySummary => ({
  id: row.id,
  name: row.name,
  server: row.server,
  username: row.username,
  viewers: row.viewers === 1,
  createdAt: row.created_at,
});

/**
 * Saved registry credentials. Passwords are sealed with the SecretBox and only ever leave the
 * gateway in the registry headers it sends to the engine, for that registry's host alone
 * (relay/saved-credentials.ts), or in a `POST /auth` to that registry ("Test login").
 */
export class RegistryStore {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  list(): RegistrySummary[] {
    return (this.db.prepare('SELECT * FROM registries ORDER BY name').all() as RegistryRow[]).map(
      summary,
    );
  }

  byId(id: number): RegistrySummary | undefined {
    const row = this.db.prepare('SELECT * FROM registries WHERE id = ?').get(id) as
      RegistryRow | undefined;
    return row && summary(row);
  }

  create(input: {
    name: string;
    server: string;
    username: string;
    password: string;
    viewers?: boolean;
  }): RegistrySummary {
    const info = this.db
      .prepare(
        'INSERT INTO registries (name, server, username, secret, viewers, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        input.name,
        input.server,
        input.username,
        this.box.seal(input.password),
        input.viewers ? 1 : 0,
        Date.now(),
      );
    const created = this.byId(Number(info.lastInsertRowid));
    if (!created) throw new Error('registry vanished right after insert');
    return created;
  }

  update(
    id: number,
    input: {
      name?: string;
      server?: string;
      username?: string;
      password?: string;
      viewers?: boolean;
    },
  ): void {
    const current = this.db.prepare('SELECT * FROM registries WHERE id = ?').get(id) as
      RegistryRow | undefined;
    if (!current) return;
    this.db
      .prepare(
        'UPDATE registries SET name = ?, server = ?, username = ?, secret = ?, viewers = ? WHERE id = ?',
      )
      .run(
        input.name ?? current.name,
        input.server ?? current.server,
        input.username ?? current.username,
        input.password === undefined ? current.secret : this.box.seal(input.password),
        input.viewers === undefined ? current.viewers : input.viewers ? 1 : 0,
        id,
      );
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM registries WHERE id = ?').run(id).changes > 0;
  }

  /** The engine's AuthConfig for a saved registry (for `POST /auth`), or undefined. */
  credentials(
    id: number,
  ): { username: string; password: string; serveraddress: string } | undefined {
    const row = this.db.prepare('SELECT * FROM registries WHERE id = ?').get(id) as
      RegistryRow | undefined;
    if (!row) return undefined;
    return {
      username: row.username,
      password: this.box.open(row.secret),
      serveraddress: row.server,
    };
  }
}
