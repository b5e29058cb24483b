import { describe, expect, it } from 'vitest';
import { runParallel } from './run-parallel';

describe('runParallel', () => {
  it('keeps at most `limit` tasks in flight and reports each item in order', async () => {
    let inFlight = 0;
    let peak = 0;
    const progress: number[] = [];
    const results = await runParallel(
      Array.from({ length: 20 }, (_, i) => i),
      async (i) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1 + (i % 3)));
        inFlight--;
        if (i % 5 === 0) throw new Error(`no ${i}`);
      },
      { limit: 4, onResult: (_, done) => progress.push(done) },
    );
    expect(peak).toBeLessThanOrEqual(4);
    expect(progress).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(results.map((r) => r.item)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.message))).toEqual([
      'no 0',
      'no 5',
      'no 10',
      'no 15',
    ]);
  });

  it('resolves at once for no items', async () => {
    expect(await runParallel([], () => Promise.resolve())).toEqual([]);
  });
});
