import { Channel } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { FakeChannelSocket } from '@/testing/fake-channel-socket';
import { LogSession, logSocketParams } from './log-session';

function setup(sources = [{ id: 'abc', name: 'web' }], range = { tail: 'all' as const }) {
  const sockets: FakeChannelSocket[] = [];
  const session = new LogSession({
    endpointId: 'local',
    sources,
    range,
    createSocket: (url, protocols) => {
      const socket = new FakeChannelSocket(url, protocols);
      sockets.push(socket);
      return socket;
    },
    schedule: (run) => run(),
  });
  session.start();
  return { session, sockets, store: session.store };
}

const ts = (second: number, text: string) =>
  `2024-05-01T12:00:${String(second).padStart(2, '0')}.000000001Z ${text}\n`;

describe('logSocketParams', () => {
  it('names a container by default, and a swarm service or task when the source says so', () => {
    const container = logSocketParams('c1', { tail: 10 });
    expect(container.get('container')).toBe('c1');
    const service = logSocketParams('svc1', { tail: 'all', until: 5 }, undefined, 'service');
    expect([service.get('service'), service.has('container'), service.get('follow')]).toEqual([
      'svc1',
      false,
      '0',
    ]);
    expect(logSocketParams('t1', { tail: 1 }, 3, 'task').get('task')).toBe('t1');
  });
});

describe('LogSession', () => {
  it('asks the gateway for timestamps and follows unless an end is set', () => {
    const { sockets } = setup([{ id: 'abc', name: 'web' }], { tail: 'all' });
    const url = new URL(sockets[0]!.url);
    expect(url.pathname).toBe('/api/endpoints/local/ws/logs');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      container: 'abc',
      follow: '1',
      // All lines: the newest first, the older ones read after (see below).
      tail: '5000',
      timestamps: '1',
    });
    expect(sockets[0]!.protocols).toEqual(['berth.channel.v1']);
    const ranged = setup([{ id: 'abc', name: 'web' }], {
      tail: 'all',
      since: 10,
      until: 20,
    } as never);
    expect(new URL(ranged.sockets[0]!.url).searchParams.get('follow')).toBe('0');
    expect(new URL(ranged.sockets[0]!.url).searchParams.get('until')).toBe('20');
  });

  it('stores stdout and stderr lines with their times, timestamps stripped', () => {
    const { sockets, store, session } = setup();
    sockets[0]!.open();
    sockets[0]!.receive(1, ts(1, 'hello') + ts(2, 'wor').trimEnd());
    sockets[0]!.receive(2, ts(3, 'oops'));
    expect(store.length).toBe(2);
    expect(store.at(0)).toMatchObject({ text: 'hello', stream: 1 });
    expect(store.at(1)).toMatchObject({ text: 'oops', stream: 2 });
    sockets[0]!.receive(1, 'ld\n');
    expect(store.at(2)).toMatchObject({ text: 'world', stream: 1 });
    expect(session.statuses[0]).toEqual({ state: 'streaming' });
  });

  it('acks processed bytes at least every 64 KiB', () => {
    const { sockets } = setup();
    sockets[0]!.open();
    const line = ts(1, 'x'.repeat(1000));
    for (let i = 0; i < 100; i++) sockets[0]!.receive(1, line);
    const acks = sockets[0]!.acks();
    expect(acks.length).toBeGreaterThanOrEqual(1);
    for (const bytes of acks) expect(bytes).toBeGreaterThanOrEqual(64 * 1024);
  });

  it('reports an error status in the gateway’s words', () => {
    const { sockets, session } = setup();
    sockets[0]!.open();
    sockets[0]!.receive(Channel.status, { type: 'error', message: 'No such container: abc' });
    sockets[0]!.serverClose(1000);
    expect(session.statuses[0]).toEqual({ state: 'error', message: 'No such container: abc' });
  });

  it('merges several containers by time, each line tagged with its source', () => {
    const { sockets, store } = setup([
      { id: 'a', name: 'web' },
      { id: 'b', name: 'db' },
    ]);
    sockets[0]!.open();
    sockets[1]!.open();
    sockets[0]!.receive(1, ts(1, 'a1') + ts(3, 'a3'));
    sockets[1]!.receive(1, ts(2, 'b2') + ts(4, 'b4'));
    const lines = Array.from({ length: store.length }, (_, i) => store.at(i)!);
    expect(lines.map((l) => `${l.source}:${l.text}`)).toEqual(['0:a1', '1:b2', '0:a3', '1:b4']);
  });

  it('resumes after the container restarts without repeating lines', () => {
    const { sockets, store, session } = setup();
    sockets[0]!.open();
    sockets[0]!.receive(1, ts(1, 'one') + ts(2, 'two'));
    sockets[0]!.serverClose(1000);
    expect(session.statuses[0]).toEqual({ state: 'ended' });
    session.resume(0);
    // sockets[1] read the older lines (none); the resumed stream is the last one.
    const resumed = sockets[sockets.length - 1]!;
    expect(sockets).toHaveLength(3);
    expect(new URL(resumed.url).searchParams.get('since')).toMatch(/^\d+$/);
    resumed.open();
    resumed.receive(1, ts(1, 'one') + ts(2, 'two') + ts(5, 'five'));
    expect(Array.from({ length: store.length }, (_, i) => store.textAt(i))).toEqual([
      'one',
      'two',
      'five',
    ]);
  });

  describe('"All lines" as the newest first, then older lines', () => {
    /** Lines at 12:00:ss.nnnnnnnnn. */
    const at = (second: number, nanos: number, text: string) =>
      `2024-05-01T12:00:${String(second).padStart(2, '0')}.${String(nanos).padStart(9, '0')}Z ${text}\n`;
    const texts = (store: { length: number; textAt(i: number): string }) =>
      Array.from({ length: store.length }, (_, i) => store.textAt(i));

    it('follows a bounded tail, then reads up to the first shown line without following', () => {
      const { sockets } = setup();
      expect(new URL(sockets[0]!.url).searchParams.get('tail')).toBe('5000');
      sockets[0]!.open();
      expect(sockets).toHaveLength(1);
      sockets[0]!.receive(1, at(5, 120, 'tail 1') + at(6, 0, 'tail 2'));
      expect(sockets).toHaveLength(2);
      const older = new URL(sockets[1]!.url).searchParams;
      expect(Object.fromEntries(older)).toMatchObject({ follow: '0', tail: 'all' });
      // The exact nanosecond of the first shown line (a ms double would round it).
      expect(older.get('until')).toBe(`${Date.UTC(2024, 4, 1, 12, 0, 5) / 1000}.000000120`);
    });

    it('inserts older lines above the tail, dropping at the seam exactly the lines it showed', () => {
      const { sockets, store, session } = setup();
      sockets[0]!.open();
      // The tail starts inside a run of three lines stamped alike: it shows the last two.
      sockets[0]!.receive(1, at(9, 7, 'run b') + at(9, 7, 'run c') + at(10, 0, 'newest'));
      sockets[1]!.open();
      sockets[1]!.receive(1, at(1, 0, 'first') + at(2, 0, 'second') + at(9, 7, 'run a'));
      expect(session.backfill).toMatchObject({ state: 'loading' });
      sockets[1]!.receive(1, at(9, 7, 'run b') + at(9, 7, 'run c'));
      // The engine's `until` includes the seam's time; the stream then ends.
      sockets[1]!.serverClose(1000);
      expect(texts(store)).toEqual(['first', 'second', 'run a', 'run b', 'run c', 'newest']);
      expect(session.backfill).toMatchObject({ state: 'done', loaded: 3 });
      // New lines keep coming below while and after the older ones arrive.
      sockets[0]!.receive(2, at(11, 0, 'later'));
      expect(texts(store).slice(-2)).toEqual(['newest', 'later']);
    });

    it('adds nothing when the tail held the whole log', () => {
      const { sockets, store, session } = setup();
      sockets[0]!.open();
      sockets[0]!.receive(1, at(1, 0, 'only') + at(2, 0, 'two'));
      sockets[1]!.open();
      sockets[1]!.receive(1, at(1, 0, 'only'));
      sockets[1]!.serverClose(1000);
      expect(texts(store)).toEqual(['only', 'two']);
      expect(session.backfill).toMatchObject({ state: 'done', loaded: 0 });
    });

    it('stops at the first line past the seam when the engine sends more', () => {
      const { sockets, store } = setup();
      sockets[0]!.open();
      sockets[0]!.receive(1, at(3, 0, 'shown'));
      sockets[1]!.open();
      sockets[1]!.receive(1, at(1, 0, 'old') + at(3, 0, 'shown') + at(4, 0, 'newer'));
      expect(sockets[1]!.closedWith).not.toBeNull();
      expect(texts(store)).toEqual(['old', 'shown']);
    });

    it('can be stopped, and stops when the viewer closes', () => {
      const { sockets, session } = setup();
      sockets[0]!.open();
      sockets[0]!.receive(1, at(3, 0, 'shown'));
      sockets[1]!.open();
      sockets[1]!.receive(1, at(1, 0, 'old'));
      session.stopBackfill();
      expect(sockets[1]!.closedWith).not.toBeNull();
      expect(session.backfill).toMatchObject({ state: 'stopped', loaded: 1 });
      const again = setup();
      again.sockets[0]!.open();
      again.sockets[0]!.receive(1, at(3, 0, 'shown'));
      again.session.stop();
      expect(again.sockets[1]!.closedWith).not.toBeNull();
    });

    it('reads the whole log at once where there is no exact seam: merged, a range end, or off', () => {
      expect(
        new URL(
          setup([
            { id: 'a', name: 'a' },
            { id: 'b', name: 'b' },
          ]).sockets[0]!.url,
        ).searchParams.get('tail'),
      ).toBe('all');
      const off = new LogSession({
        endpointId: 'local',
        sources: [{ id: 'abc', name: 'web' }],
        range: { tail: 'all' },
        backfill: false,
        createSocket: (url, protocols) => new FakeChannelSocket(url, protocols),
      });
      expect(off.backfills).toBe(false);
      expect(
        setup([{ id: 'abc', name: 'web' }], { tail: 'all', until: 9 } as never).session.backfills,
      ).toBe(false);
    });
  });
});
