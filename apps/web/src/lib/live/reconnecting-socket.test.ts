import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReconnectingSocket } from './reconnecting-socket';
import type { SocketState } from './reconnecting-socket';

describe('ReconnectingSocket', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('stays closed, without throwing, where there is no WebSocket at all', () => {
    // A retry that fires after the page (or a unit test's environment) lost its WebSocket: CI
    // saw "WebSocket is not defined" thrown from such a timer.
    vi.stubGlobal('WebSocket', undefined);
    const states: SocketState[] = [];
    const socket = new ReconnectingSocket({
      url: 'ws://gateway/ws/events',
      onMessage: () => undefined,
      onState: (state) => states.push(state),
    });
    expect(socket.state).toBe('closed');
    expect(states).toEqual(['closed']);
    expect(socket.send({ type: 'ping' })).toBe(false);
  });
});
