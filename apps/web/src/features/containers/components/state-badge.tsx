import type { ContainerState, HealthStatus } from '@berth/api';
import { HeartCrack, HeartPulse, Hourglass } from 'lucide-react';
import { cn } from '@/lib/cn';

const STATE_STYLES: Record<ContainerState, { dot: string; text: string }> = {
  running: {
    dot: 'bg-emerald-500',
    text: 'text-emerald-700 bg-emerald-500/10 dark:text-emerald-400',
  },
  paused: { dot: 'bg-amber-500', text: 'text-amber-700 bg-amber-500/12 dark:text-amber-400' },
  restarting: { dot: 'bg-sky-500', text: 'text-sky-700 bg-sky-500/12 dark:text-sky-400' },
  created: { dot: 'bg-violet-400', text: 'text-violet-700 bg-violet-500/10 dark:text-violet-300' },
  removing: { dot: 'bg-zinc-400', text: 'text-muted bg-subtle' },
  exited: { dot: 'bg-zinc-400 dark:bg-zinc-500', text: 'text-muted bg-subtle' },
  dead: { dot: 'bg-red-500', text: 'text-red-700 bg-red-500/10 dark:text-red-400' },
};

const HEALTH_STYLES: Record<Exclude<HealthStatus, null>, string> = {
  healthy: 'text-emerald-700 border-emerald-500/30 dark:text-emerald-400',
  unhealthy: 'text-red-700 border-red-500/40 dark:text-red-400',
  starting: 'text-amber-700 border-amber-500/40 dark:text-amber-400',
};

export function StateBadge({ state, className }: { state: ContainerState; className?: string }) {
  const style = STATE_STYLES[state] ?? STATE_STYLES.exited;
  return (
    <span
      className={cn(
        'inline-flex h-5 items-center gap-1.5 rounded-full px-2 text-[12px] font-medium capitalize',
        style.text,
        className,
      )}
    >
      <span
        aria-hidden
        className={cn(
          'size-1.5 rounded-full',
          style.dot,
          state === 'restarting' && 'animate-pulse',
        )}
      />
      {state}
    </span>
  );
}

const HEALTH_ICONS: Record<Exclude<HealthStatus, null>, typeof HeartPulse> = {
  healthy: HeartPulse,
  unhealthy: HeartCrack,
  starting: Hourglass,
};

/**
 * The health check's verdict: a word on the container page, a marked icon in the list's State
 * column (where the word would not fit beside the state).
 */
export function HealthBadge({
  health,
  compact = false,
}: {
  health: HealthStatus;
  compact?: boolean;
}) {
  if (!health) return null;
  if (compact) {
    const Icon = HEALTH_ICONS[health];
    return (
      <span
        role="img"
        aria-label={`Health: ${health}`}
        title={`Health check: ${health}`}
        data-health={health}
        className={cn(
          'inline-flex size-5 shrink-0 items-center justify-center rounded-full border',
          HEALTH_STYLES[health],
        )}
      >
        <Icon className="size-3" aria-hidden />
      </span>
    );
  }
  return (
    <span
      title={`Health check: ${health}`}
      className={cn(
        'inline-flex h-5 items-center rounded-full border px-1.5 text-[11.5px] font-medium',
        HEALTH_STYLES[health],
      )}
    >
      {health}
    </span>
  );
}
