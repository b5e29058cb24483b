import { useMemo } from 'react';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { taskTone, useTaskList } from '../api/swarm-api';
import { useNodeList, useServiceList } from '../api/swarm-lists';
import type { TaskListItem } from '../api/swarm-api';
import { PageHeader } from '@/components/ui/page-header';
import { NodeStateBadge } from '../components/node-columns';
import { QueryFallback } from '../components/swarm-bits';
import { TaskCard } from '../components/task-card';

/**
 * Nodes as columns, their current tasks as cards (the edge coloured by state, a dot by service);
 * live with the task list.
 */
export function ClusterRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Cluster');
  const nodes = useNodeList(endpointId);
  const tasks = useTaskList(endpointId, {});
  const services = useServiceList(endpointId);
  const serviceName = useMemo(
    () => new Map((services.data ?? []).map((s) => [s.ID, s.Spec.Name])),
    [services.data],
  );
  const byNode = useMemo(() => {
    const out = new Map<string, TaskListItem[]>();
    // Only tasks meant to run, and those that failed to: shut-down history would bury them.
    for (const task of tasks.data ?? []) {
      if (task.DesiredState !== 'running' && taskTone(task.Status.State) !== 'bad') continue;
      const key = task.NodeID ?? '';
      const list = out.get(key);
      if (list) list.push(task);
      else out.set(key, [task]);
    }
    return out;
  }, [tasks.data]);

  if (!nodes.data)
    return (
      <QueryFallback
        query={nodes}
        rows={4}
        loading="Loading the cluster"
        failed="Could not list the nodes"
      />
    );
  const unassigned = byNode.get('') ?? [];
  return (
    <div className="flex h-full min-h-0 flex-col">
      <PageHeader
        title="Cluster"
        description="Each node with the tasks it runs; cards follow the tasks' state."
      />
      <div className="flex min-h-0 flex-1 gap-4 overflow-auto p-6">
        {[
          ...nodes.data.map((n) => ({ id: n.ID, node: n })),
          ...(unassigned.length ? [{ id: '', node: null }] : []),
        ].map(({ id, node }) => {
          const list = byNode.get(id) ?? [];
          return (
            <section
              key={id || 'unassigned'}
              aria-label={node ? `Node ${node.Description.Hostname}` : 'Unassigned tasks'}
              className="flex w-64 shrink-0 flex-col rounded-lg border border-line bg-panel"
            >
              <header className="border-b border-line px-3 py-2">
                <h2 className="truncate text-[13px] font-semibold text-fg">
                  {node ? node.Description.Hostname : 'Unassigned'}
                </h2>
                {node && (
                  <p className="flex items-center gap-1.5 text-[11.5px] text-muted">
                    {node.Spec.Role} · {node.Spec.Availability} · <NodeStateBadge node={node} />
                  </p>
                )}
              </header>
              <ul className="flex min-h-0 flex-1 flex-col gap-2 overflow-auto p-2">
                {list.length === 0 && (
                  <li className="px-1 py-3 text-center text-[12px] text-faint">No tasks</li>
                )}
                {list.map((t) => (
                  <TaskCard
                    key={t.ID}
                    endpointId={endpointId}
                    task={t}
                    serviceName={serviceName.get(t.ServiceID)}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
