import { endpointKeys } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { Minus, Plus } from 'lucide-react';
import { IconButton } from '@/components/ui/button';
import { desiredReplicas, inspectService, scaledSpec, updateService } from '../api/swarm-api';
import type { ServiceListItem } from '../api/swarm-lists';

/**
 * Scale by one in a click: the service's current spec and version (read just then: the list's
 * row has neither) go back with the new replica count.
 */
export function ScaleControl({
  endpointId,
  service,
  disabled,
}: {
  endpointId: string;
  service: Pick<ServiceListItem, 'ID' | 'Spec'>;
  disabled?: boolean;
}) {
  const desired = desiredReplicas(service);
  const mutation = useMutation({
    mutationFn: async (replicas: number) => {
      const current = await inspectService(endpointId, service.ID);
      return updateService(endpointId, current, scaledSpec(current.Spec, replicas));
    },
    meta: { errorTitle: 'Could not scale', invalidates: [endpointKeys.swarm(endpointId)] },
  });
  if (desired === null) return <span className="text-muted">global</span>;
  return (
    <span className="inline-flex items-center gap-1">
      <IconButton
        size="sm"
        aria-label={`Scale ${service.Spec.Name} down`}
        disabled={disabled || desired === 0 || mutation.isPending}
        onClick={() => mutation.mutate(desired - 1)}
      >
        <Minus className="size-3.5" />
      </IconButton>
      <IconButton
        size="sm"
        aria-label={`Scale ${service.Spec.Name} up`}
        disabled={disabled || mutation.isPending}
        onClick={() => mutation.mutate(desired + 1)}
      >
        <Plus className="size-3.5" />
      </IconButton>
    </span>
  );
}
