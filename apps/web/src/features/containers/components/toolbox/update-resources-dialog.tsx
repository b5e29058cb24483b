import type { ContainerInspect } from '@berth/api';
import { endpointKeys } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import {
  emptyCreateView,
  toRequest,
  toViewModel,
  validateCreateView,
} from '../../api/create-view-model';
import type { CreateView, RestartName } from '../../api/create-view-model';
import { updateContainer } from '../../api/toolbox';
import { SelectField } from '@/components/ui/field';

type Fields = Pick<
  CreateView,
  | 'memory'
  | 'memorySwap'
  | 'memoryReservation'
  | 'cpus'
  | 'cpuShares'
  | 'cpuQuota'
  | 'cpuPeriod'
  | 'cpusetCpus'
  | 'pidsLimit'
  | 'restartPolicy'
  | 'maxRetries'
>;

const KEYS: Array<keyof Fields> = [
  'memory',
  'memorySwap',
  'memoryReservation',
  'cpus',
  'cpuShares',
  'cpuQuota',
  'cpuPeriod',
  'cpusetCpus',
  'pidsLimit',
  'restartPolicy',
  'maxRetries',
];

/** The update body: the create mapper's HostConfig, limited to what `/update` accepts. */
export function toUpdateBody(fields: Fields): Record<string, unknown> {
  const view = { ...emptyCreateView(), ...fields };
  const host = toRequest({ ...view, image: 'x' }).body.HostConfig as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const key of [
    'Memory',
    'MemorySwap',
    'MemoryReservation',
    'NanoCpus',
    'CpuShares',
    'CpuQuota',
    'CpuPeriod',
    'CpusetCpus',
    'PidsLimit',
  ]) {
    if (host[key] !== undefined) body[key] = host[key];
  }
  body.RestartPolicy = host.RestartPolicy ?? { Name: 'no' };
  return body;
}

export function UpdateResourcesDialog({
  endpointId,
  inspect,
  open,
  onClose,
}: {
  endpointId: string;
  inspect: ContainerInspect;
  open: boolean;
  onClose: () => void;
}) {
  const initial = toViewModel(inspect);
  const [fields, setFields] = useState<Fields>(
    () => Object.fromEntries(KEYS.map((key) => [key, initial[key]])) as Fields,
  );
  const [warnings, setWarnings] = useState<string[] | null>(null);
  const errors = validateCreateView({ ...initial, ...fields });
  const mutation = useMutation({
    mutationFn: () => updateContainer(endpointId, inspect.Id, toUpdateBody(fields)),
    meta: { toastOnError: false, invalidates: [endpointKeys.container(endpointId, inspect.Id)] },
    onSuccess: (result) => {
      const list = result?.Warnings ?? [];
      if (list.length) setWarnings(list);
      else onClose();
    },
  });
  const field = (key: keyof Fields, label: string, placeholder?: string) => (
    <TextField
      label={label}
      placeholder={placeholder}
      value={fields[key]}
      error={errors[key]}
      onChange={(event) => setFields({ ...fields, [key]: event.target.value })}
    />
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    if (Object.keys(errors).some((key) => (KEYS as string[]).includes(key))) return;
    mutation.mutate();
  }
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Update resources"
      description="Applied to the running container; no restart."
      className="max-w-xl"
      busy={mutation.isPending}
    >
      <form id="update-resources" onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <div className="grid grid-cols-2 gap-3">
          {field('memory', 'Memory limit', '512m')}
          {field('memorySwap', 'Memory + swap', '-1: unlimited')}
          {field('memoryReservation', 'Memory reservation')}
          {field('pidsLimit', 'PIDs limit')}
          {field('cpus', 'CPUs', '1.5')}
          {field('cpuShares', 'CPU shares')}
          {field('cpuQuota', 'CPU quota (µs)')}
          {field('cpuPeriod', 'CPU period (µs)')}
          {field('cpusetCpus', 'CPU set', '0-3')}
          <SelectField
            label="Restart policy"
            value={fields.restartPolicy}
            onChange={(e) => setFields({ ...fields, restartPolicy: e.target.value as RestartName })}
          >
            <option value="no">no</option>
            <option value="always">always</option>
            <option value="unless-stopped">unless-stopped</option>
            <option value="on-failure">on-failure</option>
          </SelectField>
          {fields.restartPolicy === 'on-failure' && field('maxRetries', 'Max retries')}
        </div>
        {mutation.isError && (
          <InlineAlert title="The engine refused the update">{mutation.error.message}</InlineAlert>
        )}
        {warnings && (
          <InlineAlert tone="warning" title="Updated, with warnings from the engine">
            <ul className="list-disc pl-4">
              {warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </InlineAlert>
        )}
        <div className="flex justify-end gap-2 pb-4">
          <Button onClick={onClose} disabled={mutation.isPending}>
            {warnings ? 'Close' : 'Cancel'}
          </Button>
          <Button type="submit" variant="primary" loading={mutation.isPending}>
            Update
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
