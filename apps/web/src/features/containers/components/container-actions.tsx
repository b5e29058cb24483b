import { allowedActions } from '@berth/api';
import type { ContainerAction, ContainerState } from '@berth/api';
import { PencilLine } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CapabilityNote } from '@/components/ui/capability-note';
import { RoleNote } from '@/components/ui/role-note';
import { useCapabilities } from '@/hooks/use-capabilities';
import { useEnginePermission } from '@/hooks/use-me';
import { ACTION_LABELS, actionRequest, useContainerAction } from '../api/container-actions';
import { ACTION_ICONS } from './bulk-toolbar';
import { RemoveDialog } from './remove-dialog';
import { RenameDialog } from './rename-dialog';

interface Target {
  id: string;
  name: string;
  state: ContainerState;
}

function ActionButton({
  endpointId,
  container,
  action,
}: {
  endpointId: string;
  container: Target;
  action: Exclude<ContainerAction, 'remove'>;
}) {
  const mutation = useContainerAction(endpointId, container, action);
  return (
    <Button
      size="sm"
      icon={ACTION_ICONS[action]}
      loading={mutation.isPending}
      disabled={!allowedActions(container.state)[action]}
      onClick={() => mutation.mutate({})}
    >
      {ACTION_LABELS[action]}
    </Button>
  );
}

const LIFECYCLE = ['start', 'stop', 'restart', 'kill', 'pause', 'unpause'] as const;

/**
 * The lifecycle bar of the container page; each button tracks its own request. Actions the
 * user's role cannot do are not shown; a note names the role they need.
 */
export function ContainerActions({
  endpointId,
  container,
  onRemoved,
}: {
  endpointId: string;
  container: Target;
  onRemoved: () => void;
}) {
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const remove = useContainerAction(endpointId, container, 'remove', { onSuccess: onRemoved });
  const allowed = allowedActions(container.state);
  const can = useEnginePermission();
  const engine = useCapabilities(endpointId);
  const permitted = (action: ContainerAction | 'rename') => {
    const { method, path } = actionRequest(action, container.id);
    return can(method, path);
  };
  // What the engine lacks is hidden (a note says why), never offered to fail.
  const offered = (action: ContainerAction) => action !== 'kill' || engine.has('kill');
  const lifecycle = LIFECYCLE.filter((action) => offered(action) && permitted(action).allowed);
  const canRename = permitted('rename');
  const canRemove = permitted('remove');
  const refused = [...LIFECYCLE, 'rename' as const, 'remove' as const]
    .map(permitted)
    .find((permission) => !permission.allowed);

  if (lifecycle.length === 0 && !canRename.allowed && !canRemove.allowed) {
    return <RoleNote needed={refused?.needed ?? 'operator'} what="changing containers" />;
  }

  return (
    <div role="toolbar" aria-label="Container actions" className="flex flex-wrap gap-1.5">
      {lifecycle.map((action) => (
        <ActionButton key={action} endpointId={endpointId} container={container} action={action} />
      ))}
      {!offered('kill') && permitted('kill').allowed && (
        <CapabilityNote
          engineName={engine.engineName}
          missing={[['Kill', engine.reason('kill')]]}
          className="px-1"
        />
      )}
      {canRename.allowed && (
        <Button
          size="sm"
          icon={<PencilLine className="size-3.5" aria-hidden />}
          onClick={() => setRenaming(true)}
        >
          Rename
        </Button>
      )}
      {canRemove.allowed && (
        <Button
          size="sm"
          icon={ACTION_ICONS.remove}
          className="text-danger"
          disabled={!allowed.remove}
          loading={remove.isPending}
          onClick={() => setConfirmRemove(true)}
        >
          Remove
        </Button>
      )}
      <RenameDialog
        open={renaming}
        onClose={() => setRenaming(false)}
        endpointId={endpointId}
        container={container}
      />
      <RemoveDialog
        open={confirmRemove}
        names={[container.name]}
        anyRunning={container.state === 'running' || container.state === 'paused'}
        busy={remove.isPending}
        onClose={() => setConfirmRemove(false)}
        onConfirm={(options) =>
          remove.mutate(options, { onSettled: () => setConfirmRemove(false) })
        }
      />
    </div>
  );
}
