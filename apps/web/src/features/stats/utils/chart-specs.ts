// The container Stats tab's charts: what each plots and how its numbers read.
import { formatBytes } from '@berth/api';
import type { StatsSample } from '@berth/api';
import type { StatsField } from '@/lib/live/stats-series';
import { formatPercent, formatRate } from '@/lib/live/stats-format';

export interface ChartSeriesSpec {
  field: StatsField;
  label: string;
  /** CSS variable of its colour. */
  color: string;
  dashed?: boolean;
}

export interface ChartSpec {
  id: string;
  title: string;
  series: ChartSeriesSpec[];
  format: (value: number) => string;
  /** Axis ticks: short. */
  tick: (value: number) => string;
  /**
   * The memory chart keeps its limit line in view only when it is near the usage: a container
   * without a limit reports the host's memory, which would flatten the usage to the floor.
   */
  limitField?: StatsField;
  /** y never below this top (CPU 0–1 % on an idle container still shows a little scale). */
  minTop: number;
}

const shortBytes = (value: number) => formatBytes(value, 0).replace(' ', '');

export const CHARTS: ChartSpec[] = [
  {
    id: 'cpu',
    title: 'CPU',
    series: [{ field: 'cpuPercent', label: 'CPU', color: '--berth-chart-1' }],
    format: formatPercent,
    tick: (v) => `${Math.round(v * 10) / 10}%`,
    minTop: 1,
  },
  {
    id: 'memory',
    title: 'Memory',
    series: [
      { field: 'memoryUsage', label: 'Used', color: '--berth-chart-2' },
      { field: 'memoryLimit', label: 'Limit', color: '--berth-chart-3', dashed: true },
    ],
    format: (v) => formatBytes(v),
    tick: shortBytes,
    limitField: 'memoryLimit',
    minTop: 1024 * 1024,
  },
  {
    id: 'network',
    title: 'Network',
    series: [
      { field: 'netRxBytesPerSec', label: 'Received', color: '--berth-chart-4' },
      { field: 'netTxBytesPerSec', label: 'Sent', color: '--berth-chart-5' },
    ],
    format: formatRate,
    tick: (v) => `${shortBytes(v)}/s`,
    minTop: 1024,
  },
  {
    id: 'block',
    title: 'Block I/O',
    series: [
      { field: 'blockReadBytesPerSec', label: 'Read', color: '--berth-chart-6' },
      { field: 'blockWriteBytesPerSec', label: 'Written', color: '--berth-chart-3' },
    ],
    format: formatRate,
    tick: (v) => `${shortBytes(v)}/s`,
    minTop: 1024,
  },
  {
    id: 'pids',
    title: 'Processes',
    series: [{ field: 'pids', label: 'PIDs', color: '--berth-chart-1' }],
    format: (v) => String(Math.round(v)),
    tick: (v) => String(Math.round(v)),
    minTop: 4,
  },
];

export const WINDOWS = [
  { minutes: 1, label: '1 min' },
  { minutes: 5, label: '5 min' },
  { minutes: 15, label: '15 min' },
] as const;
export type WindowMinutes = (typeof WINDOWS)[number]['minutes'];

/**
 * The y range: from 0 to a little above the highest value, at least `minTop`; a limit series
 * counts only when it is within 4× of the rest (else it stays off the top, named in the legend).
 */
export function yRange(
  spec: ChartSpec,
  maxByField: Partial<Record<StatsField, number>>,
): [number, number] {
  let top = spec.minTop;
  let usage = 0;
  for (const series of spec.series) {
    const max = maxByField[series.field] ?? 0;
    if (series.field === spec.limitField) continue;
    usage = Math.max(usage, max);
  }
  top = Math.max(top, usage * 1.15);
  const limit = spec.limitField ? (maxByField[spec.limitField] ?? 0) : 0;
  if (limit > 0 && limit <= usage * 4) top = Math.max(top, limit * 1.05);
  return [0, top];
}

/** "CPU 1.23 %" for the text summary of a chart. */
export function summarize(spec: ChartSpec, sample: StatsSample | undefined): string {
  if (!sample) return 'No samples yet';
  return spec.series.map((s) => `${s.label} ${spec.format(sample[s.field])}`).join(', ');
}
