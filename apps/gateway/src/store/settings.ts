import type { SecuritySettings } from '@berth/api';
import type { Db } from './database';

const DEFAULT_SECURITY: SecuritySettings = { allowedBindPaths: [] };

/** Small admin-editable settings, one JSON value per key. */
export class SettingsStore {
  constructor(private readonly db: Db) {}

  private get<T>(key: string, fallback: T): T {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : fallback;
  }

  private set(key: string, value: unknown): void {
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, JSON.stringify(value));
  }

  security(): SecuritySettings {
    return { ...DEFAULT_SECURITY, ...this.get<Partial<SecuritySettings>>('security', {}) };
  }

  setSecurity(settings: SecuritySettings): void {
    this.set('security', settings);
  }
}
