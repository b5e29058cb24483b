import type { StatsSample } from '@berth/api';
import { useRef } from 'react';
import { formatMemory, formatPercent, formatRate } from '@/lib/live/stats-format';
import { useStatsSubscription } from '@/lib/live/use-container-stats';

const ITEMS: Array<{ label: string; value: (s: StatsSample) => string }> = [
  { label: 'CPU', value: (s) => formatPercent(s.cpuPercent) },
  {
    label: 'Memory',
    value: (s) =>
      `${formatMemory(s.memoryUsage, s.memoryLimit)} (${formatPercent(s.memoryPercent)})`,
  },
  {
    label: 'Network',
    value: (s) => `↓ ${formatRate(s.netRxBytesPerSec)} · ↑ ${formatRate(s.netTxBytesPerSec)}`,
  },
  {
    label: 'Block I/O',
    value: (s) =>
      `read ${formatRate(s.blockReadBytesPerSec)} · write ${formatRate(s.blockWriteBytesPerSec)}`,
  },
  { label: 'PIDs', value: (s) => String(s.pids) },
];

/** The newest sample in words, updated in place once a second (no React render per sample). */
export function LatestValues({
  endpointId,
  containerId,
}: {
  endpointId: string;
  containerId: string;
}) {
  const refs = useRef<Array<HTMLElement | null>>([]);
  useStatsSubscription(endpointId, containerId, (update) => {
    const sample = update.series.latest();
    if (!sample) return;
    ITEMS.forEach((item, i) => {
      const node = refs.current[i];
      if (node) node.textContent = item.value(sample);
    });
  });
  return (
    <dl
      aria-label="Latest values"
      className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border border-line bg-panel px-4 py-3 text-[12.5px] sm:grid-cols-3 lg:grid-cols-5"
    >
      {ITEMS.map((item, i) => (
        <div key={item.label} className="flex min-w-0 flex-col">
          <dt className="text-muted">{item.label}</dt>
          <dd
            ref={(node) => {
              refs.current[i] = node;
            }}
            className="truncate font-mono text-[13px] text-fg tabular-nums"
          >
            —
          </dd>
        </div>
      ))}
    </dl>
  );
}
