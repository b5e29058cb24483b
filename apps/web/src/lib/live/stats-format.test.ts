import { describe, expect, it } from 'vitest';
import { formatMemory, formatPercent, formatRate } from './stats-format';

describe('stats formatting', () => {
  it('reads like docker stats', () => {
    expect(formatPercent(0.123)).toBe('0.12 %');
    expect(formatPercent(153.26)).toBe('153.3 %');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatRate(1500)).toBe('1.5 KB/s');
    expect(formatMemory(2_000_000, 1_000_000_000)).toBe('2.0 MB / 1.0 GB');
  });
});
