import { formatAgo } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Eye, ScrollText, SquareTerminal } from 'lucide-react';
import { useMemo, useState } from 'react';
import { InspectJson } from '@/components/ui/inspect-json';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { infoQueryOptions } from '@/lib/queries';
import { shortId, taskInspectQueryOptions } from '../api/swarm-api';
import { useNodeList, useServiceList } from '../api/swarm-lists';
import type { TaskListItem } from '../api/swarm-api';
import { ViewDialog } from './dialog-shells';
import { actionsColumn, RowActions } from './row-actions';
import { ServiceLink, StateBadge } from './swarm-bits';

/** Newest first; running before the history of shut-down tasks in the same slot. */
export function sortTasks(tasks: readonly TaskListItem[]): TaskListItem[] {
  return [...tasks].sort(
    (a, b) =>
      Number(b.DesiredState === 'running') - Number(a.DesiredState === 'running') ||
      (a.Slot ?? 0) - (b.Slot ?? 0) ||
      b.UpdatedAt.localeCompare(a.UpdatedAt),
  );
}

/**
 * Tasks with their state, desired state, error and container. A container on this engine links
 * to its container page (logs, console); one on another node can't be reached from here.
 */
export function TaskTable({
  endpointId,
  tasks,
  show,
  onLogs,
}: {
  endpointId: string;
  tasks: readonly TaskListItem[];
  /** Which other object to name in the second column. */
  show: 'service' | 'node';
  /** Opens one task's logs (the owner has the log viewer). */
  onLogs?: (task: TaskListItem, name: string) => void;
}) {
  const [inspecting, setInspecting] = useState<TaskListItem | null>(null);
  const info = useQuery(infoQueryOptions(endpointId));
  const nodes = useNodeList(endpointId);
  const services = useServiceList(endpointId);
  const localNode = info.data?.Swarm?.NodeID;
  const nodeName = useMemo(
    () => new Map((nodes.data ?? []).map((n) => [n.ID, n.Description.Hostname])),
    [nodes.data],
  );
  const serviceName = useMemo(
    () => new Map((services.data ?? []).map((s) => [s.ID, s.Spec.Name])),
    [services.data],
  );
  const rows = useMemo(() => sortTasks(tasks), [tasks]);
  const taskName = (t: TaskListItem) =>
    `${serviceName.get(t.ServiceID) ?? shortId(t.ServiceID)}.${t.Slot ?? shortId(t.NodeID ?? '')}`;

  const columns: Column<TaskListItem>[] = [
    {
      key: 'name',
      header: 'Task',
      cell: (t) => (
        <span className="font-mono text-[12.5px] text-fg" title={t.ID}>
          {taskName(t)}
        </span>
      ),
    },
    show === 'service'
      ? {
          key: 'service',
          header: 'Service',
          cell: (t) => (
            <ServiceLink
              endpointId={endpointId}
              serviceId={t.ServiceID}
              className="text-accent-text hover:underline"
            >
              {serviceName.get(t.ServiceID) ?? shortId(t.ServiceID)}
            </ServiceLink>
          ),
        }
      : {
          key: 'node',
          header: 'Node',
          cell: (t) => (
            <span className="text-muted">
              {t.NodeID ? (nodeName.get(t.NodeID) ?? shortId(t.NodeID)) : 'unassigned'}
            </span>
          ),
        },
    { key: 'state', header: 'State', cell: (t) => <StateBadge state={t.Status.State} /> },
    {
      key: 'desired',
      header: 'Desired',
      cell: (t) => <span className="text-muted">{t.DesiredState}</span>,
    },
    {
      key: 'error',
      header: 'Error',
      cell: (t) =>
        t.Status.Err ? (
          <span className="block max-w-[18rem] truncate text-danger" title={t.Status.Err}>
            {t.Status.Err}
          </span>
        ) : (
          <span className="text-faint">—</span>
        ),
    },
    {
      key: 'container',
      header: 'Container',
      cell: (t) => {
        const id = t.Status.ContainerStatus?.ContainerID;
        if (!id) return <span className="text-faint">—</span>;
        if (t.NodeID !== localNode)
          return (
            <span className="font-mono text-[12px] text-muted" title="On another node">
              {shortId(id)}
            </span>
          );
        return (
          <span className="inline-flex items-center gap-2">
            <Link
              to="/endpoints/$endpointId/containers/$containerId"
              params={{ endpointId, containerId: id }}
              className="font-mono text-[12px] text-accent-text hover:underline"
            >
              {shortId(id)}
            </Link>
            {t.Status.State === 'running' && (
              <Link
                to="/endpoints/$endpointId/containers/$containerId"
                params={{ endpointId, containerId: id }}
                search={{ tab: 'console' }}
                aria-label={`Console of task ${shortId(t.ID)}`}
                className="text-faint hover:text-fg"
              >
                <SquareTerminal className="size-3.5" aria-hidden />
              </Link>
            )}
          </span>
        );
      },
    },
    {
      key: 'updated',
      header: 'Updated',
      cell: (t) => (
        <span className="text-muted" title={t.Status.Message}>
          {formatAgo(new Date(t.UpdatedAt).getTime())}
        </span>
      ),
    },
    actionsColumn((t) => (
      <RowActions
        actions={[
          { label: `Inspect task ${taskName(t)}`, icon: Eye, onClick: () => setInspecting(t) },
          onLogs && {
            label: `Logs of task ${taskName(t)}`,
            icon: ScrollText,
            onClick: () => onLogs(t, taskName(t)),
          },
        ]}
      />
    )),
  ];
  if (!rows.length) return <p className="px-4 py-6 text-[13px] text-muted">No tasks.</p>;
  return (
    <>
      <SimpleTable label="Tasks" columns={columns} rows={rows} rowKey={(t) => t.ID} />
      {inspecting && (
        <ViewDialog
          title={`Task ${taskName(inspecting)}`}
          className="sm:max-w-3xl"
          onClose={() => setInspecting(null)}
        >
          {inspecting.Status.Message && (
            <p className="mb-2 text-[13px] text-muted">{inspecting.Status.Message}</p>
          )}
          <TaskInspect
            endpointId={endpointId}
            task={inspecting}
            label={`Inspect of task ${taskName(inspecting)}`}
          />
        </ViewDialog>
      )}
    </>
  );
}

function TaskInspect({
  endpointId,
  task,
  label,
}: {
  endpointId: string;
  task: TaskListItem;
  label: string;
}) {
  const inspect = useQuery(taskInspectQueryOptions(endpointId, task.ID));
  return <InspectJson query={inspect} label={label} />;
}
