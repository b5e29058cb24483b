import { useCallback, useSyncExternalStore } from 'react';

// Terminal preferences live in localStorage, shared by every terminal and window of this browser
// (a change in one window reaches the others through the `storage` event).

const FONT_SIZE_KEY = 'berth.terminal.fontSize';
/**
 * `dom` turns the WebGL renderer off: for machines whose GPU driver draws badly, and for browser
 * tests, which read the text from the DOM renderer's rows.
 */
const RENDERER_KEY = 'berth.terminal.renderer';

export const FONT_SIZES = [10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24] as const;
export const DEFAULT_FONT_SIZE = 13;

const listeners = new Set<() => void>();
/** This page's choice, which also holds where localStorage can't (private mode). */
let chosenSize: number | null = null;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function fontSize(): number {
  if (chosenSize !== null) return chosenSize;
  const value = Number(read(FONT_SIZE_KEY));
  return (FONT_SIZES as readonly number[]).includes(value) ? value : DEFAULT_FONT_SIZE;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== FONT_SIZE_KEY) return;
    chosenSize = null;
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useTerminalFontSize(): [number, (size: number) => void] {
  const size = useSyncExternalStore(subscribe, fontSize, () => DEFAULT_FONT_SIZE);
  const setSize = useCallback((next: number) => {
    chosenSize = next;
    try {
      localStorage.setItem(FONT_SIZE_KEY, String(next));
    } catch {
      // private mode: the size lasts for this page only
    }
    for (const listener of listeners) listener();
  }, []);
  return [size, setSize];
}

export function webglWanted(): boolean {
  return read(RENDERER_KEY) !== 'dom';
}
