import { CONTAINER_NAME_PATTERN, containerRenameSchema, endpointKeys } from '@berth/api';
import type { ContainerAction, RemoveContainerOptions } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
import { engine } from '@/lib/api-client';

export const ACTION_LABELS: Record<ContainerAction, string> = {
  start: 'Start',
  stop: 'Stop',
  restart: 'Restart',
  kill: 'Kill',
  pause: 'Pause',
  unpause: 'Unpause',
  remove: 'Remove',
};

export function runContainerAction(
  endpointId: string,
  containerId: string,
  action: ContainerAction,
  removeOptions: RemoveContainerOptions = {},
): Promise<void> {
  const client = engine(endpointId);
  switch (action) {
    case 'start':
      return client.startContainer(containerId);
    case 'stop':
      return client.stopContainer(containerId);
    case 'restart':
      return client.restartContainer(containerId);
    case 'kill':
      return client.killContainer(containerId);
    case 'pause':
      return client.pauseContainer(containerId);
    case 'unpause':
      return client.unpauseContainer(containerId);
    case 'remove':
      return client.removeContainer(containerId, removeOptions);
  }
}

/**
 * The engine call an action makes, for permission checks against the gateway's route table
 * (`roleCanCall`): a viewer's UI then shows no action the gateway would refuse.
 */
export function actionRequest(
  action: ContainerAction | 'rename',
  containerId: string,
): { method: string; path: string } {
  const id = encodeURIComponent(containerId);
  return action === 'remove'
    ? { method: 'DELETE', path: `/containers/${id}` }
    : { method: 'POST', path: `/containers/${id}/${action}` };
}

/** What every container mutation invalidates: the container subtree and the engine's counts. */
export function containerMutationKeys(endpointId: string) {
  return [endpointKeys.containers(endpointId), endpointKeys.info(endpointId)];
}

/** One lifecycle action on one container; failures toast with the engine's message. */
export function useContainerAction(
  endpointId: string,
  container: { id: string; name: string },
  action: ContainerAction,
  options: { onSuccess?: () => void } = {},
) {
  return useMutation({
    mutationFn: (removeOptions: RemoveContainerOptions = {}) =>
      runContainerAction(endpointId, container.id, action, removeOptions),
    meta: {
      errorTitle: `Could not ${action} ${container.name}`,
      invalidates: containerMutationKeys(endpointId),
    },
    onSuccess: options.onSuccess,
  });
}

/** Renaming: every list and page that shows the name changes. */
export function renameContainerMutation(
  endpointId: string,
  containerId: string,
): UseMutationOptions<unknown, Error, string> {
  return {
    mutationFn: (name) => engine(endpointId).renameContainer(containerId, name),
    meta: { invalidates: containerMutationKeys(endpointId) },
  };
}

export { CONTAINER_NAME_PATTERN };

/** The rename form's rule (containerRenameSchema) for callers that check a name alone. */
export function validateContainerName(name: string): string | null {
  const result = containerRenameSchema.safeParse({ name });
  return result.success ? null : (result.error.issues[0]?.message ?? 'Not a container name.');
}
