import { memo } from 'react';
import { cn } from '@/lib/cn';
import { shortId, taskTone } from '../api/swarm-api';
import type { TaskListItem } from '../api/swarm-api';
import { ServiceLink, StateBadge } from './swarm-bits';

const CARD_TONE = {
  ok: 'border-l-emerald-500',
  busy: 'border-l-sky-500',
  bad: 'border-l-red-500',
  idle: 'border-l-line-strong opacity-70',
} as const;

/**
 * Service colours for the cluster view: a service's tasks share one, so a service is found across
 * the columns at a glance. Mid-tone hues that read on both themes; the state keeps the edge.
 */
const SERVICE_HUES = [210, 280, 30, 160, 330, 60, 250, 0, 120, 190] as const;

export function serviceColour(serviceId: string): string {
  let hash = 0;
  for (let i = 0; i < serviceId.length; i++) hash = (hash * 31 + serviceId.charCodeAt(i)) >>> 0;
  return `hsl(${SERVICE_HUES[hash % SERVICE_HUES.length]} 65% 52%)`;
}

/**
 * One task in the cluster view: its service (and slot), state, and what it is meant to be.
 * Memoised: its props are the same objects while the task does not change (see taskFromRow).
 */
export const TaskCard = memo(function TaskCard({
  endpointId,
  task,
  serviceName,
}: {
  endpointId: string;
  task: TaskListItem;
  serviceName: string | undefined;
}) {
  const moving = task.DesiredState !== task.Status.State;
  return (
    <li
      data-task-state={task.Status.State}
      className={cn(
        'rounded-md border border-l-4 border-line bg-subtle px-2.5 py-1.5',
        CARD_TONE[taskTone(task.Status.State)],
      )}
    >
      <ServiceLink
        endpointId={endpointId}
        serviceId={task.ServiceID}
        tab="tasks"
        className="flex items-center gap-1.5 truncate text-[12.5px] font-medium text-fg hover:underline"
      >
        <span
          aria-hidden
          className="size-2 shrink-0 rounded-full"
          style={{ backgroundColor: serviceColour(task.ServiceID) }}
        />
        <span className="truncate">
          {serviceName ?? shortId(task.ServiceID)}
          {task.Slot ? `.${task.Slot}` : ''}
        </span>
      </ServiceLink>
      <p className="flex items-center justify-between gap-2 text-[11.5px] text-muted">
        <span className="inline-flex items-center gap-1">
          <StateBadge state={task.Status.State} />
          {moving && (
            // desired vs current: a task on its way (or failing to get) somewhere else
            <span className="text-faint">→ {task.DesiredState}</span>
          )}
        </span>
        <span className="font-mono">{shortId(task.ID)}</span>
      </p>
      {task.Status.Err && (
        <p className="mt-1 truncate text-[11.5px] text-danger" title={task.Status.Err}>
          {task.Status.Err}
        </p>
      )}
    </li>
  );
});
