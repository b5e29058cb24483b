import { ClipboardAddon } from '@xterm/addon-clipboard';
import type { IClipboardProvider } from '@xterm/addon-clipboard';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { WebglAddon } from '@xterm/addon-webgl';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { Theme } from '@/lib/theme';
import { TERMINAL_FONT_FAMILY, terminalTheme } from '../utils/terminal-theme';
import { webglWanted } from './use-terminal-prefs';

export interface Xterm {
  term: Terminal;
  search: SearchAddon;
  /** Fits rows and columns to the host now (no-op while the host is hidden). */
  fit: () => void;
  /** Which renderer draws: WebGL, or the DOM renderer it falls back to. */
  renderer: () => 'webgl' | 'dom';
  setFontSize: (size: number) => void;
  setTheme: (theme: Theme) => void;
}

/**
 * Programs may set the clipboard with OSC 52 (`printf '\e]52;c;…'`), as in a local terminal; they
 * may never read it: a container has no business with what the user copied elsewhere.
 */
const writeOnlyClipboard: IClipboardProvider = {
  readText: () => '',
  writeText: async (_selection, text) => {
    await navigator.clipboard?.writeText(text).catch(() => undefined);
  },
};

function copyToClipboard(text: string) {
  // Only in a secure context (https or localhost); elsewhere the browser's own copy still works.
  void navigator.clipboard?.writeText(text).catch(() => undefined);
}

/**
 * One xterm.js terminal in `host`, with its addons: fit (following the host's size through a
 * ResizeObserver, debounced), WebGL with a fallback to the DOM renderer, search, web links,
 * Unicode 11 widths, OSC 52 and copy-on-select. Font size and theme follow the props.
 */
export function useXterm(
  host: RefObject<HTMLDivElement | null>,
  options: { fontSize: number; theme: Theme; onSearchShortcut: () => void },
): Xterm | null {
  const [xterm, setXterm] = useState<Xterm | null>(null);
  // The latest options for the terminal's own callbacks, without re-creating it.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const { fontSize, theme } = latest.current;
    const term = new Terminal({
      fontFamily: TERMINAL_FONT_FAMILY,
      fontSize,
      lineHeight: 1.15,
      cursorBlink: true,
      scrollback: 10_000,
      theme: terminalTheme(theme),
      macOptionIsMeta: true,
      // The Unicode 11 width tables live behind the proposed `unicode` API.
      allowProposedApi: true,
    });
    const fitAddon = new FitAddon();
    const search = new SearchAddon({ highlightLimit: 2000 });
    term.loadAddon(fitAddon);
    term.loadAddon(search);
    term.loadAddon(new WebLinksAddon());
    term.loadAddon(new Unicode11Addon());
    term.unicode.activeVersion = '11';
    term.loadAddon(new ClipboardAddon(undefined, writeOnlyClipboard));
    term.open(element);

    let webgl: WebglAddon | null = null;
    if (webglWanted()) {
      try {
        webgl = new WebglAddon();
        // A lost GPU context (driver reset, too many contexts): carry on with the DOM renderer.
        webgl.onContextLoss(() => {
          webgl?.dispose();
          webgl = null;
        });
        term.loadAddon(webgl);
      } catch {
        webgl?.dispose();
        webgl = null;
      }
    }

    term.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown' || !event.ctrlKey || !event.shiftKey) return true;
      if (event.code === 'KeyF') {
        event.preventDefault();
        latest.current.onSearchShortcut();
        return false;
      }
      if (event.code === 'KeyC' && term.hasSelection()) {
        event.preventDefault();
        copyToClipboard(term.getSelection());
        return false;
      }
      // Ctrl+Shift+V: leave it to the browser, whose paste event xterm.js then handles.
      return event.code !== 'KeyV';
    });

    let selectionTimer: ReturnType<typeof setTimeout> | undefined;
    const selection = term.onSelectionChange(() => {
      clearTimeout(selectionTimer);
      selectionTimer = setTimeout(() => {
        if (term.hasSelection()) copyToClipboard(term.getSelection());
      }, 150);
    });

    const fit = () => {
      // Hidden (an inactive tab): no size to fit; the observer fires again when it shows.
      if (element.clientWidth === 0 || element.clientHeight === 0) return;
      try {
        fitAddon.fit();
      } catch {
        // the renderer is not ready yet; the next resize fits
      }
    };
    fit();

    let resizeTimer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(fit, 40);
    });
    observer.observe(element);

    setXterm({
      term,
      search,
      fit,
      renderer: () => (webgl ? 'webgl' : 'dom'),
      setFontSize: (size) => {
        if (term.options.fontSize === size) return;
        term.options.fontSize = size;
        fit();
      },
      setTheme: (next) => {
        term.options.theme = terminalTheme(next);
      },
    });
    return () => {
      observer.disconnect();
      clearTimeout(resizeTimer);
      clearTimeout(selectionTimer);
      selection.dispose();
      term.dispose();
      setXterm(null);
    };
  }, [host]);

  useEffect(() => {
    if (!xterm) return;
    xterm.setFontSize(options.fontSize);
  }, [xterm, options.fontSize]);

  useEffect(() => {
    if (!xterm) return;
    xterm.setTheme(options.theme);
  }, [xterm, options.theme]);

  return xterm;
}
