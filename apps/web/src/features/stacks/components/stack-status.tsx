import type { StackSummary } from '@berth/api';
import { cn } from '@/lib/cn';

const TONES: Record<StackSummary['status'], string> = {
  running: 'bg-emerald-500/15 text-emerald-700 dark:text-emerald-300',
  partial: 'bg-amber-500/15 text-amber-800 dark:text-amber-200',
  stopped: 'bg-subtle text-muted',
  down: 'bg-subtle text-faint',
};

/** The stack's state in a word, with running/total beside it. */
export function StackStatus({
  stack,
}: {
  stack: Pick<StackSummary, 'status' | 'running' | 'containers'>;
}) {
  return (
    <span className="inline-flex items-center gap-2">
      <span
        className={cn('rounded px-1.5 py-0.5 text-[11.5px] font-medium', TONES[stack.status])}
        data-status={stack.status}
      >
        {stack.status}
      </span>
      <span className="text-[12px] text-muted tabular-nums">
        {stack.running}/{stack.containers}
      </span>
    </span>
  );
}

/** Who keeps the file: Berth (editable) or someone else (the CLI, `docker stack deploy`). */
export function ManagedBadge({ stack }: { stack: Pick<StackSummary, 'kind' | 'managedBy'> }) {
  const text =
    stack.kind === 'swarm' ? 'swarm' : stack.managedBy === 'berth' ? 'Berth' : 'external';
  return (
    <span
      className="rounded border border-line px-1.5 py-0.5 text-[11px] text-muted"
      title={
        stack.managedBy === 'berth'
          ? 'Berth keeps this stack’s file and its versions'
          : 'Made outside Berth (compose CLI or docker stack deploy); Berth keeps no file for it'
      }
    >
      {text}
    </span>
  );
}
