import { endpointKeys, nodeForm, nodeFormSchema, toNodeSpec } from '@berth/api';
import type { NodeFormValues, SwarmNode } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { FormSelectField, FormTextAreaField, useZodForm } from '@/components/ui/form';
import { InspectJson } from '@/components/ui/inspect-json';
import { SkeletonRows } from '@/components/ui/skeleton';
import { nodeInspectQueryOptions, removeNode, useTaskList } from '../api/swarm-api';
import type { NodeListItem } from '../api/swarm-lists';
import { updateNodeMutation } from '../api/swarm-mutations';
import { RefusalAlert, SwarmFormDialog, ViewDialog } from './dialog-shells';
import type { NodeDialog } from './node-columns';
import { ForceConfirmDialog } from './swarm-bits';
import { TaskTable } from './task-table';

/** Whichever of the node dialogs is open. */
export function NodeDialogs({
  endpointId,
  dialog,
  onClose,
}: {
  endpointId: string;
  dialog: NodeDialog;
  onClose: () => void;
}) {
  const props = { endpointId, node: dialog.node, onClose };
  if (dialog.kind === 'inspect') return <NodeInspectDialog {...props} />;
  if (dialog.kind === 'edit') return <EditNodeDialog {...props} />;
  return <RemoveNodeDialog {...props} />;
}

interface NodeDialogProps {
  endpointId: string;
  node: NodeListItem;
  onClose: () => void;
}

function NodeInspectDialog({ endpointId, node, onClose }: NodeDialogProps) {
  const tasks = useTaskList(endpointId, { node: node.ID });
  const inspect = useQuery(nodeInspectQueryOptions(endpointId, node.ID));
  return (
    <ViewDialog title={node.Description.Hostname} className="sm:max-w-4xl" onClose={onClose}>
      <h3 className="mb-2 text-[13px] font-semibold text-fg">Tasks on this node</h3>
      <TaskTable endpointId={endpointId} tasks={tasks.data ?? []} show="service" />
      <h3 className="mt-4 mb-2 text-[13px] font-semibold text-fg">Inspect</h3>
      <InspectJson query={inspect} label={`Inspect of node ${node.Description.Hostname}`} />
    </ViewDialog>
  );
}

/**
 * The list's row has neither the node's whole spec nor its version, which an update sends back:
 * the form opens on the node as the engine has it now (a fresh inspect, not a cached one).
 */
function EditNodeDialog({ endpointId, node, onClose }: NodeDialogProps) {
  const inspect = useQuery({ ...nodeInspectQueryOptions(endpointId, node.ID), staleTime: 0 });
  if (inspect.data && !inspect.isFetching)
    return <EditNodeForm endpointId={endpointId} node={inspect.data} onClose={onClose} />;
  return (
    <ViewDialog title={`Edit ${node.Description.Hostname}`} onClose={onClose}>
      {inspect.isError ? (
        <RefusalAlert error={inspect.error} />
      ) : (
        <SkeletonRows rows={3} label={`Loading ${node.Description.Hostname}`} />
      )}
    </ViewDialog>
  );
}

/** Availability, role (promote, demote) and labels; the node's version goes back with them. */
function EditNodeForm({
  endpointId,
  node,
  onClose,
}: {
  endpointId: string;
  node: SwarmNode;
  onClose: () => void;
}) {
  const form = useZodForm(nodeFormSchema, { defaultValues: nodeForm(node.Spec) });
  return (
    <SwarmFormDialog
      title={`Edit ${node.Description.Hostname}`}
      submitLabel="Save node"
      onClose={onClose}
      form={form}
      mutation={updateNodeMutation(endpointId, node)}
      toVariables={(values) => toNodeSpec(node.Spec, values)}
    >
      <div className="grid grid-cols-2 gap-3">
        <FormSelectField<NodeFormValues> name="availability" label="Availability">
          <option value="active">active: takes tasks</option>
          <option value="pause">pause: keeps its tasks, takes no new ones</option>
          <option value="drain">drain: its tasks move elsewhere</option>
        </FormSelectField>
        <FormSelectField<NodeFormValues> name="role" label="Role">
          <option value="manager">manager (promote)</option>
          <option value="worker">worker (demote)</option>
        </FormSelectField>
      </div>
      <FormTextAreaField<NodeFormValues>
        name="labels"
        label="Labels"
        hint="One KEY=value a line; placement constraints match node.labels.KEY."
      />
    </SwarmFormDialog>
  );
}

function RemoveNodeDialog({ endpointId, node, onClose }: NodeDialogProps) {
  return (
    <ForceConfirmDialog
      title={`Remove ${node.Description.Hostname} from the swarm?`}
      description="A node that is still up should leave the swarm itself first; force removes it anyway."
      confirm="Remove node"
      action={(force) => removeNode(endpointId, node.ID, force)}
      invalidates={[endpointKeys.swarm(endpointId)]}
      onClose={onClose}
    />
  );
}
