// Live resource update (POST /containers/{id}/update): every ContainerUpdate field, prefilled
// from the container's HostConfig; only what the person changed is sent.
import {
  RESTART_POLICIES,
  containerUpdateFromHost,
  containerUpdateSchema,
  toContainerUpdate,
} from '@berth/api';
import type { ContainerInspect, ContainerUpdateValues, UpdatableHostConfig } from '@berth/api';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import {
  FormCheckboxField,
  FormDialog,
  FormDisclosure,
  FormSection,
  FormSelectField,
  FormTextField,
  useZodForm,
} from '@/components/ui/form';
import { InlineAlert } from '@/components/ui/inline-alert';
import { updateContainerMutation } from '../../api/toolbox';
import { DeviceRowsField, UlimitRowsField } from './update-resources-fields';

type Values = ContainerUpdateValues;

const ADVANCED: ReadonlyArray<keyof Values> = [
  'cpuShares',
  'cpuQuota',
  'cpuPeriod',
  'cpuRealtimePeriod',
  'cpuRealtimeRuntime',
  'cpusetMems',
  'kernelMemory',
  'memorySwappiness',
  'blkioWeight',
  'blkioWeightDevice',
  'blkioDeviceReadBps',
  'blkioDeviceWriteBps',
  'blkioDeviceReadIOps',
  'blkioDeviceWriteIOps',
  'ulimits',
];

const grid = 'grid grid-cols-2 gap-3';

export function UpdateResourcesDialog({
  endpointId,
  inspect,
  onClose,
}: {
  endpointId: string;
  inspect: ContainerInspect;
  /** Kept for callers that still pass it: the dialog is open while it is mounted. */
  open?: boolean;
  onClose: () => void;
}) {
  const initial = useMemo(
    () => containerUpdateFromHost(inspect.HostConfig as UpdatableHostConfig),
    [inspect.HostConfig],
  );
  const form = useZodForm(containerUpdateSchema, { defaultValues: initial });
  const [warnings, setWarnings] = useState<string[] | null>(null);
  const onFailure = form.watch('restartPolicy') === 'on-failure';
  const field = (name: keyof Values, label: string, placeholder?: string, hint?: string) => (
    <FormTextField<Values> name={name} label={label} placeholder={placeholder} hint={hint} />
  );
  return (
    <FormDialog
      title="Update resources"
      description="Applied to the running container; no restart. Only the fields you change are sent."
      className="max-w-2xl"
      onClose={onClose}
      form={form}
      mutation={updateContainerMutation(endpointId, inspect.Id)}
      toVariables={(values) => toContainerUpdate(values, initial)}
      keepOpen
      onSuccess={(result) => {
        const list = result?.Warnings ?? [];
        if (list.length) setWarnings(list);
        else onClose();
      }}
      submitLabel="Update"
      errorTitle="The engine refused the update"
      footer={warnings ? <Button onClick={onClose}>Close</Button> : undefined}
    >
      <FormSection title="Memory and CPU">
        <div className={grid}>
          {field('memory', 'Memory limit', '512m')}
          {field('memorySwap', 'Memory + swap', '-1: unlimited')}
          {field('memoryReservation', 'Memory reservation', '256m', 'A soft limit.')}
          {field('pidsLimit', 'PIDs limit', '-1: unlimited')}
          {field('cpus', 'CPUs', '1.5')}
          {field('cpusetCpus', 'CPU set', '0-3')}
        </div>
        <FormCheckboxField<Values> name="oomKillDisable" label="Disable the OOM killer" />
      </FormSection>
      <FormSection title="Restart">
        <div className={grid}>
          <FormSelectField<Values> name="restartPolicy" label="Restart policy">
            {RESTART_POLICIES.map((policy) => (
              <option key={policy} value={policy}>
                {policy}
              </option>
            ))}
          </FormSelectField>
          {onFailure && field('maxRetries', 'Max retries')}
        </div>
      </FormSection>
      <FormDisclosure<Values> title="Advanced" fields={ADVANCED}>
        <FormSection title="CPU scheduling">
          <div className={grid}>
            {field('cpuShares', 'CPU shares', '1024')}
            {field('cpuQuota', 'CPU quota (µs)', '50000')}
            {field('cpuPeriod', 'CPU period (µs)', '100000')}
            {field('cpusetMems', 'Memory nodes', '0-1', 'NUMA systems only.')}
            {field('cpuRealtimePeriod', 'Realtime period (µs)')}
            {field('cpuRealtimeRuntime', 'Realtime runtime (µs)')}
          </div>
        </FormSection>
        <FormSection title="Memory tuning">
          <div className={grid}>
            {field('kernelMemory', 'Kernel memory', '64m', 'Ignored on cgroup v2.')}
            {field('memorySwappiness', 'Swappiness', '0-100')}
          </div>
        </FormSection>
        <FormSection title="Block IO">
          <div className={grid}>{field('blkioWeight', 'Block IO weight', '10-1000')}</div>
          <DeviceRowsField
            name="blkioWeightDevice"
            noun="Device weight"
            valueLabel="weight"
            placeholder="500"
          />
          <DeviceRowsField
            name="blkioDeviceReadBps"
            noun="Read rate"
            valueLabel="bytes/s"
            placeholder="10m"
          />
          <DeviceRowsField
            name="blkioDeviceWriteBps"
            noun="Write rate"
            valueLabel="bytes/s"
            placeholder="10m"
          />
          <DeviceRowsField
            name="blkioDeviceReadIOps"
            noun="Read IOPS"
            valueLabel="ops/s"
            placeholder="1000"
          />
          <DeviceRowsField
            name="blkioDeviceWriteIOps"
            noun="Write IOPS"
            valueLabel="ops/s"
            placeholder="1000"
          />
        </FormSection>
        <FormSection title="Ulimits">
          <UlimitRowsField />
        </FormSection>
      </FormDisclosure>
      {warnings && (
        <InlineAlert tone="warning" title="Updated, with warnings from the engine">
          <ul className="list-disc pl-4">
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </InlineAlert>
      )}
    </FormDialog>
  );
}
