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
});
