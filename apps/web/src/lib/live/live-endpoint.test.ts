import { endpointKeys, gatewayKeys } from '@berth/api';
import type { EndpointSummary } from '@berth/api';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeSockets } from '@/testing/fake-socket';
import { LiveEndpoint } from './live-endpoint';

const endpoint = {
  id: 'local',
  name: 'local',
  url: 'unix:///var/run/docker.sock',
  kind: 'docker',
  apiVersion: '1.47',
  engineVersion: '27.0',
  status: 'up',
  error: null,
  checkedAt: null,
  latencyMs: null,
  demo: false,
  source: 'environment',
  tls: false,
} as EndpointSummary;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: 5000 } } });
  client.setQueryData(gatewayKeys.endpoints(), [endpoint]);
  const factory = fakeSockets();
  const live = new LiveEndpoint(client, 'local', {
    createSocket: factory.create,
    schedule: (run) => run(),
  });
  return { client, factory, live };
}

describe('LiveEndpoint', () => {
  it('connects when retained and closes a moment after the last release', () => {
    const { factory, live } = setup();
    expect(factory.sockets).toHaveLength(0);
    const release = live.retain();
    expect(factory.last.url).toMatch(/\/api\/endpoints\/local\/ws\/events$/);
    release();
    const again = live.retain();
    vi.advanceTimersByTime(5000);
    expect(factory.last.closed).toBe(false);
    again();
    vi.advanceTimersByTime(5000);
    expect(factory.last.closed).toBe(true);
  });

  it('engine down/up patches the endpoints cache the banner reads', () => {
    const { client, factory, live } = setup();
    live.retain();
    factory.last.open();
    factory.last.receive({ type: 'engine', status: 'down', message: 'Cannot reach the engine.' });
    expect(client.getQueryData<EndpointSummary[]>(gatewayKeys.endpoints())?.[0]).toMatchObject({
      status: 'down',
      error: 'Cannot reach the engine.',
    });
    expect(live.status.engine).toBe('down');
    factory.last.receive({ type: 'engine', status: 'up' });
    expect(client.getQueryData<EndpointSummary[]>(gatewayKeys.endpoints())?.[0]).toMatchObject({
      status: 'up',
      error: null,
    });
  });

  it('while events flow, covered lists never go stale by themselves', () => {
    const { client, factory, live } = setup();
    live.retain();
    factory.last.open();
    const staleTime = () =>
      client.defaultQueryOptions({ queryKey: endpointKeys.containerList('local', { all: true }) })
        .staleTime;
    expect(staleTime()).toBe(5000);
    factory.last.receive({ type: 'engine', status: 'up' });
    expect(staleTime()).toBe(Infinity);
    factory.last.drop();
    expect(staleTime()).toBe(5000);
    expect(live.status.socket).toBe('reconnecting');
  });

  it('hands events to listeners and refreshes the cache after a reconnect', () => {
    const { client, factory, live } = setup();
    live.retain();
    const seen: string[] = [];
    live.subscribe((event) => seen.push(event.Action));
    factory.last.open();
    factory.last.receive({
      type: 'event',
      event: {
        Type: 'container',
        Action: 'start',
        Actor: { ID: 'x', Attributes: {} },
        time: 1,
        timeNano: 1,
      },
    });
    expect(seen).toEqual(['start']);
    const spy = vi.spyOn(client, 'invalidateQueries');
    factory.last.drop();
    vi.advanceTimersByTime(1000);
    factory.last.open();
    factory.last.receive({ type: 'engine', status: 'up' });
    expect(spy.mock.calls.map(([filters]) => filters?.queryKey)).toContainEqual(
      endpointKeys.containers('local'),
    );
  });
});
