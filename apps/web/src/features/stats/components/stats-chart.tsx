import { useEffect, useId, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { StatsField, StatsSeries } from '@/lib/live/stats-series';
import { useStatsSubscription } from '@/lib/live/use-container-stats';
import { useTheme } from '@/hooks/use-theme';
import { summarize, yRange } from '../utils/chart-specs';
import type { ChartSpec } from '../utils/chart-specs';

const HEIGHT = 160;

function cssVar(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

/**
 * One live uPlot chart of a container's stats. Samples go straight from the stats socket into
 * uPlot (`setData`) and the legend's text nodes: React renders it once, not once a second.
 */
export function StatsChart({
  endpointId,
  containerId,
  spec,
  windowMinutes,
}: {
  endpointId: string;
  containerId: string;
  spec: ChartSpec;
  windowMinutes: number;
}) {
  const { theme } = useTheme();
  const titleId = useId();
  const hostRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<uPlot | null>(null);
  const seriesRef = useRef<StatsSeries | null>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const valueRefs = useRef<Array<HTMLSpanElement | null>>([]);
  const ranges = useRef({ x: [0, 1] as [number, number], y: [0, 1] as [number, number] });
  const windowRef = useRef(windowMinutes);
  const fields: StatsField[] = spec.series.map((s) => s.field);

  const draw = () => {
    const chart = chartRef.current;
    const series = seriesRef.current;
    const now = Date.now();
    const since = now - windowRef.current * 60_000;
    ranges.current.x = [since / 1000, now / 1000];
    const latest = series?.latest();
    if (summaryRef.current) summaryRef.current.textContent = `Latest: ${summarize(spec, latest)}`;
    spec.series.forEach((s, i) => {
      const node = valueRefs.current[i];
      if (node) node.textContent = latest ? spec.format(latest[s.field]) : '—';
    });
    if (!chart) return;
    const window = series?.window(since, fields);
    const max: Partial<Record<StatsField, number>> = {};
    for (const field of fields) {
      let m = 0;
      for (const v of window?.values[field] ?? []) if (v > m) m = v;
      max[field] = m;
    }
    ranges.current.y = yRange(spec, max);
    chart.setData([
      window?.time ?? new Float64Array(0),
      ...fields.map((field) => window?.values[field] ?? new Float64Array(0)),
    ]);
  };
  const drawRef = useRef(draw);
  useEffect(() => {
    drawRef.current = draw;
  });

  useEffect(() => {
    windowRef.current = windowMinutes;
    drawRef.current();
  }, [windowMinutes]);

  // Built again when the theme changes: uPlot paints with colours, not CSS.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const text = cssVar(host, '--berth-muted', '#62626b');
    const grid = cssVar(host, '--berth-line', '#e3e3e7');
    const chart = new uPlot(
      {
        width: Math.max(200, host.clientWidth),
        height: HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: false, y: false }, points: { size: 5 } },
        scales: {
          x: { time: true, range: () => ranges.current.x },
          y: { range: () => ranges.current.y },
        },
        axes: [
          {
            stroke: text,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid, width: 1 },
            font: '11px Inter, system-ui, sans-serif',
          },
          {
            stroke: text,
            grid: { stroke: grid, width: 1 },
            ticks: { show: false },
            font: '11px Inter, system-ui, sans-serif',
            size: 64,
            values: (_u, splits) => splits.map((v) => spec.tick(v)),
          },
        ],
        series: [
          {},
          ...spec.series.map((s) => {
            const color = cssVar(host, s.color, '#0e7490');
            return {
              label: s.label,
              stroke: color,
              width: 1.5,
              dash: s.dashed ? [5, 4] : undefined,
              fill: s.dashed ? undefined : `${color}22`,
              points: { show: false },
              spanGaps: false,
            };
          }),
        ],
      },
      [[], ...spec.series.map(() => [])],
      host,
    );
    chartRef.current = chart;
    drawRef.current();
    const observer = new ResizeObserver(() => {
      const width = host.clientWidth;
      if (width > 0 && Math.abs(width - chart.width) > 1) chart.setSize({ width, height: HEIGHT });
    });
    observer.observe(host);
    return () => {
      observer.disconnect();
      chart.destroy();
      chartRef.current = null;
    };
    // The spec is static per chart; only the theme rebuilds it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [theme]);

  useStatsSubscription(endpointId, containerId, (update) => {
    seriesRef.current = update.series;
    drawRef.current();
  });

  return (
    <figure
      aria-labelledby={titleId}
      className="flex min-w-0 flex-col gap-2 rounded-lg border border-line bg-panel p-3"
    >
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 id={titleId} className="text-[13px] font-semibold text-fg">
          {spec.title}
        </h3>
        <ul className="flex flex-wrap gap-x-3 text-[12px] text-muted" aria-hidden>
          {spec.series.map((s, i) => (
            <li key={s.field} className="flex items-center gap-1.5">
              <span
                className="inline-block h-0.5 w-3 rounded"
                style={{
                  background: `var(${s.color})`,
                  ...(s.dashed ? { opacity: 0.8 } : {}),
                }}
              />
              {s.label}
              <span
                ref={(node) => {
                  valueRefs.current[i] = node;
                }}
                className="font-mono text-fg tabular-nums"
              >
                —
              </span>
            </li>
          ))}
        </ul>
      </figcaption>
      <div
        ref={hostRef}
        role="img"
        aria-label={`${spec.title} over the last ${windowMinutes} minute${windowMinutes === 1 ? '' : 's'}`}
        className="berth-chart min-h-[160px] w-full"
      />
      <p ref={summaryRef} className="sr-only" data-testid={`stats-summary-${spec.id}`}>
        Latest: No samples yet
      </p>
    </figure>
  );
}
