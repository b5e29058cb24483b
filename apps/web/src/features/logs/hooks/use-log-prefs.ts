import { useCallback, useState } from 'react';
import { DEFAULT_CAPACITY } from '../utils/log-store';

export interface LogPrefs {
  timestamps: boolean;
  wrap: boolean;
  /** Lines kept in memory; the oldest go past it. */
  capacity: number;
}

const KEY = 'berth.logs.prefs';
const DEFAULTS: LogPrefs = { timestamps: false, wrap: true, capacity: DEFAULT_CAPACITY };

function load(): LogPrefs {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<LogPrefs>;
    return {
      timestamps: typeof stored.timestamps === 'boolean' ? stored.timestamps : DEFAULTS.timestamps,
      wrap: typeof stored.wrap === 'boolean' ? stored.wrap : DEFAULTS.wrap,
      capacity:
        typeof stored.capacity === 'number' &&
        stored.capacity >= 1000 &&
        stored.capacity <= 5_000_000
          ? stored.capacity
          : DEFAULTS.capacity,
    };
  } catch {
    return DEFAULTS;
  }
}

/** The viewer's display choices, remembered across pages and visits. */
export function useLogPrefs(): [LogPrefs, (change: Partial<LogPrefs>) => void] {
  const [prefs, setPrefs] = useState(load);
  const update = useCallback((change: Partial<LogPrefs>) => {
    setPrefs((current) => {
      const next = { ...current, ...change };
      try {
        localStorage.setItem(KEY, JSON.stringify(next));
      } catch {
        // private mode: this page only
      }
      return next;
    });
  }, []);
  return [prefs, update];
}
