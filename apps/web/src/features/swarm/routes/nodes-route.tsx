import { SelectField, TextAreaField } from '@/components/ui/field';
import { endpointKeys, formatBytes } from '@berth/api';
import type { NodeSpec, SwarmNode } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Eye, Pencil, Server, Trash2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button, IconButton } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { InlineAlert } from '@/components/ui/inline-alert';
import { InspectJson } from '@/components/ui/inspect-json';
import { ListPage } from '@/components/ui/list-page';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useEnginePermission } from '@/hooks/use-me';
import { parsePairs } from '../api/service-form';
import {
  nodesQueryOptions,
  removeNode,
  tasksQueryOptions,
  updateNode,
  versionConflictMessage,
  nodeInspectQueryOptions,
} from '../api/swarm-api';
import { ConfirmDialog, StateBadge } from '../components/swarm-bits';
import { TaskTable } from '../components/task-table';

type DialogState =
  | { kind: 'inspect'; node: SwarmNode }
  | { kind: 'edit'; node: SwarmNode }
  | { kind: 'remove'; node: SwarmNode }
  | null;

export function NodesRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Nodes');
  const query = useQuery(nodesQueryOptions(endpointId));
  const can = useEnginePermission();
  const isAdmin = can('POST', '/nodes/x/update').allowed;
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<DialogState>(null);
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (query.data ?? []).filter(
      (n) =>
        !needle ||
        n.Description.Hostname.toLowerCase().includes(needle) ||
        n.ID.startsWith(needle) ||
        Object.entries(n.Spec.Labels ?? {}).some(([k, v]) => `${k}=${v}`.includes(needle)),
    );
  }, [query.data, filter]);

  const columns: Column<SwarmNode>[] = [
    {
      key: 'host',
      header: 'Hostname',
      cell: (n) => <span className="font-medium text-fg">{n.Description.Hostname}</span>,
    },
    {
      key: 'role',
      header: 'Role',
      cell: (n) => (
        <span className="text-muted">
          {n.Spec.Role}
          {n.ManagerStatus?.Leader ? ' (leader)' : ''}
        </span>
      ),
    },
    {
      key: 'availability',
      header: 'Availability',
      cell: (n) => (
        <StateBadge
          state={n.Spec.Availability}
          tone={n.Spec.Availability === 'active' ? 'ok' : 'busy'}
        />
      ),
    },
    {
      key: 'state',
      header: 'State',
      cell: (n) => (
        <StateBadge state={n.Status.State} tone={n.Status.State === 'ready' ? 'ok' : 'bad'} />
      ),
    },
    {
      key: 'manager',
      header: 'Manager status',
      cell: (n) => <span className="text-muted">{n.ManagerStatus?.Reachability ?? '—'}</span>,
    },
    {
      key: 'engine',
      header: 'Engine',
      cell: (n) => (
        <span className="font-mono text-[12.5px] text-muted">
          {n.Description.Engine?.EngineVersion ?? '—'}
        </span>
      ),
    },
    {
      key: 'resources',
      header: 'Resources',
      cell: (n) => (
        <span className="text-muted tabular-nums">
          {(n.Description.Resources?.NanoCPUs ?? 0) / 1e9} CPU ·{' '}
          {formatBytes(n.Description.Resources?.MemoryBytes ?? 0)}
        </span>
      ),
    },
    {
      key: 'labels',
      header: 'Labels',
      cell: (n) => (
        <span className="block max-w-[14rem] truncate font-mono text-[12px] text-muted">
          {Object.entries(n.Spec.Labels ?? {})
            .map(([k, v]) => `${k}=${v}`)
            .join(', ') || '—'}
        </span>
      ),
    },
    {
      key: 'actions',
      header: '',
      className: 'text-right',
      cell: (n) => (
        <span className="inline-flex gap-1">
          <IconButton
            size="sm"
            aria-label={`Inspect ${n.Description.Hostname}`}
            onClick={() => setDialog({ kind: 'inspect', node: n })}
          >
            <Eye className="size-3.5" />
          </IconButton>
          {isAdmin && (
            <>
              <IconButton
                size="sm"
                aria-label={`Edit ${n.Description.Hostname}`}
                onClick={() => setDialog({ kind: 'edit', node: n })}
              >
                <Pencil className="size-3.5" />
              </IconButton>
              <IconButton
                size="sm"
                aria-label={`Remove ${n.Description.Hostname}`}
                onClick={() => setDialog({ kind: 'remove', node: n })}
              >
                <Trash2 className="size-3.5" />
              </IconButton>
            </>
          )}
        </span>
      ),
    },
  ];

  return (
    <>
      <ListPage
        title="Nodes"
        noun="nodes"
        query={query}
        filter={filter}
        onFilter={setFilter}
        visibleCount={rows.length}
        empty={
          <EmptyState icon={<Server className="size-8" aria-hidden />} title="No nodes">
            A swarm always has this node; if the list is empty the engine may have just left.
          </EmptyState>
        }
      >
        <SimpleTable label="Nodes" columns={columns} rows={rows} rowKey={(n) => n.ID} />
      </ListPage>
      {dialog?.kind === 'inspect' && (
        <NodeInspectDialog
          endpointId={endpointId}
          node={dialog.node}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'edit' && (
        <EditNodeDialog
          endpointId={endpointId}
          node={dialog.node}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveNodeDialog
          endpointId={endpointId}
          node={dialog.node}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}

function NodeInspectDialog({
  endpointId,
  node,
  onClose,
}: {
  endpointId: string;
  node: SwarmNode;
  onClose: () => void;
}) {
  const tasks = useQuery(tasksQueryOptions(endpointId, { node: node.ID }));
  const inspect = useQuery(nodeInspectQueryOptions(endpointId, node.ID));
  return (
    <Dialog
      open
      onClose={onClose}
      title={node.Description.Hostname}
      className="sm:max-w-4xl"
      footer={<Button onClick={onClose}>Close</Button>}
    >
      <h3 className="mb-2 text-[13px] font-semibold text-fg">Tasks on this node</h3>
      <TaskTable endpointId={endpointId} tasks={tasks.data ?? []} show="service" />
      <h3 className="mt-4 mb-2 text-[13px] font-semibold text-fg">Inspect</h3>
      <InspectJson query={inspect} label={`Inspect of node ${node.Description.Hostname}`} />
    </Dialog>
  );
}

function EditNodeDialog({
  endpointId,
  node,
  onClose,
}: {
  endpointId: string;
  node: SwarmNode;
  onClose: () => void;
}) {
  const [availability, setAvailability] = useState(node.Spec.Availability);
  const [role, setRole] = useState(node.Spec.Role);
  const [labels, setLabels] = useState(
    Object.entries(node.Spec.Labels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  );
  const mutation = useMutation({
    mutationFn: () => {
      const spec: NodeSpec = {
        ...node.Spec,
        Availability: availability,
        Role: role,
        Labels: parsePairs(labels),
      };
      return updateNode(endpointId, node, spec);
    },
    meta: {
      toastOnError: false,
      invalidates: [endpointKeys.swarm(endpointId), endpointKeys.info(endpointId)],
    },
    onSuccess: onClose,
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Edit ${node.Description.Hostname}`}
      busy={mutation.isPending}
      className="max-w-lg"
    >
      <form
        className="flex flex-col gap-3 pb-4"
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate();
        }}
      >
        <div className="grid grid-cols-2 gap-3">
          <SelectField
            label="Availability"
            value={availability}
            onChange={(e) => setAvailability(e.target.value as NodeSpec['Availability'])}
          >
            <option value="active">active: takes tasks</option>
            <option value="pause">pause: keeps its tasks, takes no new ones</option>
            <option value="drain">drain: its tasks move elsewhere</option>
          </SelectField>
          <SelectField
            label="Role"
            value={role}
            onChange={(e) => setRole(e.target.value as NodeSpec['Role'])}
          >
            <option value="manager">manager (promote)</option>
            <option value="worker">worker (demote)</option>
          </SelectField>
        </div>
        <TextAreaField
          label="Labels"
          hint="One KEY=value a line; placement constraints match node.labels.KEY."
          value={labels}
          onChange={(e) => setLabels(e.target.value)}
        />
        {mutation.isError && (
          <InlineAlert title="The engine refused">
            {versionConflictMessage(mutation.error)}
          </InlineAlert>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={mutation.isPending}>
            Save node
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function RemoveNodeDialog({
  endpointId,
  node,
  onClose,
}: {
  endpointId: string;
  node: SwarmNode;
  onClose: () => void;
}) {
  const [force, setForce] = useState(false);
  return (
    <ConfirmDialog
      title={`Remove ${node.Description.Hostname} from the swarm?`}
      description="A node that is still up should leave the swarm itself first; force removes it anyway."
      confirm="Remove node"
      action={() => removeNode(endpointId, node.ID, force)}
      invalidates={[endpointKeys.swarm(endpointId)]}
      onClose={onClose}
    >
      <CheckboxField label="Force" checked={force} onChange={(e) => setForce(e.target.checked)} />
    </ConfirmDialog>
  );
}
