import { DEFAULT_SECURITY_SETTINGS, type SecuritySettings } from '@berth/api';
import type { Db } from './database';

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
    const saved = this.get<Partial<SecuritySettings>>('security', {});
    return {
      ...DEFAULT_SECURITY_SETTINGS,
      ...saved,
      // Saved before the fetch policy existed: its defaults, field by field.
      engineFetch: { ...DEFAULT_SECURITY_SETTINGS.engineFetch, ...saved.engineFetch },
    };
  }

  setSecurity(settings: SecuritySettings): void {
    this.set('security', settings);
  }
}
