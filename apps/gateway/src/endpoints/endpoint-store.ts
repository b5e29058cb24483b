import type { Role } from '@berth/api';
import type { SecretBox } from '../secrets/crypto';
import type { Db } from '../store/database';
import type { SshMaterial } from './ssh-tunnel';
import type { TlsMaterial } from './transport';

export interface StoredEndpoint {
  id: string;
  name: string;
  url: string;
  /** More addresses of the same engine (a swarm's other managers), tried in turn. */
  alternates: string[];
  tls: TlsMaterial | undefined;
  ssh: SshMaterial | undefined;
  createdAt: number;
}

interface EndpointRow {
  id: string;
  name: string;
  url: string;
  alternates: string | null;
  tls: string | null;
  ssh: string | null;
  created_at: number;
}

export interface EndpointGrant {
  endpoint: string;
  role: Role;
}

/** Saved engines (TLS material sealed) and the per-endpoint roles of users. */
export class EndpointStore {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  private toStored(row: EndpointRow): StoredEndpoint {
    return {
      id: row.id,
      name: row.name,
      url: row.url,
      alternates: row.alternates ? (JSON.parse(row.alternates) as string[]) : [],
      tls: row.tls ? (JSON.parse(this.box.open(row.tls)) as TlsMaterial) : undefined,
      ssh: row.ssh ? (JSON.parse(this.box.open(row.ssh)) as SshMaterial) : undefined,
      createdAt: row.created_at,
    };
  }

  list(): StoredEndpoint[] {
    return (this.db.prepare('SELECT * FROM endpoints ORDER BY name').all() as EndpointRow[]).map(
      (r) => this.toStored(r),
    );
  }

  get(id: string): StoredEndpoint | undefined {
    const row = this.db.prepare('SELECT * FROM endpoints WHERE id = ?').get(id) as
      EndpointRow | undefined;
    return row && this.toStored(row);
  }

  save(endpoint: Omit<StoredEndpoint, 'createdAt'>): StoredEndpoint {
    const seal = (value: object | undefined) =>
      value ? this.box.seal(JSON.stringify(value)) : null;
    this.db
      .prepare(
        `INSERT INTO endpoints (id, name, url, alternates, tls, ssh, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, url = excluded.url,
           alternates = excluded.alternates, tls = excluded.tls, ssh = excluded.ssh`,
      )
      .run(
        endpoint.id,
        endpoint.name,
        endpoint.url,
        endpoint.alternates.length ? JSON.stringify(endpoint.alternates) : null,
        seal(endpoint.tls),
        seal(endpoint.ssh),
        Date.now(),
      );
    const saved = this.get(endpoint.id);
    if (!saved) throw new Error('endpoint vanished right after saving');
    return saved;
  }

  /** Pins the host key an `ssh://` endpoint showed on its first connection. */
  pinHostKey(id: string, fingerprint: string): void {
    const stored = this.get(id);
    if (!stored || stored.ssh?.hostKey) return;
    this.save({ ...stored, ssh: { ...stored.ssh, hostKey: fingerprint } });
  }

  delete(id: string): boolean {
    this.db.prepare('DELETE FROM user_endpoints WHERE endpoint_id = ?').run(id);
    return this.db.prepare('DELETE FROM endpoints WHERE id = ?').run(id).changes > 0;
  }

  /** A user's per-endpoint roles; none means every endpoint with their own role. */
  grants(userId: number): EndpointGrant[] {
    return this.db
      .prepare(
        'SELECT endpoint_id AS endpoint, role FROM user_endpoints WHERE user_id = ? ORDER BY endpoint_id',
      )
      .all(userId) as EndpointGrant[];
  }

  setGrants(userId: number, grants: readonly EndpointGrant[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM user_endpoints WHERE user_id = ?').run(userId);
      const insert = this.db.prepare(
        'INSERT INTO user_endpoints (user_id, endpoint_id, role) VALUES (?, ?, ?)',
      );
      for (const g of grants) insert.run(userId, g.endpoint, g.role);
    })();
  }
}
