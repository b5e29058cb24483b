import { formatBytes } from '@berth/api';
import { InlineAlert } from '@/components/ui/inline-alert';
import { cn } from '@/lib/cn';
import { overallFraction } from '@/lib/pull-progress';
import type { ProgressState } from '@/lib/pull-progress';
import type { StreamPhase } from '@/lib/pull-progress';

export function Bar({
  label,
  fraction,
  valueText,
  tone = 'accent',
  className,
}: {
  label: string;
  fraction: number;
  valueText?: string;
  tone?: 'accent' | 'done' | 'danger';
  className?: string;
}) {
  const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText ?? `${percent}%`}
      className={cn('h-1.5 overflow-hidden rounded-full bg-subtle', className)}
    >
      <div
        className={cn(
          'h-full transition-[width] duration-200',
          tone === 'done' ? 'bg-emerald-500' : tone === 'danger' ? 'bg-danger' : 'bg-accent',
        )}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}

/** Overall bar, one bar per layer, the engine's other lines, and its error if any. */
export function ProgressView({
  progress,
  phase,
  failure,
  what,
}: {
  progress: ProgressState;
  phase: StreamPhase;
  failure: string | null;
  /** "Pull", "Push", "Load": names the overall bar. */
  what: string;
}) {
  if (phase === 'idle') return null;
  const overall = phase === 'done' ? 1 : overallFraction(progress);
  return (
    <div className="flex flex-col gap-3" aria-live="polite">
      <div>
        <div className="mb-1 flex justify-between text-[12.5px]">
          <span className="font-medium text-fg">
            {phase === 'running'
              ? `${what} in progress`
              : phase === 'done'
                ? `${what} complete`
                : phase === 'cancelled'
                  ? `${what} cancelled`
                  : `${what} failed`}
          </span>
          <span className="text-muted tabular-nums">{Math.round(overall * 100)}%</span>
        </div>
        <Bar
          label={`${what} progress`}
          fraction={overall}
          tone={phase === 'done' ? 'done' : phase === 'failed' ? 'danger' : 'accent'}
        />
      </div>
      {progress.layers.length > 0 && (
        <ul aria-label="Layers" className="max-h-56 overflow-auto rounded-md border border-line">
          {progress.layers.map((layer) => (
            <li key={layer.id} className="flex items-center gap-3 px-3 py-1.5 text-[12px]">
              <span className="w-24 shrink-0 font-mono text-muted">{layer.id}</span>
              <span className="w-40 shrink-0 truncate text-fg" title={layer.status}>
                {layer.status}
              </span>
              <Bar
                className="flex-1"
                label={`Layer ${layer.id}`}
                fraction={layer.fraction}
                tone={layer.done ? 'done' : 'accent'}
              />
              <span className="w-28 shrink-0 text-right text-muted tabular-nums">
                {layer.total > 0 && !layer.done
                  ? `${formatBytes(layer.current)} / ${formatBytes(layer.total)}`
                  : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {progress.notes.length > 0 && (
        <pre
          aria-label={`${what} messages`}
          className="max-h-28 overflow-auto rounded-md bg-subtle px-3 py-2 font-mono text-[11.5px] whitespace-pre-wrap text-muted"
        >
          {progress.notes.join('\n')}
        </pre>
      )}
      {phase === 'failed' && failure && (
        <InlineAlert title={`${what} failed`}>
          <span className="font-mono">{failure}</span>
        </InlineAlert>
      )}
    </div>
  );
}
