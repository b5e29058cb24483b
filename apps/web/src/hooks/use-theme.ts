import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { applyTheme, persistTheme, storedTheme, systemTheme } from '@/lib/theme';
import type { Theme } from '@/lib/theme';

// The theme follows the system until the user picks one; the pick is remembered.
const listeners = new Set<() => void>();
let chosen: Theme | null = null;
let initialised = false;

function current(): Theme {
  if (!initialised) {
    chosen = storedTheme();
    initialised = true;
  }
  return chosen ?? systemTheme();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', listener);
  return () => {
    listeners.delete(listener);
    media.removeEventListener('change', listener);
  };
}

export function useTheme() {
  const theme = useSyncExternalStore(subscribe, current, () => 'light' as Theme);

  useEffect(() => applyTheme(theme), [theme]);

  const setTheme = useCallback((next: Theme) => {
    chosen = next;
    persistTheme(next);
    for (const listener of listeners) listener();
  }, []);

  const toggle = useCallback(() => setTheme(current() === 'dark' ? 'light' : 'dark'), [setTheme]);

  return { theme, setTheme, toggle };
}
