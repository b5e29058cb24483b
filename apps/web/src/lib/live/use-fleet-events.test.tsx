import type { EngineEvent } from '@berth/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeSockets } from '@/testing/fake-socket';
import { liveEndpoint } from './live-endpoint';
import { describeEvent, useFleetEvents } from './use-fleet-events';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const event = (name: string, action = 'start', time = 1): EngineEvent => ({
  Type: 'container',
  Action: action,
  Actor: { ID: `${name}-id`, Attributes: { name } },
  time,
  timeNano: time * 1e9,
});

function setup(ids: string[]) {
  const client = new QueryClient();
  const factories = Object.fromEntries(
    ids.map((id) => {
      const factory = fakeSockets();
      // the registry keeps the first options given: these fake sockets
      liveEndpoint(client, id, { createSocket: factory.create, schedule: (run) => run() });
      return [id, factory];
    }),
  );
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const hook = renderHook(() => useFleetEvents(ids, { capacity: 3, throttleMs: 100 }), {
    wrapper,
  });
  return { hook, factories };
}

describe('useFleetEvents', () => {
  it('merges the endpoints’ events newest first in a bounded ring, without the noise', () => {
    const { hook, factories } = setup(['a', 'b']);
    const a = factories.a?.last;
    const b = factories.b?.last;
    if (!a || !b) throw new Error('no sockets');
    act(() => {
      a.open();
      b.open();
      a.receive({ type: 'engine', status: 'up' });
      vi.advanceTimersByTime(1);
    });
    expect(hook.result.current.live).toBe(false);
    act(() => {
      b.receive({ type: 'engine', status: 'up' });
    });
    expect(hook.result.current.live).toBe(true);

    act(() => {
      a.receive({ type: 'event', event: event('web') });
      b.receive({ type: 'event', event: event('db', 'exec_start: sh') });
      b.receive({ type: 'event', event: event('db', 'die') });
      vi.advanceTimersByTime(100);
    });
    expect(hook.result.current.events.map((e) => `${e.endpointId}:${e.event.Action}`)).toEqual([
      'b:die',
      'a:start',
    ]);
    act(() => {
      a.receive({ type: 'event', event: event('cache', 'health_status: unhealthy') });
      for (let i = 0; i < 5; i++) b.receive({ type: 'event', event: event(`job-${i}`) });
      vi.advanceTimersByTime(100);
    });
    const shown = hook.result.current.events;
    expect(shown.map((e) => `${e.endpointId}:${e.event.Actor.Attributes.name}`)).toEqual([
      'b:job-4',
      'b:job-3',
      'b:job-2',
    ]);
    expect(describeEvent(event('cache', 'health_status: unhealthy'))).toEqual({
      subject: 'cache',
      action: 'unhealthy',
    });

    act(() => b.drop());
    expect(hook.result.current.live).toBe(false);
    hook.unmount();
    act(() => vi.advanceTimersByTime(2000));
    expect(a.closed).toBe(true);
  });
});
