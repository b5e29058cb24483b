// An engine outside a swarm: start a new one here, or join one by its token.
import { endpointKeys } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Tabs } from '@/components/ui/tabs';
import { useEnginePermission } from '@/hooks/use-me';
import { PageHeader } from '@/components/ui/page-header';
import { initSwarm, joinSwarm } from '../api/swarm-api';
import { RefusalAlert } from './dialog-shells';
import {
  CheckboxFields,
  SubmitForm,
  TextFields,
  useFormValues,
  useSubmitCheck,
} from './form-fields';
import type { TextFieldSpec } from './form-fields';

type Mode = 'init' | 'join';

export function InitJoinScreen({ endpointId }: { endpointId: string }) {
  const can = useEnginePermission();
  const [mode, setMode] = useState<Mode>('init');
  if (!can('POST', '/swarm/init').allowed)
    return (
      <div className="p-6">
        <PageHeader title="Swarm" />
        <p className="p-6 text-[13px] text-muted">
          This engine is not part of a swarm. An admin can initialise one or join one here.
        </p>
      </div>
    );
  return (
    <div className="flex h-full min-h-0 flex-col">
      <PageHeader
        title="Swarm"
        description="This engine is not part of a swarm. Start a new one, or join one."
      />
      <Tabs
        label="Swarm setup"
        value={mode}
        onChange={setMode}
        items={[
          { value: 'init', label: 'Initialise' },
          { value: 'join', label: 'Join' },
        ]}
      >
        <div className="max-w-2xl p-6">
          {mode === 'init' ? (
            <InitForm endpointId={endpointId} />
          ) : (
            <JoinForm endpointId={endpointId} />
          )}
        </div>
      </Tabs>
    </div>
  );
}

/** Both setup forms: named for their landmark, the engine's refusal, then the one action. */
function SetupForm({
  label,
  submitLabel,
  pending,
  error,
  onSubmit,
  children,
}: {
  label: string;
  submitLabel: string;
  pending: boolean;
  error: Error | null;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <SubmitForm label={label} className="flex flex-col gap-3" onSubmit={onSubmit}>
      {children}
      <RefusalAlert error={error} />
      <div>
        <Button type="submit" variant="primary" loading={pending}>
          {submitLabel}
        </Button>
      </div>
    </SubmitForm>
  );
}

const DEFAULT_LISTEN = '0.0.0.0:2377';

type InitKey = 'advertise' | 'listen' | 'dataPath' | 'pool' | 'subnetSize' | 'taskHistory';

const INIT_FIELDS: readonly TextFieldSpec<InitKey>[] = [
  {
    key: 'advertise',
    label: 'Advertise address',
    hint: 'Address other nodes reach this one at (ip or interface[:port]). Empty: detected.',
  },
  { key: 'listen', label: 'Listen address' },
  {
    key: 'dataPath',
    label: 'Data path address',
    hint: 'Interface or address for overlay traffic (optional).',
  },
  {
    key: 'pool',
    label: 'Default address pool',
    hint: 'CIDRs for overlay networks, comma separated (optional).',
  },
  {
    key: 'subnetSize',
    label: 'Subnet size',
    hint: 'Prefix length of each network from the pool (default 24).',
  },
  { key: 'taskHistory', label: 'Task history limit' },
];

const INIT_FLAGS = [
  { key: 'autolock', label: 'Autolock managers' },
  {
    key: 'forceNew',
    label: 'Force a new cluster',
    hint: "Recover from a lost quorum, keeping this node's state.",
  },
] as const;

/** The optional addresses: sent only when typed, so the engine picks its own otherwise. */
function addresses(form: { listen: string; advertise: string; dataPath: string }) {
  return {
    ListenAddr: form.listen.trim() || DEFAULT_LISTEN,
    ...(form.advertise.trim() ? { AdvertiseAddr: form.advertise.trim() } : {}),
    ...(form.dataPath.trim() ? { DataPathAddr: form.dataPath.trim() } : {}),
  };
}

const list = (text: string) => text.split(/[\s,]+/).filter(Boolean);

function InitForm({ endpointId }: { endpointId: string }) {
  const [form, set] = useFormValues({
    advertise: '',
    listen: DEFAULT_LISTEN,
    dataPath: '',
    pool: '',
    subnetSize: '',
    taskHistory: '5',
    autolock: false,
    forceNew: false,
  });
  const mutation = useMutation({
    mutationFn: () =>
      initSwarm(endpointId, {
        ...addresses(form),
        ...(form.pool.trim() ? { DefaultAddrPool: list(form.pool) } : {}),
        ...(form.subnetSize.trim() ? { SubnetSize: Number(form.subnetSize) } : {}),
        ForceNewCluster: form.forceNew,
        Spec: {
          Orchestration: { TaskHistoryRetentionLimit: Number(form.taskHistory) || 5 },
          EncryptionConfig: { AutoLockManagers: form.autolock },
        },
      }),
    meta: { toastOnError: false, invalidates: [endpointKeys.root(endpointId)] },
  });
  return (
    <SetupForm
      label="Initialise a swarm"
      submitLabel="Initialise swarm"
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={() => mutation.mutate()}
    >
      <TextFields columns={2} fields={INIT_FIELDS} values={form} onChange={set} />
      <CheckboxFields fields={INIT_FLAGS} values={form} onChange={set} />
    </SetupForm>
  );
}

type JoinKey = 'token' | 'remotes' | 'advertise' | 'listen' | 'dataPath';

const JOIN_FIELDS: readonly TextFieldSpec<JoinKey>[] = [
  { key: 'token', label: 'Join token' },
  { key: 'remotes', label: 'Manager addresses', hint: 'host:port of managers, comma separated.' },
];

const JOIN_ADDRESS_FIELDS: readonly TextFieldSpec<JoinKey>[] = [
  { key: 'advertise', label: 'Advertise address' },
  { key: 'listen', label: 'Listen address' },
  { key: 'dataPath', label: 'Data path address' },
];

function JoinForm({ endpointId }: { endpointId: string }) {
  const [form, set] = useFormValues({
    token: '',
    remotes: '',
    advertise: '',
    listen: DEFAULT_LISTEN,
    dataPath: '',
  });
  const errors: Partial<Record<JoinKey, string>> = {};
  if (!/^SWMTKN-/.test(form.token.trim())) errors.token = 'A join token starts with SWMTKN-.';
  if (!form.remotes.trim()) errors.remotes = 'At least one manager address (host:2377).';
  const mutation = useMutation({
    mutationFn: () =>
      joinSwarm(endpointId, {
        JoinToken: form.token.trim(),
        RemoteAddrs: list(form.remotes),
        ...addresses(form),
      }),
    meta: { toastOnError: false, invalidates: [endpointKeys.root(endpointId)] },
  });
  const check = useSubmitCheck(errors, () => mutation.mutate());
  return (
    <SetupForm
      label="Join a swarm"
      submitLabel="Join swarm"
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={check.submit}
    >
      <TextFields fields={JOIN_FIELDS} values={form} error={check.error} onChange={set} />
      <TextFields columns={3} fields={JOIN_ADDRESS_FIELDS} values={form} onChange={set} />
    </SetupForm>
  );
}
