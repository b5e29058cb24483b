import type { StatsSample } from '@berth/api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeSockets } from '@/testing/fake-socket';
import { StatsClient } from './stats-client';
import type { StatsUpdate } from './stats-client';

const flushMicrotasks = () => new Promise<void>((resolve) => queueMicrotask(resolve));

function sample(time: number): StatsSample {
  return {
    time,
    cpuPercent: 12.5,
    memoryUsage: 1e6,
    memoryLimit: 1e9,
    memoryPercent: 0.1,
    netRxBytesPerSec: 1,
    netTxBytesPerSec: 2,
    blockReadBytesPerSec: 3,
    blockWriteBytesPerSec: 4,
    pids: 5,
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('StatsClient', () => {
  it('opens one socket and subscribes everything mounted in one go', async () => {
    const factory = fakeSockets();
    const client = new StatsClient('local', { createSocket: factory.create });
    client.subscribe('a', () => undefined);
    client.subscribe('b', () => undefined);
    client.subscribe('a', () => undefined);
    await flushMicrotasks();
    expect(factory.sockets).toHaveLength(1);
    expect(factory.last.url).toMatch(/\/api\/endpoints\/local\/ws\/stats$/);
    factory.last.open();
    expect(factory.last.sentJson()).toEqual([{ type: 'subscribe', containers: ['a', 'b'] }]);
  });

  it('counts viewers: unsubscribes a container shortly after its last viewer leaves', async () => {
    const factory = fakeSockets();
    const client = new StatsClient('local', { createSocket: factory.create, lingerMs: 1000 });
    const leaveA1 = client.subscribe('a', () => undefined);
    const leaveA2 = client.subscribe('a', () => undefined);
    await flushMicrotasks();
    factory.last.open();
    leaveA1();
    vi.advanceTimersByTime(5000);
    await flushMicrotasks();
    expect(factory.last.sentJson()).toHaveLength(1);
    leaveA2();
    // Scrolling back within the linger keeps the stream.
    vi.advanceTimersByTime(500);
    const leaveA3 = client.subscribe('a', () => undefined);
    vi.advanceTimersByTime(5000);
    await flushMicrotasks();
    expect(factory.last.sentJson()).toHaveLength(1);
    leaveA3();
    vi.advanceTimersByTime(1000);
    await flushMicrotasks();
    expect(factory.last.sentJson()).toEqual([
      { type: 'subscribe', containers: ['a'] },
      { type: 'unsubscribe', containers: ['a'] },
    ]);
    expect(client.subscribed).toEqual([]);
  });

  it('delivers history then samples to the container they are about', async () => {
    const factory = fakeSockets();
    const client = new StatsClient('local', { createSocket: factory.create });
    const updates: StatsUpdate[] = [];
    client.subscribe('a', (update) => updates.push(update));
    await flushMicrotasks();
    factory.last.open();
    factory.last.receive({
      type: 'history',
      container: 'a',
      samples: [sample(1000), sample(2000)],
    });
    factory.last.receive({ type: 'stats', container: 'a', ...sample(3000) });
    factory.last.receive({ type: 'stats', container: 'b', ...sample(3000) });
    factory.last.receive({ type: 'error', container: 'a', message: 'No such container: a' });
    expect(updates.map((u) => u.kind)).toEqual(['history', 'sample', 'error']);
    expect(client.series('a')?.length).toBe(3);
    expect(client.error('a')).toBe('No such container: a');
  });

  it('resubscribes everything after the socket comes back', async () => {
    const factory = fakeSockets();
    const client = new StatsClient('local', { createSocket: factory.create });
    client.subscribe('a', () => undefined);
    client.subscribe('b', () => undefined);
    await flushMicrotasks();
    factory.last.open();
    factory.last.drop();
    vi.advanceTimersByTime(1000);
    expect(factory.sockets).toHaveLength(2);
    factory.last.open();
    expect(factory.last.sentJson()).toEqual([{ type: 'subscribe', containers: ['a', 'b'] }]);
  });

  it('closes the socket when nobody has watched anything for a while', async () => {
    const factory = fakeSockets();
    const client = new StatsClient('local', {
      createSocket: factory.create,
      lingerMs: 100,
      idleCloseMs: 1000,
    });
    const leave = client.subscribe('a', () => undefined);
    await flushMicrotasks();
    factory.last.open();
    leave();
    vi.advanceTimersByTime(100);
    await flushMicrotasks();
    vi.advanceTimersByTime(1000);
    expect(factory.last.closed).toBe(true);
  });
});
