import { endpointKeys } from '@berth/api';
import type { ContainerRow, EngineEvent } from '@berth/api';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventCacheSync } from './event-cache-sync';

const ID = 'a'.repeat(64);

function event(Action: string, id = ID, name = 'web'): EngineEvent {
  return {
    Type: 'container',
    Action,
    Actor: { ID: id, Attributes: { name } },
    time: 1,
    timeNano: 1e9,
  };
}

/** Runs scheduled flushes only when the test says the frame came. */
function manualFrames() {
  const queue: Array<() => void> = [];
  return {
    schedule: (run: () => void) => queue.push(run),
    frame: () => queue.splice(0).forEach((run) => run()),
    get pending() {
      return queue.length;
    },
  };
}

afterEach(() => vi.useRealTimers());

describe('createEventCacheSync', () => {
  it('a burst of container events refetches the list once per frame', async () => {
    const client = new QueryClient();
    const frames = manualFrames();
    const sync = createEventCacheSync(client, 'local', frames.schedule);
    const listFn = vi.fn(async () => [] as ContainerRow[]);
    const key = endpointKeys.containerList('local', { all: true });
    await client.fetchQuery({ queryKey: key, queryFn: listFn });
    const spy = vi.spyOn(client, 'invalidateQueries');

    for (let i = 0; i < 50; i++)
      sync.handle(event(i % 2 ? 'start' : 'die', `${i}`.padEnd(64, 'b')));
    expect(frames.pending).toBe(1);
    expect(spy).not.toHaveBeenCalled();
    frames.frame();
    const keys = spy.mock.calls.map(([filters]) => filters?.queryKey);
    expect(keys).toEqual([
      [...endpointKeys.containers('local'), 'list'],
      endpointKeys.info('local'),
    ]);
  });

  it('noise schedules nothing', () => {
    const client = new QueryClient();
    const frames = manualFrames();
    const sync = createEventCacheSync(client, 'local', frames.schedule);
    for (let i = 0; i < 100; i++) {
      sync.handle(event('exec_create: sh -c true'));
      sync.handle(event('exec_start: sh -c true'));
      sync.handle(event('exec_die'));
    }
    expect(frames.pending).toBe(0);
  });

  it('destroy removes the row from every cached list at once', () => {
    const client = new QueryClient();
    const sync = createEventCacheSync(client, 'local', () => undefined);
    const row = { id: ID, name: 'web' } as ContainerRow;
    const other = { id: 'b'.repeat(64), name: 'db' } as ContainerRow;
    client.setQueryData(endpointKeys.containerList('local', { all: true }), [row, other]);
    client.setQueryData(endpointKeys.containerList('local', { all: false }), [row]);
    sync.handle(event('destroy'));
    expect(client.getQueryData(endpointKeys.containerList('local', { all: true }))).toEqual([
      other,
    ]);
    expect(client.getQueryData(endpointKeys.containerList('local', { all: false }))).toEqual([]);
  });

  it('shows a state the event tells at once, before the refetch', () => {
    const client = new QueryClient();
    const sync = createEventCacheSync(client, 'local', () => undefined);
    const key = endpointKeys.containerList('local', { all: true });
    client.setQueryData(key, [{ id: ID, name: 'web', state: 'running', status: 'Up 2 hours' }]);
    client.setQueryData(endpointKeys.container('local', ID), {
      Id: ID,
      State: { Status: 'running', Running: true, Paused: false },
    });
    sync.handle({ ...event('die'), Actor: { ID, Attributes: { name: 'web', exitCode: '137' } } });
    expect(client.getQueryData<ContainerRow[]>(key)?.[0]).toMatchObject({
      state: 'exited',
      status: 'Exited (137) Less than a second ago',
    });
    expect(client.getQueryData(endpointKeys.container('local', ID))).toMatchObject({
      State: { Status: 'exited', Running: false },
    });
  });

  it("refetches a container's inspect one at a time, once more for events during a fetch", async () => {
    const client = new QueryClient();
    const sync = createEventCacheSync(client, 'local', () => undefined);
    const releases: Array<() => void> = [];
    const queryFn = vi.fn(() => new Promise((resolve) => releases.push(() => resolve({ Id: ID }))));
    // The page may name the container by name: it is matched through its data's Id.
    const queryKey = endpointKeys.container('local', 'web2');
    client.setQueryData(queryKey, { Id: ID });
    const observer = new QueryObserver(client, { queryKey, queryFn, staleTime: Infinity });
    const stop = observer.subscribe(() => undefined);

    sync.handle(event('start', ID, 'web'));
    await vi.waitFor(() => expect(queryFn).toHaveBeenCalledTimes(1));
    sync.handle(event('health_status: healthy', ID, 'web'));
    sync.handle(event('pause', ID, 'web'));
    // One fetch in flight: no second concurrent request, and no cancelled one.
    expect(queryFn).toHaveBeenCalledTimes(1);
    releases.shift()?.();
    await vi.waitFor(() => expect(queryFn).toHaveBeenCalledTimes(2));
    releases.shift()?.();
    await vi.waitFor(() => expect(client.getQueryState(queryKey)?.fetchStatus).toBe('idle'));
    expect(queryFn).toHaveBeenCalledTimes(2);
    stop();
  });

  it('leaves other containers and the terminal sub-queries alone', async () => {
    const client = new QueryClient();
    const sync = createEventCacheSync(client, 'local', () => undefined);
    const spy = vi.spyOn(client, 'invalidateQueries');
    client.setQueryData(endpointKeys.container('local', 'other'), { Id: 'c'.repeat(64) });
    client.setQueryData([...endpointKeys.container('local', ID), 'path-exists', '/bin/bash'], true);
    sync.handle(event('stop'));
    expect(spy).not.toHaveBeenCalled();
  });

  it('resync invalidates every subtree events cover', () => {
    const client = new QueryClient();
    const frames = manualFrames();
    const sync = createEventCacheSync(client, 'local', frames.schedule);
    const spy = vi.spyOn(client, 'invalidateQueries');
    sync.resync();
    frames.frame();
    expect(spy.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([
      endpointKeys.containers('local'),
      endpointKeys.images('local'),
      endpointKeys.networks('local'),
      endpointKeys.volumes('local'),
      endpointKeys.info('local'),
      endpointKeys.stacks('local'),
    ]);
  });
});
