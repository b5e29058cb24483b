import { endpointKeys, formatAgo } from '@berth/api';
import type { SwarmInspect, SwarmSpec } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { KeyRound, LogOut, RefreshCw, Settings2, Unlock } from 'lucide-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { KeyValueList } from '@/components/ui/key-value';
import { Panel } from '@/components/ui/panel';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Tabs } from '@/components/ui/tabs';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useEnginePermission } from '@/hooks/use-me';
import { infoQueryOptions } from '@/lib/queries';
import {
  getUnlockKey,
  initSwarm,
  joinSwarm,
  leaveSwarm,
  swarmQueryOptions,
  unlockSwarm,
  updateSwarm,
  versionConflictMessage,
} from '../api/swarm-api';
import { ConfirmDialog, PageHeader } from '../components/swarm-bits';

const NS = 1e9;

export function SwarmRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Swarm');
  const info = useQuery(infoQueryOptions(endpointId));
  const state = info.data?.Swarm?.LocalNodeState;
  if (info.isPending) return <SkeletonRows rows={4} label="Loading the swarm state" />;
  if (info.isError)
    return (
      <ErrorState
        title="Could not read the engine's swarm state"
        message={info.error.message}
        onRetry={() => void info.refetch()}
      />
    );
  if (state === 'locked') return <UnlockScreen endpointId={endpointId} />;
  if (state !== 'active' && state !== 'pending') return <InitJoinScreen endpointId={endpointId} />;
  if (!info.data.Swarm?.ControlAvailable)
    return (
      <div className="p-6">
        <PageHeader title="Swarm" />
        <div className="flex flex-col gap-3 p-6">
          <InlineAlert tone="info" title="This node is a worker">
            Node {info.data.Swarm?.NodeID} takes part in a swarm as a worker. Nodes, services,
            secrets and configs are managed from a manager node.
          </InlineAlert>
          <LeaveButton endpointId={endpointId} lastManager={false} />
        </div>
      </div>
    );
  return <SwarmOverview endpointId={endpointId} />;
}

function SwarmOverview({ endpointId }: { endpointId: string }) {
  const can = useEnginePermission();
  const isAdmin = can('POST', '/swarm/update').allowed;
  // The swarm object holds the join tokens: the engine route is admin-only, so others read /info.
  const swarm = useQuery({ ...swarmQueryOptions(endpointId), enabled: isAdmin });
  const info = useQuery(infoQueryOptions(endpointId));
  const [editing, setEditing] = useState(false);
  const [unlockKey, setUnlockKey] = useState(false);
  const raw = info.data?.Swarm as { Managers?: number; Nodes?: number } | undefined;
  const managers = raw?.Managers ?? 1;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <PageHeader
        title="Swarm"
        description="This engine is a manager of a swarm."
        actions={
          isAdmin && swarm.data ? (
            <>
              <Button
                size="sm"
                icon={<KeyRound className="size-3.5" aria-hidden />}
                onClick={() => setUnlockKey(true)}
              >
                Unlock key
              </Button>
              <Button
                size="sm"
                icon={<Settings2 className="size-3.5" aria-hidden />}
                onClick={() => setEditing(true)}
              >
                Edit settings
              </Button>
              <LeaveButton endpointId={endpointId} lastManager={managers <= 1} />
            </>
          ) : null
        }
      />
      <div className="min-h-0 flex-1 overflow-auto p-6">
        {!isAdmin ? (
          <Panel title="Cluster" bodyClassName="px-4 py-1" className="max-w-2xl">
            <KeyValueList
              items={[
                { label: 'This node', value: info.data?.Swarm?.NodeID, mono: true },
                { label: 'Nodes', value: String(raw?.Nodes ?? '—') },
                { label: 'Managers', value: String(managers) },
              ]}
            />
            <SectionLinks endpointId={endpointId} />
            <p className="pb-3 text-[12.5px] text-muted">
              Swarm settings, join tokens and the unlock key are for admins.
            </p>
          </Panel>
        ) : swarm.isPending ? (
          <SkeletonRows rows={5} label="Loading the swarm" />
        ) : swarm.isError ? (
          <ErrorState
            title="Could not inspect the swarm"
            message={swarm.error.message}
            onRetry={() => void swarm.refetch()}
          />
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            <Panel title="Cluster" bodyClassName="px-4 py-1">
              <KeyValueList
                items={[
                  { label: 'ID', value: swarm.data.ID, mono: true },
                  {
                    label: 'Created',
                    value: formatAgo(new Date(swarm.data.CreatedAt).getTime()),
                  },
                  { label: 'Nodes', value: String(raw?.Nodes ?? '—') },
                  { label: 'Managers', value: String(managers) },
                  {
                    label: 'Default address pool',
                    value: (swarm.data.DefaultAddrPool ?? []).join(', '),
                    mono: true,
                  },
                  {
                    label: 'Autolock',
                    value: swarm.data.Spec.EncryptionConfig?.AutoLockManagers ? 'on' : 'off',
                  },
                ]}
              />
              <SectionLinks endpointId={endpointId} />
            </Panel>
            <SpecPanel spec={swarm.data.Spec} />
            {isAdmin && <JoinTokensPanel endpointId={endpointId} swarm={swarm.data} />}
          </div>
        )}
      </div>
      {editing && swarm.data && (
        <SwarmSpecDialog
          endpointId={endpointId}
          swarm={swarm.data}
          onClose={() => setEditing(false)}
        />
      )}
      {unlockKey && swarm.data && (
        <UnlockKeyDialog
          endpointId={endpointId}
          swarm={swarm.data}
          onClose={() => setUnlockKey(false)}
        />
      )}
    </div>
  );
}

function SectionLinks({ endpointId }: { endpointId: string }) {
  return (
    <nav aria-label="Swarm sections" className="flex flex-wrap gap-3 py-3 text-[13px]">
      {(
        [
          ['/endpoints/$endpointId/swarm/nodes', 'Nodes'],
          ['/endpoints/$endpointId/swarm/services', 'Services'],
          ['/endpoints/$endpointId/swarm/cluster', 'Cluster view'],
          ['/endpoints/$endpointId/swarm/secrets', 'Secrets'],
          ['/endpoints/$endpointId/swarm/configs', 'Configs'],
        ] as const
      ).map(([to, label]) => (
        <Link key={to} to={to} params={{ endpointId }} className="text-accent-text underline">
          {label}
        </Link>
      ))}
    </nav>
  );
}

function seconds(ns: number | undefined) {
  return ns === undefined ? '' : `${ns / NS} s`;
}

function SpecPanel({ spec }: { spec: SwarmSpec }) {
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

function JoinTokensPanel({ endpointId, swarm }: { endpointId: string; swarm: SwarmInspect }) {
  const rotate = useMutation({
    mutationFn: (which: 'worker' | 'manager') =>
      updateSwarm(endpointId, swarm.Version.Index, swarm.Spec, { [which]: true }),
    meta: {
      errorTitle: 'Could not rotate the token',
      invalidates: [endpointKeys.swarm(endpointId)],
    },
  });
  return (
    <Panel title="Join tokens" className="lg:col-span-2" bodyClassName="flex flex-col gap-3 p-4">
      <p className="text-[12.5px] text-muted">
        Another engine joins with <code>docker swarm join --token …</code> or Berth's Join screen.
        Rotate a token when it may have leaked: nodes already in the swarm are not affected.
      </p>
      {(['worker', 'manager'] as const).map((which) => {
        const token = which === 'worker' ? swarm.JoinTokens.Worker : swarm.JoinTokens.Manager;
        return (
          <div key={which} className="flex items-center gap-2">
            <span className="w-20 text-[12.5px] text-muted capitalize">{which}</span>
            <code
              aria-label={`${which} join token`}
              className="min-w-0 flex-1 truncate rounded bg-subtle px-2 py-1 font-mono text-[12px] text-fg"
            >
              {token}
            </code>
            <CopyButton text={token} label={`Copy the ${which} token`} />
            <Button
              size="sm"
              icon={<RefreshCw className="size-3.5" aria-hidden />}
              loading={rotate.isPending && rotate.variables === which}
              onClick={() => rotate.mutate(which)}
            >
              Rotate
            </Button>
          </div>
        );
      })}
    </Panel>
  );
}

function num(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

function SwarmSpecDialog({
  endpointId,
  swarm,
  onClose,
}: {
  endpointId: string;
  swarm: SwarmInspect;
  onClose: () => void;
}) {
  const spec = swarm.Spec;
  const [form, setForm] = useState({
    taskHistory: String(spec.Orchestration?.TaskHistoryRetentionLimit ?? 5),
    snapshotInterval: String(spec.Raft?.SnapshotInterval ?? 10000),
    keepOldSnapshots: String(spec.Raft?.KeepOldSnapshots ?? 0),
    heartbeat: String((spec.Dispatcher?.HeartbeatPeriod ?? 5 * NS) / NS),
    certExpiryHours: String(
      Math.round((spec.CAConfig?.NodeCertExpiry ?? 7776000 * NS) / NS / 3600),
    ),
    autolock: spec.EncryptionConfig?.AutoLockManagers ?? false,
  });
  const errors: Record<string, string> = {};
  for (const key of ['taskHistory', 'snapshotInterval', 'keepOldSnapshots'] as const)
    if (!/^\d+$/.test(form[key].trim())) errors[key] = 'A whole number.';
  for (const key of ['heartbeat', 'certExpiryHours'] as const)
    if (!(Number(form[key]) > 0)) errors[key] = 'A positive number.';
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
  const [submitted, setSubmitted] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!Object.keys(errors).length) mutation.mutate();
  }
  const field = (key: keyof typeof errors & keyof typeof form, label: string, hint?: string) => (
    <TextField
      label={label}
      hint={hint}
      inputMode="numeric"
      value={String(form[key])}
      error={submitted ? errors[key] : null}
      onChange={(e) => setForm({ ...form, [key]: e.target.value })}
    />
  );
  return (
    <Dialog
      open
      onClose={onClose}
      title="Swarm settings"
      className="max-w-lg"
      busy={mutation.isPending}
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-3 pb-4">
        <div className="grid grid-cols-2 gap-3">
          {field('taskHistory', 'Task history limit', 'Old tasks kept per slot.')}
          {field('snapshotInterval', 'Raft snapshot interval', 'Log entries between snapshots.')}
          {field('keepOldSnapshots', 'Old snapshots kept')}
          {field('heartbeat', 'Dispatcher heartbeat (s)')}
          {field('certExpiryHours', 'Node certificate expiry (h)')}
        </div>
        <CheckboxField
          label="Autolock managers"
          hint="Managers need the unlock key after a restart."
          checked={form.autolock}
          onChange={(e) => setForm({ ...form, autolock: e.target.checked })}
        />
        {mutation.isError && (
          <InlineAlert title="The engine refused">
            {versionConflictMessage(mutation.error)}
          </InlineAlert>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={mutation.isPending}>
            Save settings
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function UnlockKeyDialog({
  endpointId,
  swarm,
  onClose,
}: {
  endpointId: string;
  swarm: SwarmInspect;
  onClose: () => void;
}) {
  const key = useQuery({
    queryKey: [...endpointKeys.swarm(endpointId), 'unlockkey'],
    queryFn: () => getUnlockKey(endpointId),
    gcTime: 0,
    staleTime: 0,
  });
  const rotate = useMutation({
    mutationFn: () => updateSwarm(endpointId, swarm.Version.Index, swarm.Spec, { unlockKey: true }),
    meta: { toastOnError: false, invalidates: [endpointKeys.swarm(endpointId)] },
  });
  const value = key.data?.UnlockKey;
  return (
    <Dialog
      open
      onClose={onClose}
      title="Unlock key"
      description="With autolock on, a restarted manager stays locked until it is given this key."
      footer={<Button onClick={onClose}>Close</Button>}
    >
      {key.isPending ? (
        <SkeletonRows rows={1} label="Loading the key" />
      ) : key.isError ? (
        <InlineAlert>{key.error.message}</InlineAlert>
      ) : value ? (
        <div className="flex items-center gap-2">
          <code
            aria-label="Unlock key"
            className="min-w-0 flex-1 truncate rounded bg-subtle px-2 py-1 font-mono text-[12px]"
          >
            {value}
          </code>
          <CopyButton text={value} label="Copy the unlock key" />
          <Button size="sm" loading={rotate.isPending} onClick={() => rotate.mutate()}>
            Rotate
          </Button>
        </div>
      ) : (
        <p className="text-[13px] text-muted">
          Autolock is off: there is no unlock key. Turn it on in the swarm settings.
        </p>
      )}
      {rotate.isError && (
        <InlineAlert className="mt-2">{versionConflictMessage(rotate.error)}</InlineAlert>
      )}
    </Dialog>
  );
}

function LeaveButton({ endpointId, lastManager }: { endpointId: string; lastManager: boolean }) {
  const [open, setOpen] = useState(false);
  const [force, setForce] = useState(false);
  return (
    <>
      <Button
        size="sm"
        variant="danger"
        icon={<LogOut className="size-3.5" aria-hidden />}
        onClick={() => setOpen(true)}
      >
        Leave swarm
      </Button>
      {open && (
        <ConfirmDialog
          title="Leave the swarm?"
          confirm="Leave"
          action={() => leaveSwarm(endpointId, force)}
          invalidates={[endpointKeys.root(endpointId)]}
          onClose={() => setOpen(false)}
        >
          {lastManager && (
            <InlineAlert tone="warning" title="This is the last manager">
              Leaving destroys the swarm: its services, secrets and configs are gone for good. The
              engine only allows it with force.
            </InlineAlert>
          )}
          <CheckboxField
            label="Force"
            hint="Leave even if this breaks the cluster (needed for the last manager)."
            checked={force}
            onChange={(e) => setForce(e.target.checked)}
          />
        </ConfirmDialog>
      )}
    </>
  );
}

function UnlockScreen({ endpointId }: { endpointId: string }) {
  const [key, setKey] = useState('');
  const mutation = useMutation({
    mutationFn: () => unlockSwarm(endpointId, key.trim()),
    meta: { toastOnError: false, invalidates: [endpointKeys.root(endpointId)] },
  });
  return (
    <div className="mx-auto max-w-lg p-6">
      <PageHeader title="Swarm is locked" description="This manager restarted with autolock on." />
      <form
        className="flex flex-col gap-3 p-6"
        onSubmit={(e) => {
          e.preventDefault();
          if (key.trim()) mutation.mutate();
        }}
      >
        <TextField label="Unlock key" value={key} onChange={(e) => setKey(e.target.value)} />
        {mutation.isError && <InlineAlert>{mutation.error.message}</InlineAlert>}
        <Button
          type="submit"
          variant="primary"
          icon={<Unlock className="size-3.5" aria-hidden />}
          loading={mutation.isPending}
        >
          Unlock
        </Button>
      </form>
    </div>
  );
}

type Mode = 'init' | 'join';

function InitJoinScreen({ endpointId }: { endpointId: string }) {
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

function InitForm({ endpointId }: { endpointId: string }) {
  const [form, setForm] = useState({
    advertise: '',
    listen: '0.0.0.0:2377',
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
        ListenAddr: form.listen.trim() || '0.0.0.0:2377',
        ...(form.advertise.trim() ? { AdvertiseAddr: form.advertise.trim() } : {}),
        ...(form.dataPath.trim() ? { DataPathAddr: form.dataPath.trim() } : {}),
        ...(form.pool.trim() ? { DefaultAddrPool: form.pool.split(/[\s,]+/).filter(Boolean) } : {}),
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
    <form
      aria-label="Initialise a swarm"
      noValidate
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate();
      }}
    >
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Advertise address"
          hint="Address other nodes reach this one at (ip or interface[:port]). Empty: detected."
          value={form.advertise}
          onChange={(e) => setForm({ ...form, advertise: e.target.value })}
        />
        <TextField
          label="Listen address"
          value={form.listen}
          onChange={(e) => setForm({ ...form, listen: e.target.value })}
        />
        <TextField
          label="Data path address"
          hint="Interface or address for overlay traffic (optional)."
          value={form.dataPath}
          onChange={(e) => setForm({ ...form, dataPath: e.target.value })}
        />
        <TextField
          label="Default address pool"
          hint="CIDRs for overlay networks, comma separated (optional)."
          value={form.pool}
          onChange={(e) => setForm({ ...form, pool: e.target.value })}
        />
        <TextField
          label="Subnet size"
          hint="Prefix length of each network from the pool (default 24)."
          value={form.subnetSize}
          onChange={(e) => setForm({ ...form, subnetSize: e.target.value })}
        />
        <TextField
          label="Task history limit"
          value={form.taskHistory}
          onChange={(e) => setForm({ ...form, taskHistory: e.target.value })}
        />
      </div>
      <CheckboxField
        label="Autolock managers"
        checked={form.autolock}
        onChange={(e) => setForm({ ...form, autolock: e.target.checked })}
      />
      <CheckboxField
        label="Force a new cluster"
        hint="Recover from a lost quorum, keeping this node's state."
        checked={form.forceNew}
        onChange={(e) => setForm({ ...form, forceNew: e.target.checked })}
      />
      {mutation.isError && (
        <InlineAlert title="The engine refused">{mutation.error.message}</InlineAlert>
      )}
      <div>
        <Button type="submit" variant="primary" loading={mutation.isPending}>
          Initialise swarm
        </Button>
      </div>
    </form>
  );
}

function JoinForm({ endpointId }: { endpointId: string }) {
  const [form, setForm] = useState({
    token: '',
    remotes: '',
    advertise: '',
    listen: '0.0.0.0:2377',
    dataPath: '',
  });
  const [submitted, setSubmitted] = useState(false);
  const errors: Record<string, string> = {};
  if (!/^SWMTKN-/.test(form.token.trim())) errors.token = 'A join token starts with SWMTKN-.';
  if (!form.remotes.trim()) errors.remotes = 'At least one manager address (host:2377).';
  const mutation = useMutation({
    mutationFn: () =>
      joinSwarm(endpointId, {
        JoinToken: form.token.trim(),
        RemoteAddrs: form.remotes.split(/[\s,]+/).filter(Boolean),
        ListenAddr: form.listen.trim() || '0.0.0.0:2377',
        ...(form.advertise.trim() ? { AdvertiseAddr: form.advertise.trim() } : {}),
        ...(form.dataPath.trim() ? { DataPathAddr: form.dataPath.trim() } : {}),
      }),
    meta: { toastOnError: false, invalidates: [endpointKeys.root(endpointId)] },
  });
  return (
    <form
      aria-label="Join a swarm"
      noValidate
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        setSubmitted(true);
        if (!Object.keys(errors).length) mutation.mutate();
      }}
    >
      <TextField
        label="Join token"
        value={form.token}
        error={submitted ? errors.token : null}
        onChange={(e) => setForm({ ...form, token: e.target.value })}
      />
      <TextField
        label="Manager addresses"
        hint="host:port of managers, comma separated."
        value={form.remotes}
        error={submitted ? errors.remotes : null}
        onChange={(e) => setForm({ ...form, remotes: e.target.value })}
      />
      <div className="grid grid-cols-3 gap-3">
        <TextField
          label="Advertise address"
          value={form.advertise}
          onChange={(e) => setForm({ ...form, advertise: e.target.value })}
        />
        <TextField
          label="Listen address"
          value={form.listen}
          onChange={(e) => setForm({ ...form, listen: e.target.value })}
        />
        <TextField
          label="Data path address"
          value={form.dataPath}
          onChange={(e) => setForm({ ...form, dataPath: e.target.value })}
        />
      </div>
      {mutation.isError && (
        <InlineAlert title="The engine refused">{mutation.error.message}</InlineAlert>
      )}
      <div>
        <Button type="submit" variant="primary" loading={mutation.isPending}>
          Join swarm
        </Button>
      </div>
    </form>
  );
}
