import type { StatsSample } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { StatsSeries } from './stats-series';

function sample(time: number, cpuPercent = time / 1000): StatsSample {
  return {
    time,
    cpuPercent,
    memoryUsage: time,
    memoryLimit: 1e9,
    memoryPercent: 1,
    netRxBytesPerSec: 0,
    netTxBytesPerSec: 0,
    blockReadBytesPerSec: 0,
    blockWriteBytesPerSec: 0,
    pids: 3,
  };
}

describe('StatsSeries', () => {
  it('keeps the newest samples up to its capacity, oldest dropped', () => {
    const series = new StatsSeries(4);
    for (let t = 1; t <= 6; t++) series.push(sample(t * 1000));
    expect(series.length).toBe(4);
    expect(series.at(0)?.time).toBe(3000);
    expect(series.latest()?.time).toBe(6000);
    expect(Array.from(series.tail('cpuPercent', 10))).toEqual([3, 4, 5, 6]);
  });

  it('ignores samples not newer than the last (history repeats after a resubscribe)', () => {
    const series = new StatsSeries(10);
    series.push(sample(5000));
    expect(series.seed([sample(3000), sample(5000), sample(6000), sample(7000)])).toBe(2);
    expect(Array.from(series.tail('cpuPercent', 10))).toEqual([5, 6, 7]);
    expect(series.push(sample(7000))).toBe(false);
  });

  it('windows copy the samples since a time, times in seconds', () => {
    const series = new StatsSeries(5);
    for (let t = 1; t <= 8; t++) series.push(sample(t * 1000));
    const window = series.window(6000, ['cpuPercent']);
    expect(window.length).toBe(3);
    expect(Array.from(window.time)).toEqual([6, 7, 8]);
    expect(Array.from(window.values.cpuPercent)).toEqual([6, 7, 8]);
    expect(series.window(0).length).toBe(5);
    expect(series.window(99_000).length).toBe(0);
  });
});
