import { formatBytes } from '@berth/api';
import type { ContainerRow, EndpointSummary } from '@berth/api';
import { useRef } from 'react';
import { drawSparkline } from '@/components/stats/sparkline';
import { useContainerList } from '@/lib/container-list-query';
import { formatPercent } from '@/lib/live/stats-format';
import type { StatsSeries } from '@/lib/live/stats-series';
import { useStatsSubscription } from '@/lib/live/use-container-stats';
import { GoneTile, TileFrame, TileMessage } from '../tile-frame';

/** Five minutes at 1 Hz: what a chart on the wall shows (the series ring holds a bit more). */
const WINDOW = 300;
const CPU_COLOUR = '#38bdf8';
const MEMORY_COLOUR = '#a78bfa';

/** A layout names containers by name (stable across re-creation) or by id. */
export function resolveContainers(
  rows: readonly ContainerRow[],
  wanted: readonly string[],
): Array<{ wanted: string; row: ContainerRow | undefined }> {
  return wanted.map((name) => ({
    wanted: name,
    row: rows.find((r) => r.name === name || r.id === name || r.id.startsWith(name)),
  }));
}

/** Live CPU and memory of chosen containers, drawn on canvases without a React render per sample. */
export function ChartsTile({
  endpoint,
  containers,
}: {
  endpoint: EndpointSummary | undefined;
  containers: string[];
}) {
  if (!endpoint) return <GoneTile title="CPU and memory" />;
  return <EndpointCharts endpoint={endpoint} containers={containers} />;
}

function EndpointCharts({
  endpoint,
  containers,
}: {
  endpoint: EndpointSummary;
  containers: string[];
}) {
  const endpointId = endpoint.id;
  const list = useContainerList(endpointId, { all: true });
  const resolved = resolveContainers(list.data ?? [], containers);
  return (
    <TileFrame title="CPU and memory" subtitle={endpoint.name}>
      {endpoint.status === 'down' ? (
        <TileMessage tone="bad">Engine down: {endpoint.error ?? 'no answer'}</TileMessage>
      ) : (
        <ul className="grid h-full auto-rows-fr gap-3">
          {resolved.map(({ wanted, row }) => (
            <li key={wanted} className="min-h-0">
              {row && row.state === 'running' ? (
                <ContainerChart endpointId={endpointId} containerId={row.id} name={row.name} />
              ) : (
                <div className="flex h-full items-center justify-between rounded-xl bg-zinc-800/50 px-4 text-[22px]">
                  <span className="font-semibold text-zinc-200">{row?.name ?? wanted}</span>
                  <span className="text-zinc-400">{row ? row.state : 'not found'}</span>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </TileFrame>
  );
}

function ContainerChart({
  endpointId,
  containerId,
  name,
}: {
  endpointId: string;
  containerId: string;
  name: string;
}) {
  const cpuCanvas = useRef<HTMLCanvasElement>(null);
  const memCanvas = useRef<HTMLCanvasElement>(null);
  const cpuText = useRef<HTMLSpanElement>(null);
  const memText = useRef<HTMLSpanElement>(null);

  const draw = (series: StatsSeries) => {
    const latest = series.latest();
    if (cpuCanvas.current)
      drawSparkline(cpuCanvas.current, series.tail('cpuPercent', WINDOW), { color: CPU_COLOUR });
    if (memCanvas.current)
      // Scaled to its own peak: against the host's memory most containers draw a flat line.
      drawSparkline(memCanvas.current, series.tail('memoryUsage', WINDOW), {
        color: MEMORY_COLOUR,
      });
    // Text nodes are written directly: a React render per sample per chart adds up over days.
    if (cpuText.current) cpuText.current.textContent = formatPercent(latest?.cpuPercent);
    if (memText.current)
      memText.current.textContent = latest ? formatBytes(latest.memoryUsage) : '—';
  };
  useStatsSubscription(endpointId, containerId, (update) => draw(update.series));

  return (
    <div
      className="grid h-full grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-4 rounded-xl bg-zinc-800/50 px-4 py-2"
      data-container={name}
    >
      <div className="flex min-h-0 flex-col">
        <div className="flex items-baseline justify-between gap-2 text-[20px]">
          <span className="truncate font-semibold text-zinc-100">{name}</span>
          <span>
            <span className="text-zinc-400">CPU </span>
            <span ref={cpuText} className="font-semibold text-sky-300 tabular-nums">
              —
            </span>
          </span>
        </div>
        <canvas ref={cpuCanvas} aria-hidden className="min-h-0 w-full flex-1" />
      </div>
      <div className="flex min-h-0 flex-col">
        <div className="flex items-baseline justify-end gap-2 text-[20px]">
          <span className="text-zinc-400">Memory </span>
          <span ref={memText} className="font-semibold text-violet-300 tabular-nums">
            —
          </span>
        </div>
        <canvas ref={memCanvas} aria-hidden className="min-h-0 w-full flex-1" />
      </div>
    </div>
  );
}
