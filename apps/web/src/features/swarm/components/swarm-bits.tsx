import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { ComponentProps, ReactNode } from 'react';
import { CheckboxField } from '@/components/ui/checkbox';
import { ConfirmDialog as SharedConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorState } from '@/components/ui/error-state';
import { SkeletonRows } from '@/components/ui/skeleton';
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

/** A destructive action the engine may refuse unless forced: the Force box goes under `children`. */
export function ForceConfirmDialog({
  action,
  forceHint,
  children,
  ...props
}: Omit<ComponentProps<typeof ConfirmDialog>, 'action'> & {
  action: (force: boolean) => Promise<unknown>;
  forceHint?: string;
}) {
  const [force, setForce] = useState(false);
  return (
    <ConfirmDialog {...props} action={() => action(force)}>
      {children}
      <CheckboxField
        label="Force"
        hint={forceHint}
        checked={force}
        onChange={(e) => setForce(e.target.checked)}
      />
    </ConfirmDialog>
  );
}

/** A service's name (or any content) linking to its page, on a tab of it if given. */
export function ServiceLink({
  endpointId,
  serviceId,
  tab,
  className,
  children,
}: {
  endpointId: string;
  serviceId: string;
  tab?: 'tasks';
  className: string;
  children: ReactNode;
}) {
  return (
    <Link
      to="/endpoints/$endpointId/swarm/services/$serviceId"
      params={{ endpointId, serviceId }}
      {...(tab ? { search: { tab } } : {})}
      className={className}
    >
      {children}
    </Link>
  );
}

/** What a page shows while its main query loads, or when it failed (with a retry). */
export function QueryFallback({
  query,
  rows,
  loading,
  failed,
}: {
  /** A query, or a list that paints from the live model (the same fields). */
  query: Pick<UseQueryResult<unknown>, 'isPending' | 'error'> & { refetch: () => Promise<unknown> };
  rows: number;
  /** The skeleton's label: "Loading the service". */
  loading: string;
  /** The error's title: "Could not inspect the service". */
  failed: string;
}) {
  if (query.isPending) return <SkeletonRows rows={rows} label={loading} />;
  return (
    <ErrorState
      title={failed}
      message={query.error?.message ?? ''}
      onRetry={() => void query.refetch()}
    />
  );
}
