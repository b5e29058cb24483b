import { describe, expect, it, vi } from 'vitest';
import { LogStore, STDERR, STDOUT } from './log-store';

const texts = (store: LogStore) => Array.from({ length: store.length }, (_, i) => store.textAt(i));

describe('LogStore', () => {
  it('appends lines with their stream, time and source', () => {
    const store = new LogStore(10);
    store.push('a', STDOUT, 1);
    store.push('b', STDERR, 2, 3);
    expect(store.length).toBe(2);
    expect(store.at(1)).toEqual({ text: 'b', stream: STDERR, time: 2, source: 3 });
    expect(store.lastTime).toBe(2);
  });

  it('drops the oldest past its cap, and sequence numbers keep naming the same lines', () => {
    const store = new LogStore(5);
    for (let i = 0; i < 12; i++) store.push(`line ${i}`, STDOUT, i);
    expect(store.length).toBe(5);
    expect(store.dropped).toBe(7);
    expect(texts(store)).toEqual(['line 7', 'line 8', 'line 9', 'line 10', 'line 11']);
    expect(store.indexOfSeq(9)).toBe(2);
    expect(store.textAt(store.indexOfSeq(9))).toBe('line 9');
    expect(store.indexOfSeq(3)).toBeLessThan(0);
  });

  it('grows its arrays on demand up to the cap', () => {
    const store = new LogStore(10_000);
    for (let i = 0; i < 9_000; i++) store.push(String(i), i % 2 ? STDERR : STDOUT, i);
    expect(store.textAt(8_999)).toBe('8999');
    expect(store.streamAt(8_999)).toBe(STDERR);
    for (let i = 9_000; i < 10_500; i++) store.push(String(i), STDOUT, i);
    expect(store.length).toBe(10_000);
    expect(store.textAt(0)).toBe('500');
  });

  it('keeps a million lines', () => {
    const store = new LogStore(1_000_000);
    for (let i = 0; i < 1_000_100; i++) store.push(`${i}`, STDOUT, i);
    expect(store.length).toBe(1_000_000);
    expect(store.textAt(0)).toBe('100');
    expect(store.textAt(999_999)).toBe('1000099');
  });

  it('merges a lagging source into time order', () => {
    const store = new LogStore(100);
    store.mergeSorted([
      { text: 'a1', stream: 1, time: 1, source: 0 },
      { text: 'a3', stream: 1, time: 3, source: 0 },
      { text: 'a5', stream: 1, time: 5, source: 0 },
    ]);
    expect(store.revision).toBe(0);
    store.mergeSorted([
      { text: 'b2', stream: 1, time: 2, source: 1 },
      { text: 'b3', stream: 1, time: 3, source: 1 },
      { text: 'b6', stream: 1, time: 6, source: 1 },
    ]);
    expect(texts(store)).toEqual(['a1', 'b2', 'a3', 'b3', 'a5', 'b6']);
    expect(store.revision).toBe(1);
    store.mergeSorted([{ text: 'a7', stream: 1, time: 7, source: 0 }]);
    expect(texts(store).at(-1)).toBe('a7');
  });

  it('tells subscribers on commit and clear', () => {
    const store = new LogStore(10);
    const listener = vi.fn();
    store.subscribe(listener);
    store.push('x', STDOUT, 1);
    expect(listener).not.toHaveBeenCalled();
    store.commit();
    store.clear();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.length).toBe(0);
  });

  it('inserts older lines above the main region in order, main lines keeping their numbers', () => {
    const store = new LogStore(100);
    for (let i = 90; i < 95; i++) store.push(`line ${i}`, STDOUT, i);
    const seq92 = store.seqOf(2);
    const line = (i: number) => ({ text: `line ${i}`, stream: STDOUT, time: i, source: 0 });
    store.insertAbove([line(1), line(2)]);
    store.insertAbove([line(3), line(4)]);
    expect(texts(store)).toEqual([
      'line 1',
      'line 2',
      'line 3',
      'line 4',
      'line 90',
      'line 91',
      'line 92',
      'line 93',
      'line 94',
    ]);
    expect(store.above).toBe(4);
    expect(store.textAt(store.indexOfSeq(seq92))).toBe('line 92');
    // Numbers grow with the index across both regions (search keeps them sorted).
    for (let i = 1; i < store.length; i++)
      expect(store.seqOf(i)).toBeGreaterThan(store.seqOf(i - 1));
    const seq2 = store.seqOf(1);
    store.insertAbove([line(5)]);
    store.push('line 95', STDOUT, 95);
    expect(store.textAt(store.indexOfSeq(seq2))).toBe('line 2');
    expect(store.textAt(store.indexOfSeq(seq92))).toBe('line 92');
    expect(store.at(5)).toEqual(line(90));
  });

  it('past its cap while inserting above, the oldest go first', () => {
    const store = new LogStore(6);
    for (let i = 10; i < 13; i++) store.push(`m${i}`, STDOUT, i);
    const line = (i: number) => ({ text: `a${i}`, stream: STDOUT, time: i, source: 0 });
    store.insertAbove([line(1), line(2)]);
    const seqA2 = store.seqOf(1);
    store.insertAbove([line(3), line(4), line(5)]);
    expect(texts(store)).toEqual(['a2', 'a3', 'a4', 'a5', 'm10', 'm11', 'm12'].slice(1));
    expect(store.dropped).toBe(2);
    expect(store.indexOfSeq(seqA2)).toBeLessThan(0);
    // New main lines push the inserted ones out, oldest first.
    store.push('m13', STDOUT, 13);
    expect(texts(store)).toEqual(['a4', 'a5', 'm10', 'm11', 'm12', 'm13']);
    expect(store.above).toBe(2);
  });
});
