import { endpointKeys } from '@berth/api';
import type { ServiceSpec, SwarmService } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { TextAreaField, TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { desiredReplicas, updateService } from '../api/swarm-api';
import { RefusalAlert, SaveButtons } from './dialog-shells';

/**
 * The fields people change most (image, environment, replicas) as a form, and the whole spec as
 * JSON for everything else; the object's version goes back with it.
 */
export function UpdateServiceDialog({
  endpointId,
  service,
  onClose,
}: {
  endpointId: string;
  service: SwarmService;
  onClose: () => void;
}) {
  const spec = service.Spec;
  const [image, setImage] = useState(spec.TaskTemplate.ContainerSpec?.Image ?? '');
  const [env, setEnv] = useState((spec.TaskTemplate.ContainerSpec?.Env ?? []).join('\n'));
  const [replicas, setReplicas] = useState(String(desiredReplicas(service) ?? ''));
  const [queryRegistry, setQueryRegistry] = useState(true);
  const [json, setJson] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (next: ServiceSpec) => updateService(endpointId, service, next, { queryRegistry }),
    meta: { toastOnError: false, invalidates: [endpointKeys.swarm(endpointId)] },
    onSuccess: (answer) => {
      if (!answer.warnings.length) onClose();
    },
  });

  function submit() {
    setProblem(null);
    if (json !== null) {
      try {
        mutation.mutate(JSON.parse(json) as ServiceSpec);
      } catch (error) {
        setProblem(`The spec is not valid JSON: ${(error as Error).message}`);
      }
      return;
    }
    if (!image.trim()) return setProblem('An image is required.');
    if (!spec.Mode?.Global && !/^\d+$/.test(replicas.trim()))
      return setProblem('Replicas must be a whole number.');
    const lines = env
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    mutation.mutate({
      ...spec,
      TaskTemplate: {
        ...spec.TaskTemplate,
        ContainerSpec: { ...spec.TaskTemplate.ContainerSpec, Image: image.trim(), Env: lines },
      },
      ...(spec.Mode?.Global ? {} : { Mode: { Replicated: { Replicas: Number(replicas) } } }),
    });
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Update ${spec.Name}`}
      className="sm:max-w-2xl"
      busy={mutation.isPending}
      footer={
        mutation.isSuccess ? (
          <Button onClick={onClose}>Close</Button>
        ) : (
          <SaveButtons
            label="Update service"
            pending={mutation.isPending}
            onCancel={onClose}
            onSave={submit}
          />
        )
      }
    >
      <div className="flex flex-col gap-3">
        {json === null ? (
          <>
            <TextField label="Image" value={image} onChange={(e) => setImage(e.target.value)} />
            {!spec.Mode?.Global && (
              <TextField
                label="Replicas"
                inputMode="numeric"
                value={replicas}
                onChange={(e) => setReplicas(e.target.value)}
              />
            )}
            <TextAreaField
              label="Environment"
              hint="One KEY=value a line."
              value={env}
              onChange={(e) => setEnv(e.target.value)}
            />
            <div>
              <Button size="sm" onClick={() => setJson(JSON.stringify(spec, null, 2))}>
                Edit the whole spec as JSON
              </Button>
            </div>
          </>
        ) : (
          <TextAreaField
            label="Service spec (JSON)"
            rows={18}
            value={json}
            onChange={(e) => setJson(e.target.value)}
          />
        )}
        <CheckboxField
          label="Resolve the image to a digest in its registry"
          checked={queryRegistry}
          onChange={(e) => setQueryRegistry(e.target.checked)}
        />
        {problem && <InlineAlert>{problem}</InlineAlert>}
        <RefusalAlert error={mutation.error} />
        {mutation.data?.warnings.length ? (
          <InlineAlert tone="warning" title="Updated, with a warning">
            {mutation.data.warnings.join(' ')}
          </InlineAlert>
        ) : null}
      </div>
    </Dialog>
  );
}
