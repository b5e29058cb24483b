// The swarm's settings: read in a panel, changed in a dialog. Durations are nanoseconds in the
// spec and seconds (or hours) on screen.
import { endpointKeys } from '@berth/api';
import type { SwarmInspect, SwarmSpec } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { KeyValueList } from '@/components/ui/key-value';
import { Panel } from '@/components/ui/panel';
import { updateSwarm } from '../api/swarm-api';
import { FormDialogShell } from './dialog-shells';
import { CheckboxFields, TextFields, useFormValues, useSubmitCheck } from './form-fields';
import type { TextFieldSpec } from './form-fields';

const NS = 1e9;

function seconds(ns: number | undefined) {
  return ns === undefined ? '' : `${ns / NS} s`;
}

function num(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
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

type NumberKey =
  'taskHistory' | 'snapshotInterval' | 'keepOldSnapshots' | 'heartbeat' | 'certExpiryHours';

const FIELDS: readonly TextFieldSpec<NumberKey>[] = [
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

const AUTOLOCK = [
  {
    key: 'autolock',
    label: 'Autolock managers',
    hint: 'Managers need the unlock key after a restart.',
  },
] as const;

/** Counts must be whole numbers; the heartbeat and the expiry only positive. */
const WHOLE: readonly NumberKey[] = ['taskHistory', 'snapshotInterval', 'keepOldSnapshots'];

/** The props of the dialogs that change the swarm object itself. */
export interface SwarmDialogProps {
  endpointId: string;
  swarm: SwarmInspect;
  onClose: () => void;
}

export function SwarmSpecDialog({ endpointId, swarm, onClose }: SwarmDialogProps) {
  const spec = swarm.Spec;
  const [form, set] = useFormValues({
    taskHistory: String(spec.Orchestration?.TaskHistoryRetentionLimit ?? 5),
    snapshotInterval: String(spec.Raft?.SnapshotInterval ?? 10000),
    keepOldSnapshots: String(spec.Raft?.KeepOldSnapshots ?? 0),
    heartbeat: String((spec.Dispatcher?.HeartbeatPeriod ?? 5 * NS) / NS),
    certExpiryHours: String(
      Math.round((spec.CAConfig?.NodeCertExpiry ?? 7776000 * NS) / NS / 3600),
    ),
    autolock: spec.EncryptionConfig?.AutoLockManagers ?? false,
  });
  const errors: Partial<Record<NumberKey, string>> = {};
  for (const { key } of FIELDS)
    if (WHOLE.includes(key) ? !/^\d+$/.test(form[key].trim()) : !(Number(form[key]) > 0))
      errors[key] = WHOLE.includes(key) ? 'A whole number.' : 'A positive number.';
  const mutation = useMutation({
    mutationFn: () =>
      updateSwarm(endpointId, swarm.Version.Index, {
        ...spec,
        Orchestration: { ...spec.Orchestration, TaskHistoryRetentionLimit: num(form.taskHistory) },
        Raft: {
          ...spec.Raft,
          SnapshotInterval: num(form.snapshotInterval),
          KeepOldSnapshots: num(form.keepOldSnapshots),
        },
        Dispatcher: { ...spec.Dispatcher, HeartbeatPeriod: Number(form.heartbeat) * NS },
        CAConfig: { ...spec.CAConfig, NodeCertExpiry: Number(form.certExpiryHours) * 3600 * NS },
        EncryptionConfig: { ...spec.EncryptionConfig, AutoLockManagers: form.autolock },
      }),
    meta: { toastOnError: false, invalidates: [endpointKeys.swarm(endpointId)] },
    onSuccess: onClose,
  });
  const check = useSubmitCheck(errors, () => mutation.mutate());
  return (
    <FormDialogShell
      title="Swarm settings"
      saveLabel="Save settings"
      pending={mutation.isPending}
      error={mutation.error}
      onClose={onClose}
      onSubmit={check.submit}
    >
      <TextFields columns={2} fields={FIELDS} values={form} error={check.error} onChange={set} />
      <CheckboxFields fields={AUTOLOCK} values={form} onChange={set} />
    </FormDialogShell>
  );
}
