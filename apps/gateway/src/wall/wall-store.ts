import { randomInt } from 'node:crypto';
import type { Db } from '../store/database';
import { digest, newSecret } from '../auth/secret-token';

export interface WallLayout {
  id: number;
  name: string;
  config: unknown;
  createdAt: number;
  updatedAt: number;
}

export interface WallDevice {
  id: number;
  name: string;
  layoutId: number | null;
  createdAt: number;
  lastSeenAt: number | null;
}

/** Letters and digits a person reads off a TV across a room without mixing them up. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PAIRING_MS = 10 * 60_000;
const MAX_PENDING = 50;

export class WallStore {
  constructor(private readonly db: Db) {}

  // ── layouts ───────────────────────────────────────────────────────────────
  layouts(): WallLayout[] {
    const rows = this.db.prepare('SELECT * FROM wall_layouts ORDER BY name').all() as Array<{
      id: number;
      name: string;
      config: string;
      created_at: number;
      updated_at: number;
    }>;
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      config: JSON.parse(r.config) as unknown,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  layout(id: number): WallLayout | undefined {
    return this.layouts().find((l) => l.id === id);
  }

  saveLayout(id: number | undefined, name: string, config: unknown): WallLayout {
    const now = Date.now();
    if (id === undefined) {
      const info = this.db
        .prepare(
          'INSERT INTO wall_layouts (name, config, created_at, updated_at) VALUES (?, ?, ?, ?)',
        )
        .run(name, JSON.stringify(config), now, now);
      id = Number(info.lastInsertRowid);
    } else {
      this.db
        .prepare('UPDATE wall_layouts SET name = ?, config = ?, updated_at = ? WHERE id = ?')
        .run(name, JSON.stringify(config), now, id);
    }
    const saved = this.layout(id);
    if (!saved) throw new Error('layout vanished right after saving');
    return saved;
  }

  deleteLayout(id: number): boolean {
    return this.db.prepare('DELETE FROM wall_layouts WHERE id = ?').run(id).changes > 0;
  }

  // ── pairing ───────────────────────────────────────────────────────────────
  /** A new pairing: the secret stays with the wall, the code is what it shows. */
  startPairing(): { secret: string; code: string; expiresAt: number } | undefined {
    const now = Date.now();
    this.db.prepare('DELETE FROM wall_pairings WHERE expires_at < ?').run(now);
    const pending = (
      this.db.prepare('SELECT COUNT(*) AS n FROM wall_pairings').get() as { n: number }
    ).n;
    if (pending >= MAX_PENDING) return undefined;
    const secret = newSecret('wall_');
    let code = '';
    do {
      code = Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(
        '',
      );
    } while (this.db.prepare('SELECT 1 FROM wall_pairings WHERE code = ?').get(code));
    const expiresAt = now + PAIRING_MS;
    this.db
      .prepare('INSERT INTO wall_pairings (id, code, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(digest(secret), code, now, expiresAt);
    return { secret, code, expiresAt };
  }

  /** What the wall learns when it asks about its pairing. */
  pairingState(
    secret: string,
  ):
    | { state: 'pending'; code: string; expiresAt: number }
    | { state: 'approved'; deviceUserId: number }
    | { state: 'gone' } {
    const row = this.db.prepare('SELECT * FROM wall_pairings WHERE id = ?').get(digest(secret)) as
      { code: string; expires_at: number; device_user_id: number | null } | undefined;
    if (!row || row.expires_at < Date.now()) return { state: 'gone' };
    if (row.device_user_id !== null) {
      this.db.prepare('DELETE FROM wall_pairings WHERE id = ?').run(digest(secret));
      return { state: 'approved', deviceUserId: row.device_user_id };
    }
    return { state: 'pending', code: row.code, expiresAt: row.expires_at };
  }

  /** Approves the pairing shown as `code`: a device user of role viewer bound to a layout. */
  approve(code: string, name: string, layoutId: number | null): WallDevice | undefined {
    return this.db.transaction(() => {
      const pairing = this.db
        .prepare(
          'SELECT id FROM wall_pairings WHERE code = ? AND expires_at >= ? AND device_user_id IS NULL',
        )
        .get(code.toUpperCase(), Date.now()) as { id: string } | undefined;
      if (!pairing) return undefined;
      const now = Date.now();
      let username = `wall-${
        name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .slice(0, 40) || 'screen'
      }`;
      for (let n = 2; this.db.prepare('SELECT 1 FROM users WHERE username = ?').get(username); n++)
        username = `${username.replace(/-\d+$/, '')}-${n}`;
      // '!' is no argon2 hash: nobody can log in as a device.
      const info = this.db
        .prepare(
          "INSERT INTO users (username, password_hash, role, created_at, kind) VALUES (?, '!', 'viewer', ?, 'device')",
        )
        .run(username, now);
      const userId = Number(info.lastInsertRowid);
      this.db
        .prepare('INSERT INTO wall_devices (user_id, layout_id, created_at) VALUES (?, ?, ?)')
        .run(userId, layoutId, now);
      this.db
        .prepare('UPDATE wall_pairings SET device_user_id = ? WHERE id = ?')
        .run(userId, pairing.id);
      return this.device(userId);
    })();
  }

  // ── devices ───────────────────────────────────────────────────────────────
  devices(): WallDevice[] {
    const rows = this.db
      .prepare(
        `SELECT u.id, u.username AS name, d.layout_id, d.created_at, (SELECT MAX(last_seen_at) FROM sessions s WHERE s.user_id = u.id) AS last_seen
         FROM wall_devices d JOIN users u ON u.id = d.user_id ORDER BY u.username`,
      )
      .all() as Array<{
      id: number;
      name: string;
      layout_id: number | null;
      created_at: number;
      last_seen: number | null;
    }>;
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      layoutId: r.layout_id,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen,
    }));
  }

  device(userId: number): WallDevice | undefined {
    return this.devices().find((d) => d.id === userId);
  }

  /** Revoking deletes the device user; its sessions go with it. */
  revoke(userId: number): boolean {
    if (!this.device(userId)) return false;
    this.db.prepare("DELETE FROM users WHERE id = ? AND kind = 'device'").run(userId);
    return true;
  }
}
