import { describe, expect, it } from 'vitest';
import { Ring } from './ring';

describe('Ring', () => {
  it('keeps the newest items, newest first, and never grows past capacity', () => {
    const ring = new Ring<number>(3);
    expect(ring.newest()).toEqual([]);
    ring.push(1);
    ring.push(2);
    expect(ring.newest()).toEqual([2, 1]);
    for (let i = 3; i <= 10_000; i++) ring.push(i);
    expect(ring.size).toBe(3);
    expect(ring.newest()).toEqual([10_000, 9_999, 9_998]);
    expect(ring.newest(2)).toEqual([10_000, 9_999]);
    expect(ring.version).toBe(10_000);
  });

  it('clears', () => {
    const ring = new Ring<string>(2);
    ring.push('a');
    ring.clear();
    expect(ring.size).toBe(0);
    expect(ring.newest()).toEqual([]);
    expect(() => new Ring(0)).toThrow();
  });
});
