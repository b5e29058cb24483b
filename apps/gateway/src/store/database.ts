import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Schema changes, applied in order once each (tracked in `PRAGMA user_version`). Append only:
 * never edit a migration that has shipped.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE users (
     id INTEGER PRIMARY KEY,
     username TEXT NOT NULL UNIQUE COLLATE NOCASE,
     password_hash TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'viewer')),
     disabled INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL,
     last_login_at INTEGER
   );
   CREATE TABLE sessions (
     id TEXT PRIMARY KEY,            -- sha256 of the cookie value; the value itself is never stored
     user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     created_at INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,    -- absolute expiry
     ip TEXT,
     user_agent TEXT
   );
   CREATE INDEX sessions_user ON sessions(user_id);
   CREATE TABLE tokens (
     id INTEGER PRIMARY KEY,
     name TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE, -- sha256 of the token
     role TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'viewer')),
     user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     created_at INTEGER NOT NULL,
     last_used_at INTEGER
   );
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY,
     time INTEGER NOT NULL,
     username TEXT,
     role TEXT,
     ip TEXT,
     endpoint TEXT,
     action TEXT NOT NULL,
     target TEXT,
     status INTEGER NOT NULL,
     result TEXT NOT NULL,
     detail TEXT
   );
   CREATE INDEX audit_time ON audit(time);
   CREATE TABLE settings (
     key TEXT PRIMARY KEY,
     value TEXT NOT NULL
   );
   CREATE TABLE registries (
     id INTEGER PRIMARY KEY,
     name TEXT NOT NULL UNIQUE,
     server TEXT NOT NULL,
     username TEXT NOT NULL,
     secret TEXT NOT NULL,           -- AES-256-GCM sealed password, see secrets/crypto.ts
     created_at INTEGER NOT NULL
   );`,
  // Engines added in the UI/API (the one from DOCKER_HOST is not stored), and per-endpoint roles.
  `CREATE TABLE endpoints (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     url TEXT NOT NULL,
     tls TEXT,                       -- sealed JSON {verify, ca, cert, key}, see secrets/crypto.ts
     created_at INTEGER NOT NULL
   );
   CREATE TABLE user_endpoints (
     user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     endpoint_id TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'viewer')),
     PRIMARY KEY (user_id, endpoint_id)
   );`,
  // Wall mode: named layouts, and wall screens paired to one (a device is a viewer "user" of
  // kind 'device' with no password; its session is an ordinary session, revoked by deleting it).
  `ALTER TABLE users ADD COLUMN kind TEXT NOT NULL DEFAULT 'person';
   CREATE TABLE wall_layouts (
     id INTEGER PRIMARY KEY,
     name TEXT NOT NULL UNIQUE,
     config TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE wall_devices (
     user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
     layout_id INTEGER REFERENCES wall_layouts(id) ON DELETE SET NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE wall_pairings (
     id TEXT PRIMARY KEY,            -- sha256 of the secret only the wall knows
     code TEXT NOT NULL UNIQUE,      -- what the wall shows and the admin types
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     device_user_id INTEGER REFERENCES users(id) ON DELETE CASCADE
   );`,
  // ssh:// endpoints: key, passphrase and pinned host key.
  `ALTER TABLE endpoints ADD COLUMN ssh TEXT; -- sealed JSON {privateKey, passphrase, hostKey}`,
  // Saved registries whose credentials viewers' reads (inspect, search) may use.
  `ALTER TABLE registries ADD COLUMN viewers INTEGER NOT NULL DEFAULT 0;`,
  // Compose stacks Berth deployed, per endpoint, with every deployed version of their files.
  `CREATE TABLE stacks (
     endpoint_id TEXT NOT NULL,
     name TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (endpoint_id, name)
   );
   CREATE TABLE stack_versions (
     endpoint_id TEXT NOT NULL,
     name TEXT NOT NULL,
     version INTEGER NOT NULL,
     compose TEXT NOT NULL,
     env TEXT NOT NULL,
     username TEXT,
     note TEXT,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (endpoint_id, name, version),
     FOREIGN KEY (endpoint_id, name) REFERENCES stacks(endpoint_id, name) ON DELETE CASCADE
   );`,
  // More addresses of an endpoint's engine (a swarm's other managers), for fail-over.
  `ALTER TABLE endpoints ADD COLUMN alternates TEXT; -- JSON array of unix:// or tcp:// URLs`,
  // Single sign-on: users from an OpenID provider or a forward-auth proxy are found by the
  // provider's own key (issuer + subject), not by a name that could collide with a local user;
  // sessions remember how they were opened, and an OIDC session its ID token for the provider's
  // logout (a hint only: it opens nothing in Berth).
  `ALTER TABLE users ADD COLUMN external_id TEXT;
   CREATE UNIQUE INDEX users_external_id ON users(external_id) WHERE external_id IS NOT NULL;
   ALTER TABLE sessions ADD COLUMN method TEXT NOT NULL DEFAULT 'local';
   ALTER TABLE sessions ADD COLUMN id_token TEXT;`,
];

export function openDatabase(dataDir: string, file = 'berth.db'): Db {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(join(dataDir, file));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
