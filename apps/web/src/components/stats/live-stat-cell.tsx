import { useRef } from 'react';
import type { StatsSeries } from '@/lib/live/stats-series';
import { formatMemory, formatPercent } from '@/lib/live/stats-format';
import { useStatsSubscription } from '@/lib/live/use-container-stats';
import { cn } from '@/lib/cn';
import { drawSparkline, Sparkline } from './sparkline';

/** Samples a sparkline shows: the last minute. */
const SPARK_SAMPLES = 60;

type Metric = 'cpu' | 'memory';

function text(metric: Metric, series: StatsSeries): string {
  const latest = series.latest();
  if (!latest) return '—';
  return metric === 'cpu' ? formatPercent(latest.cpuPercent) : formatMemory(latest.memoryUsage);
}

function accent(canvas: HTMLCanvasElement, metric: Metric): string {
  const style = getComputedStyle(canvas);
  return (
    style.getPropertyValue(metric === 'cpu' ? '--berth-chart-1' : '--berth-chart-2').trim() ||
    style.getPropertyValue('--berth-accent').trim() ||
    '#0e7490'
  );
}

/**
 * A live number with a sparkline of the last minute, for one container: subscribes while
 * mounted (so a virtualised list streams only the rows on screen) and updates its own DOM at
 * 1 Hz without rendering React.
 */
export function LiveStatCell({
  endpointId,
  containerId,
  metric,
  className,
}: {
  endpointId: string;
  /** Null for a container that is not running: a dash, no subscription. */
  containerId: string | null;
  metric: Metric;
  className?: string;
}) {
  const valueRef = useRef<HTMLSpanElement>(null);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const seriesRef = useRef<StatsSeries | null>(null);

  const paint = () => {
    const series = seriesRef.current;
    if (!series) return;
    if (valueRef.current) valueRef.current.textContent = text(metric, series);
    const canvas = canvasRef.current;
    if (canvas) {
      const field = metric === 'cpu' ? 'cpuPercent' : 'memoryUsage';
      drawSparkline(canvas, series.tail(field, SPARK_SAMPLES), { color: accent(canvas, metric) });
    }
  };

  useStatsSubscription(endpointId, containerId, (update) => {
    seriesRef.current = update.series;
    paint();
  });

  if (!containerId) return <span className="text-faint">—</span>;
  return (
    <span className={cn('flex min-w-0 items-center gap-2', className)}>
      <span ref={valueRef} className="min-w-0 truncate font-mono text-[12px] text-fg tabular-nums">
        —
      </span>
      <Sparkline
        onReady={(canvas) => {
          canvasRef.current = canvas;
          paint();
        }}
      />
    </span>
  );
}
