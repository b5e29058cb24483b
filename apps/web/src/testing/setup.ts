import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom lacks these; the router's scroll restoration and the theme hook call them.
window.scrollTo = () => {};
window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  }) satisfies MediaQueryList;

// Live sockets (events, stats) must not reach for a server in unit tests: this one is refused
// at once, as by a gateway without websockets, so lists read the engine lists (the live model's
// fallback) from the test's fetch. Tests of the sockets themselves inject fakes.
class RefusedWebSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readyState = 0;
  binaryType: BinaryType = 'blob';
  bufferedAmount = 0;
  protocol = '';
  extensions = '';
  onopen = null;
  onmessage = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror = null;
  constructor(readonly url: string) {
    super();
    setTimeout(() => {
      if (this.readyState === 3) return;
      this.readyState = 3;
      this.onclose?.(new CloseEvent('close', { code: 1006 }));
    }, 0);
  }
  send() {}
  close() {
    this.readyState = 3;
  }
}
globalThis.WebSocket = RefusedWebSocket as unknown as typeof WebSocket;

afterEach(() => cleanup());
