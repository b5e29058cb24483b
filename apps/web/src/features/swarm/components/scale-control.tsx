import { endpointKeys } from '@berth/api';
import type { SwarmService } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { Minus, Plus } from 'lucide-react';
import { IconButton } from '@/components/ui/button';
import { desiredReplicas, scaledSpec, updateService } from '../api/swarm-api';

/** Scale by one in a click: the current spec goes back with a new replica count. */
export function ScaleControl({
  endpointId,
  service,
  disabled,
}: {
  endpointId: string;
  service: SwarmService;
  disabled?: boolean;
}) {
  const desired = desiredReplicas(service);
  const mutation = useMutation({
    mutationFn: (replicas: number) =>
      updateService(endpointId, service, scaledSpec(service.Spec, replicas)),
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
