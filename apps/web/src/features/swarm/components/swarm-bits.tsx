import type { ComponentProps, ReactNode } from 'react';
import { ConfirmDialog as SharedConfirmDialog } from '@/components/ui/confirm-dialog';
import { cn } from '@/lib/cn';
import { taskTone, versionConflictMessage } from '../api/swarm-api';

const TONE_CLASSES = {
  ok: 'bg-emerald-500/12 text-emerald-700 dark:text-emerald-300',
  busy: 'bg-sky-500/12 text-sky-700 dark:text-sky-300',
  bad: 'bg-red-500/12 text-red-700 dark:text-red-300',
  idle: 'bg-subtle text-muted',
} as const;

export function StateBadge({
  state,
  tone = taskTone(state),
}: {
  state: string;
  tone?: keyof typeof TONE_CLASSES;
}) {
  return (
    <span
      className={cn(
        'inline-flex h-5 items-center rounded px-1.5 text-[11.5px] font-medium',
        TONE_CLASSES[tone],
      )}
    >
      {state}
    </span>
  );
}

/** The shared confirm dialog, with swarm's "changed meanwhile, reload" for stale versions. */
export function ConfirmDialog(
  props: Omit<ComponentProps<typeof SharedConfirmDialog>, 'errorTitle' | 'describeError'>,
) {
  return (
    <SharedConfirmDialog
      {...props}
      errorTitle="The engine refused"
      describeError={versionConflictMessage}
    />
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line px-6 pt-5 pb-3">
      <div className="min-w-0">
        <h1 className="text-[17px] font-semibold text-fg">{title}</h1>
        {description && <p className="mt-0.5 text-[12.5px] text-muted">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}
