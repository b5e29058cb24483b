import { describe, expect, it } from 'vitest';
import { CHARTS, yRange } from './chart-specs';

const memory = CHARTS.find((chart) => chart.id === 'memory')!;
const cpu = CHARTS.find((chart) => chart.id === 'cpu')!;

describe('yRange', () => {
  it('keeps a memory limit near the usage in view', () => {
    expect(yRange(memory, { memoryUsage: 100e6, memoryLimit: 256e6 })[1]).toBeCloseTo(256e6 * 1.05);
  });

  it("leaves a host-sized limit off the chart so usage isn't flattened", () => {
    expect(yRange(memory, { memoryUsage: 2e6, memoryLimit: 24e9 })[1]).toBeCloseTo(2e6 * 1.15);
  });

  it('has a floor so an idle container still has a scale', () => {
    expect(yRange(cpu, { cpuPercent: 0 })).toEqual([0, 1]);
    expect(yRange(cpu, { cpuPercent: 150 })[1]).toBeCloseTo(172.5);
  });
});
