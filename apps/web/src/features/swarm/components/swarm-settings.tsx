// The swarm's settings: read in a panel, changed in a dialog. Durations are nanoseconds in the
// spec and seconds (or hours) on screen.
import { swarmSettingsForm, swarmSettingsFormSchema, toSwarmSpec } from '@berth/api';
import type { SwarmInspect, SwarmSettingsFormValues, SwarmSpec } from '@berth/api';
import { useZodForm } from '@/components/ui/form';
import { KeyValueList } from '@/components/ui/key-value';
import { Panel } from '@/components/ui/panel';
import { updateSwarmMutation } from '../api/swarm-mutations';
import { SwarmFormDialog } from './dialog-shells';
import { CheckboxFields, TextFields } from './form-fields';
import type { CheckboxSpec, TextFieldSpec } from './form-fields';

const NS = 1e9;

function seconds(ns: number | undefined) {
  return ns === undefined ? '' : `${ns / NS} s`;
}

export function SpecPanel({ spec }: { spec: SwarmSpec }) {
  return (
    <Panel title="Settings" bodyClassName="px-4 py-1">
      <KeyValueList
        items={[
          {
            label: 'Task history',
            value: String(spec.Orchestration?.TaskHistoryRetentionLimit ?? ''),
          },
          { label: 'Raft snapshot interval', value: String(spec.Raft?.SnapshotInterval ?? '') },
          { label: 'Raft old snapshots', value: String(spec.Raft?.KeepOldSnapshots ?? '') },
          { label: 'Dispatcher heartbeat', value: seconds(spec.Dispatcher?.HeartbeatPeriod) },
          {
            label: 'Node certificate expiry',
            value: spec.CAConfig?.NodeCertExpiry
              ? `${Math.round(spec.CAConfig.NodeCertExpiry / NS / 3600)} h`
              : '',
          },
        ]}
      />
    </Panel>
  );
}

const FIELDS: readonly TextFieldSpec<keyof SwarmSettingsFormValues>[] = [
  {
    key: 'taskHistory',
    label: 'Task history limit',
    hint: 'Old tasks kept per slot.',
    numeric: true,
  },
  {
    key: 'snapshotInterval',
    label: 'Raft snapshot interval',
    hint: 'Log entries between snapshots.',
    numeric: true,
  },
  { key: 'keepOldSnapshots', label: 'Old snapshots kept', numeric: true },
  { key: 'heartbeat', label: 'Dispatcher heartbeat (s)', numeric: true },
  { key: 'certExpiryHours', label: 'Node certificate expiry (h)', numeric: true },
];

const AUTOLOCK: readonly CheckboxSpec<keyof SwarmSettingsFormValues>[] = [
  {
    key: 'autolock',
    label: 'Autolock managers',
    hint: 'Managers need the unlock key after a restart.',
  },
];

/** The props of the dialogs that change the swarm object itself. */
export interface SwarmDialogProps {
  endpointId: string;
  swarm: SwarmInspect;
  onClose: () => void;
}

export function SwarmSpecDialog({ endpointId, swarm, onClose }: SwarmDialogProps) {
  const form = useZodForm(swarmSettingsFormSchema, {
    defaultValues: swarmSettingsForm(swarm.Spec),
  });
  return (
    <SwarmFormDialog
      title="Swarm settings"
      submitLabel="Save settings"
      onClose={onClose}
      form={form}
      mutation={updateSwarmMutation(endpointId, swarm.Version.Index)}
      toVariables={(values) => toSwarmSpec(swarm.Spec, values)}
    >
      <TextFields<SwarmSettingsFormValues> columns={2} fields={FIELDS} />
      <CheckboxFields<SwarmSettingsFormValues> fields={AUTOLOCK} />
    </SwarmFormDialog>
  );
}
