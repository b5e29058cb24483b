import { endpointKeys } from '@berth/api';
import { removeService } from '../api/swarm-api';
import { ConfirmDialog } from './swarm-bits';

/** Removing a service, from its list or its page (which then goes back to the list). */
export function RemoveServiceDialog({
  endpointId,
  service,
  onClose,
  onDone,
}: {
  endpointId: string;
  service: { ID: string; Spec: { Name: string } };
  onClose: () => void;
  onDone?: () => void;
}) {
  return (
    <ConfirmDialog
      title={`Remove ${service.Spec.Name}?`}
      description="Its tasks are stopped and removed on every node."
      confirm="Remove service"
      action={() => removeService(endpointId, service.ID)}
      invalidates={[endpointKeys.swarm(endpointId)]}
      onClose={onClose}
      onDone={onDone}
    />
  );
}
