import { describe, expect, it } from 'vitest';
import { compileSearch, LogSearch, matchRanges } from './log-search';
import { LogStore, STDOUT } from './log-store';

/** Runs queued slices on demand. */
function manual() {
  const queue: Array<() => void> = [];
  return {
    schedule: (run: () => void) => queue.push(run),
    runAll() {
      while (queue.length) queue.shift()!();
    },
  };
}

function compiled(text: string, regex = false, matchCase = false) {
  const result = compileSearch({ text, regex, matchCase });
  if (!result?.ok) throw new Error('bad query');
  return result;
}

function numbered(count: number, capacity = count): LogStore {
  const store = new LogStore(capacity);
  for (let i = 1; i <= count; i++) store.push(String(i), STDOUT, i);
  store.commit();
  return store;
}

describe('compileSearch', () => {
  it('plain text is literal and case-insensitive unless asked', () => {
    expect(compiled('a.b').test.test('axb')).toBe(false);
    expect(compiled('a.b').test.test('A.B')).toBe(true);
    expect(compiled('A.B', false, true).test.test('a.b')).toBe(false);
  });

  it('regex mode, and a broken pattern says why', () => {
    expect(compiled('^err(or)?$', true).test.test('ERROR')).toBe(true);
    expect(compileSearch({ text: '(', regex: true, matchCase: false })).toMatchObject({
      ok: false,
    });
    expect(compileSearch({ text: '', regex: false, matchCase: false })).toBeNull();
  });
});

describe('matchRanges', () => {
  it('finds every occurrence and skips empty matches', () => {
    expect(matchRanges('abcabc', compiled('b').highlight)).toEqual([
      [1, 2],
      [4, 5],
    ]);
    expect(matchRanges('abc', compiled('x*', true).highlight)).toEqual([]);
  });
});

describe('LogSearch', () => {
  it('finds a line by regex among 200,000, in slices', () => {
    const store = numbered(200_000);
    const frames = manual();
    let clock = 0;
    let updates = 0;
    const search = new LogSearch(store, compiled('^1999\\d\\d$', true).test, {
      schedule: frames.schedule,
      // Each clock read advances 1 ms: slices end after a few chunks.
      now: () => clock++,
      onUpdate: () => updates++,
    });
    frames.runAll();
    expect(updates).toBeGreaterThan(1);
    expect(search.done).toBe(true);
    expect(search.count).toBe(100);
    expect(store.textAt(store.indexOfSeq(search.seqAt(0)))).toBe('199900');
    expect(store.textAt(store.indexOfSeq(search.seqAt(99)))).toBe('199999');
  });

  it('follows new lines and forgets dropped ones', () => {
    const store = numbered(10, 10);
    const frames = manual();
    const search = new LogSearch(store, compiled('1').test, { schedule: frames.schedule });
    frames.runAll();
    expect(search.count).toBe(2); // 1, 10
    for (let i = 11; i <= 15; i++) store.push(String(i), STDOUT, i);
    store.commit();
    frames.runAll();
    // 1..5 dropped: 10..15 match.
    expect(search.count).toBe(6);
    expect(search.indexAtOrAfter(store.seqOf(3))).toBe(0);
    expect(search.indexAtOrAfter(store.seqOf(99))).toBe(-1);
  });

  it('searches what the terminal shows, not escape codes', () => {
    const store = new LogStore(10);
    store.push('\x1b[31mred\x1b[0m alert', STDOUT, 1);
    store.push('31m', STDOUT, 2);
    store.commit();
    const frames = manual();
    const search = new LogSearch(store, compiled('red alert').test, { schedule: frames.schedule });
    frames.runAll();
    expect(search.count).toBe(1);
    const codes = new LogSearch(store, compiled('31m').test, { schedule: frames.schedule });
    frames.runAll();
    expect(codes.count).toBe(1);
  });

  it('starts over when lines are merged in the middle', () => {
    const store = new LogStore(10);
    store.mergeSorted([
      { text: 'x 1', stream: 1, time: 1, source: 0 },
      { text: 'x 3', stream: 1, time: 3, source: 0 },
    ]);
    store.commit();
    const frames = manual();
    const search = new LogSearch(store, compiled('x').test, { schedule: frames.schedule });
    frames.runAll();
    store.mergeSorted([{ text: 'x 2', stream: 1, time: 2, source: 1 }]);
    store.commit();
    frames.runAll();
    expect(search.count).toBe(3);
    expect(store.textAt(store.indexOfSeq(search.seqAt(1)))).toBe('x 2');
  });

  it('finds lines inserted above (a backfill) as they come, without starting over', () => {
    const store = new LogStore(100);
    const queue: Array<() => void> = [];
    for (let i = 0; i < 3; i++) store.push(`new ${i} hit`, STDOUT, 100 + i);
    const search = new LogSearch(store, /hit/, { schedule: (run) => queue.push(run) });
    const drain = () => {
      while (queue.length) queue.shift()?.();
    };
    drain();
    expect(search.count).toBe(3);
    const line = (text: string) => ({ text, stream: STDOUT, time: 1, source: 0 });
    store.insertAbove([line('old 0 hit'), line('old 1')]);
    store.commit();
    drain();
    store.insertAbove([line('old 2 hit')]);
    store.commit();
    drain();
    const found = Array.from({ length: search.count }, (_, k) =>
      store.textAt(store.indexOfSeq(search.seqAt(k))),
    );
    expect(found).toEqual(['old 0 hit', 'old 2 hit', 'new 0 hit', 'new 1 hit', 'new 2 hit']);
    expect(search.scanned).toBe(6);
    // Next from an old match goes on into the newer lines.
    expect(search.indexAtOrAfter(search.seqAt(1) + 1)).toBe(2);
  });
});
