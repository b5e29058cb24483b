import type { StackVersion, StackVersionSummary } from '@berth/api';
import type { Db } from '../store/database';

interface VersionRow {
  version: number;
  compose: string;
  env: string;
  username: string | null;
  note: string | null;
  created_at: number;
}

const summaryOf = (row: VersionRow): StackVersionSummary => ({
  version: row.version,
  createdAt: row.created_at,
  username: row.username,
  note: row.note,
});

/** Stack files Berth keeps, per endpoint, with every version deployed (who, when, what file). */
export class StackStore {
  constructor(private readonly db: Db) {}

  /** Names of the stacks Berth keeps a file for on this endpoint, with their last deploy time. */
  list(endpointId: string): Array<{ name: string; updatedAt: number }> {
    return (
      this.db
        .prepare('SELECT name, updated_at FROM stacks WHERE endpoint_id = ? ORDER BY name')
        .all(endpointId) as Array<{ name: string; updated_at: number }>
    ).map((row) => ({ name: row.name, updatedAt: row.updated_at }));
  }

  has(endpointId: string, name: string): boolean {
    return Boolean(
      this.db
        .prepare('SELECT 1 FROM stacks WHERE endpoint_id = ? AND name = ?')
        .get(endpointId, name),
    );
  }

  /** Saves a new version (creating the stack on its first) and answers its number. */
  addVersion(
    endpointId: string,
    name: string,
    file: { compose: string; env: string; username: string | null; note?: string | null },
  ): number {
    return this.db.transaction(() => {
      const now = Date.now();
      this.db
        .prepare(
          `INSERT INTO stacks (endpoint_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (endpoint_id, name) DO UPDATE SET updated_at = excluded.updated_at`,
        )
        .run(endpointId, name, now, now);
      const last = this.db
        .prepare('SELECT MAX(version) AS v FROM stack_versions WHERE endpoint_id = ? AND name = ?')
        .get(endpointId, name) as { v: number | null };
      const version = (last.v ?? 0) + 1;
      this.db
        .prepare(
          `INSERT INTO stack_versions (endpoint_id, name, version, compose, env, username, note, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          endpointId,
          name,
          version,
          file.compose,
          file.env,
          file.username,
          file.note ?? null,
          now,
        );
      return version;
    })();
  }

  versions(endpointId: string, name: string): StackVersionSummary[] {
    return (
      this.db
        .prepare(
          'SELECT * FROM stack_versions WHERE endpoint_id = ? AND name = ? ORDER BY version DESC',
        )
        .all(endpointId, name) as VersionRow[]
    ).map(summaryOf);
  }

  /** One version, or the latest when `version` is left out. */
  version(endpointId: string, name: string, version?: number): StackVersion | undefined {
    const row = (
      version === undefined
        ? this.db
            .prepare(
              'SELECT * FROM stack_versions WHERE endpoint_id = ? AND name = ? ORDER BY version DESC LIMIT 1',
            )
            .get(endpointId, name)
        : this.db
            .prepare(
              'SELECT * FROM stack_versions WHERE endpoint_id = ? AND name = ? AND version = ?',
            )
            .get(endpointId, name, version)
    ) as VersionRow | undefined;
    return row && { ...summaryOf(row), compose: row.compose, env: row.env };
  }

  /** Forgets the stack and its history. */
  delete(endpointId: string, name: string): void {
    this.db.prepare('DELETE FROM stacks WHERE endpoint_id = ? AND name = ?').run(endpointId, name);
  }
}
