import { endpointKeys, registryHostOfImage } from '@berth/api';
import type { Plugin, PluginPrivilege } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  ArrowUpCircle,
  Download,
  Eye,
  Lock,
  Power,
  PowerOff,
  Puzzle,
  Settings2,
  Trash2,
  Upload,
  UploadCloud,
} from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Button, IconButton } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CheckboxField } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { InspectJson } from '@/components/ui/inspect-json';
import { ListPage } from '@/components/ui/list-page';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useEndpointRole } from '@/hooks/use-me';
import { RegistrySelect } from '@/components/registry-select';
import {
  changedSettings,
  createPlugin,
  disablePlugin,
  enablePlugin,
  getPrivileges,
  pluginsQueryOptions,
  pluginStream,
  pluginTypes,
  removePlugin,
  setPlugin,
  settableEnv,
  pluginInspectQueryOptions,
} from '../api/plugins-api';

type DialogState =
  | { kind: 'install' }
  | { kind: 'create' }
  | { kind: 'inspect'; plugin: Plugin }
  | { kind: 'enable'; plugin: Plugin }
  | { kind: 'settings'; plugin: Plugin }
  | { kind: 'upgrade'; plugin: Plugin }
  | { kind: 'push'; plugin: Plugin }
  | { kind: 'remove'; plugin: Plugin }
  | null;

/** Plugins run as root on the host: the whole page is for admins, reads included. */
export function PluginsRoute() {
  const role = useEndpointRole();
  useDocumentTitle('Plugins');
  if (role !== 'admin')
    return (
      <EmptyState icon={<Lock className="size-8" aria-hidden />} title="Administrators only">
        Plugins run as root on the engine's host, so only admins may see or change them.
      </EmptyState>
    );
  return <PluginsList />;
}

function PluginsList() {
  const endpointId = useEndpointId();
  const query = useQuery(pluginsQueryOptions(endpointId));
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<DialogState>(null);
  const invalidates = [endpointKeys.plugins(endpointId)];
  const disable = useMutation({
    mutationFn: (p: Plugin) => disablePlugin(endpointId, p.Name),
    meta: { errorTitle: 'Could not disable the plugin', invalidates },
  });
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (query.data ?? []).filter((p) => !needle || p.Name.toLowerCase().includes(needle));
  }, [query.data, filter]);
  const close = () => setDialog(null);

  const columns: Column<Plugin>[] = [
    {
      key: 'name',
      header: 'Name',
      cell: (p) => <span className="font-mono text-[12.5px] text-fg">{p.Name}</span>,
    },
    {
      key: 'enabled',
      header: 'State',
      cell: (p) => (
        <span className={p.Enabled ? 'text-emerald-700 dark:text-emerald-300' : 'text-muted'}>
          {p.Enabled ? 'enabled' : 'disabled'}
        </span>
      ),
    },
    {
      key: 'types',
      header: 'Provides',
      cell: (p) => <span className="font-mono text-[12px] text-muted">{pluginTypes(p)}</span>,
    },
    {
      key: 'description',
      header: 'Description',
      cell: (p) => <span className="text-muted">{p.Config.Description}</span>,
    },
    {
      key: 'actions',
      header: '',
      className: 'text-right',
      cell: (p) => (
        <span className="inline-flex gap-1">
          <IconButton
            size="sm"
            aria-label={`Inspect ${p.Name}`}
            onClick={() => setDialog({ kind: 'inspect', plugin: p })}
          >
            <Eye className="size-3.5" />
          </IconButton>
          {p.Enabled ? (
            <IconButton
              size="sm"
              aria-label={`Disable ${p.Name}`}
              disabled={disable.isPending}
              onClick={() => disable.mutate(p)}
            >
              <PowerOff className="size-3.5" />
            </IconButton>
          ) : (
            <IconButton
              size="sm"
              aria-label={`Enable ${p.Name}`}
              onClick={() => setDialog({ kind: 'enable', plugin: p })}
            >
              <Power className="size-3.5" />
            </IconButton>
          )}
          <IconButton
            size="sm"
            aria-label={`Settings of ${p.Name}`}
            onClick={() => setDialog({ kind: 'settings', plugin: p })}
          >
            <Settings2 className="size-3.5" />
          </IconButton>
          <IconButton
            size="sm"
            aria-label={`Upgrade ${p.Name}`}
            onClick={() => setDialog({ kind: 'upgrade', plugin: p })}
          >
            <ArrowUpCircle className="size-3.5" />
          </IconButton>
          <IconButton
            size="sm"
            aria-label={`Push ${p.Name}`}
            onClick={() => setDialog({ kind: 'push', plugin: p })}
          >
            <UploadCloud className="size-3.5" />
          </IconButton>
          <IconButton
            size="sm"
            aria-label={`Remove ${p.Name}`}
            onClick={() => setDialog({ kind: 'remove', plugin: p })}
          >
            <Trash2 className="size-3.5" />
          </IconButton>
        </span>
      ),
    },
  ];

  return (
    <>
      <ListPage
        title="Plugins"
        noun="plugins"
        query={query}
        filter={filter}
        onFilter={setFilter}
        visibleCount={rows.length}
        description="Engine extensions (volume, network, log and authorization drivers). They run as root."
        actions={
          <>
            <Button
              size="sm"
              icon={<Upload className="size-3.5" aria-hidden />}
              onClick={() => setDialog({ kind: 'create' })}
            >
              Create from tar
            </Button>
            <Button
              size="sm"
              variant="primary"
              icon={<Download className="size-3.5" aria-hidden />}
              onClick={() => setDialog({ kind: 'install' })}
            >
              Install plugin
            </Button>
          </>
        }
        empty={
          <EmptyState icon={<Puzzle className="size-8" aria-hidden />} title="No plugins">
            Install one from a registry with “Install plugin” (for example vieux/sshfs), or create
            one from a tar of config.json and rootfs/.
          </EmptyState>
        }
      >
        <SimpleTable label="Plugins" columns={columns} rows={rows} rowKey={(p) => p.Id} />
      </ListPage>
      {dialog?.kind === 'install' && <InstallDialog endpointId={endpointId} onClose={close} />}
      {dialog?.kind === 'upgrade' && (
        <InstallDialog endpointId={endpointId} upgrade={dialog.plugin} onClose={close} />
      )}
      {dialog?.kind === 'create' && <CreateDialog endpointId={endpointId} onClose={close} />}
      {dialog?.kind === 'push' && (
        <PushDialog endpointId={endpointId} plugin={dialog.plugin} onClose={close} />
      )}
      {dialog?.kind === 'enable' && (
        <EnableDialog endpointId={endpointId} plugin={dialog.plugin} onClose={close} />
      )}
      {dialog?.kind === 'settings' && (
        <SettingsDialog endpointId={endpointId} plugin={dialog.plugin} onClose={close} />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveDialog endpointId={endpointId} plugin={dialog.plugin} onClose={close} />
      )}
      {dialog?.kind === 'inspect' && (
        <Dialog
          open
          onClose={close}
          title={dialog.plugin.Name}
          className="sm:max-w-3xl"
          footer={<Button onClick={close}>Close</Button>}
        >
          <PluginInspect endpointId={endpointId} name={dialog.plugin.Name} />
        </Dialog>
      )}
    </>
  );
}

function PluginInspect({ endpointId, name }: { endpointId: string; name: string }) {
  const inspect = useQuery(pluginInspectQueryOptions(endpointId, name));
  return <InspectJson query={inspect} label={`Inspect of ${name}`} />;
}

function Progress({ lines }: { lines: string[] }) {
  if (!lines.length) return null;
  return (
    <pre
      role="log"
      aria-label="Progress"
      className="max-h-40 overflow-auto rounded-md bg-subtle p-2 font-mono text-[11.5px] text-muted"
    >
      {lines.join('\n')}
    </pre>
  );
}

function Footer({
  onClose,
  busy,
  children,
}: {
  onClose: () => void;
  busy: boolean;
  children: ReactNode;
}) {
  return (
    <div className="flex justify-end gap-2 pt-2">
      <Button onClick={onClose} disabled={busy}>
        Cancel
      </Button>
      {children}
    </div>
  );
}

/**
 * Install (or upgrade): ask the engine which privileges the plugin wants, show them, and pull
 * with exactly the list the admin accepted.
 */
function InstallDialog({
  endpointId,
  upgrade,
  onClose,
}: {
  endpointId: string;
  upgrade?: Plugin;
  onClose: () => void;
}) {
  const [remote, setRemote] = useState(upgrade?.PluginReference ?? '');
  const [alias, setAlias] = useState('');
  const [registry, setRegistry] = useState('');
  const registryId = registry ? Number(registry) : null;
  const [privileges, setPrivileges] = useState<PluginPrivilege[] | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [lines, setLines] = useState<string[]>([]);
  const check = useMutation({
    mutationFn: () => getPrivileges(endpointId, remote.trim(), registryId),
    meta: { toastOnError: false },
    onSuccess: (list) => {
      setPrivileges(list ?? []);
      setAccepted(false);
    },
  });
  const pull = useMutation({
    mutationFn: () => {
      setLines([]);
      const onMessage = (m: { status?: string; id?: string }) =>
        m.status && setLines((l) => [...l.slice(-200), `${m.id ? `${m.id}: ` : ''}${m.status}`]);
      return upgrade
        ? pluginStream(
            endpointId,
            `/plugins/${encodeURIComponent(upgrade.Name)}/upgrade`,
            { remote: remote.trim() },
            registryId,
            privileges,
            onMessage,
          )
        : pluginStream(
            endpointId,
            '/plugins/pull',
            { remote: remote.trim(), ...(alias.trim() ? { name: alias.trim() } : {}) },
            registryId,
            privileges,
            onMessage,
          );
    },
    meta: { toastOnError: false, invalidates: [endpointKeys.plugins(endpointId)] },
    onSuccess: onClose,
  });
  const busy = check.isPending || pull.isPending;
  return (
    <Dialog
      open
      onClose={onClose}
      busy={busy}
      title={upgrade ? `Upgrade ${upgrade.Name}` : 'Install plugin'}
      description={
        upgrade ? 'The plugin must be disabled first; its settings are kept.' : undefined
      }
      className="sm:max-w-xl"
    >
      <form
        className="flex flex-col gap-3 pb-4"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (remote.trim()) check.mutate();
        }}
      >
        <TextField
          label="Remote reference"
          placeholder="vieux/sshfs:latest"
          value={remote}
          onChange={(e) => {
            setRemote(e.target.value);
            setPrivileges(null);
          }}
        />
        {!upgrade && (
          <TextField
            label="Local name"
            hint="Empty: the remote reference."
            value={alias}
            onChange={(e) => setAlias(e.target.value)}
          />
        )}
        <RegistrySelect
          host={remote.trim() ? registryHostOfImage(remote.trim()) : undefined}
          value={registry}
          onChange={setRegistry}
        />
        {check.isError && (
          <InlineAlert title="The engine refused">{check.error.message}</InlineAlert>
        )}
        {privileges && (
          <div className="flex flex-col gap-2">
            <h3 className="text-[13px] font-semibold text-fg">This plugin asks for</h3>
            {privileges.length === 0 ? (
              <p className="text-[12.5px] text-muted">The engine reports no privileges for it.</p>
            ) : (
              <ul
                aria-label="Requested privileges"
                className="flex flex-col gap-1 rounded-md border border-line p-2 text-[12.5px]"
              >
                {privileges.map((p) => (
                  <li key={p.Name}>
                    <span className="font-medium text-fg">{p.Name}</span>:{' '}
                    <span className="font-mono text-muted">{p.Value.join(', ')}</span>
                    {p.Description && (
                      <span className="block text-[12px] text-faint">{p.Description}</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <CheckboxField
              label="I accept these privileges"
              checked={accepted}
              onChange={(e) => setAccepted(e.target.checked)}
            />
          </div>
        )}
        <Progress lines={lines} />
        {pull.isError && <InlineAlert title="The engine refused">{pull.error.message}</InlineAlert>}
        <Footer onClose={onClose} busy={busy}>
          {privileges ? (
            <Button
              variant="primary"
              loading={pull.isPending}
              disabled={!accepted}
              onClick={() => pull.mutate()}
            >
              {upgrade ? 'Upgrade' : 'Install'}
            </Button>
          ) : (
            <Button
              type="submit"
              variant="primary"
              loading={check.isPending}
              disabled={!remote.trim()}
            >
              Check privileges
            </Button>
          )}
        </Footer>
      </form>
    </Dialog>
  );
}

function CreateDialog({ endpointId, onClose }: { endpointId: string; onClose: () => void }) {
  const fileId = useId();
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const mutation = useMutation({
    mutationFn: () => createPlugin(endpointId, name.trim(), file ?? new Blob()),
    meta: { toastOnError: false, invalidates: [endpointKeys.plugins(endpointId)] },
    onSuccess: onClose,
  });
  const nameError = name.trim() ? null : 'A name is required (repository[:tag]).';
  const fileError = file ? null : 'Choose a tar holding config.json and rootfs/.';
  return (
    <Dialog
      open
      onClose={onClose}
      busy={mutation.isPending}
      title="Create plugin"
      description="From a tar archive of config.json and a rootfs/ folder."
    >
      <form
        className="flex flex-col gap-3 pb-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setSubmitted(true);
          if (!nameError && !fileError) mutation.mutate();
        }}
      >
        <TextField
          label="Name"
          value={name}
          error={submitted ? nameError : null}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="flex flex-col gap-1.5">
          <label htmlFor={fileId} className="text-[12.5px] font-medium text-fg">
            Plugin context (.tar)
          </label>
          <input
            id={fileId}
            type="file"
            accept=".tar,application/x-tar"
            className="text-[12.5px] text-muted"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {submitted && fileError && <p className="text-[12px] text-danger">{fileError}</p>}
        </div>
        {mutation.isError && (
          <InlineAlert title="The engine refused">{mutation.error.message}</InlineAlert>
        )}
        <Footer onClose={onClose} busy={mutation.isPending}>
          <Button type="submit" variant="primary" loading={mutation.isPending}>
            Create plugin
          </Button>
        </Footer>
      </form>
    </Dialog>
  );
}

function PushDialog({
  endpointId,
  plugin,
  onClose,
}: {
  endpointId: string;
  plugin: Plugin;
  onClose: () => void;
}) {
  const [registry, setRegistry] = useState('');
  const registryId = registry ? Number(registry) : null;
  const [lines, setLines] = useState<string[]>([]);
  const mutation = useMutation({
    mutationFn: () =>
      pluginStream(
        endpointId,
        `/plugins/${encodeURIComponent(plugin.Name)}/push`,
        {},
        registryId,
        undefined,
        (m) => {
          if (m.status)
            setLines((l) => [...l.slice(-200), `${m.id ? `${m.id}: ` : ''}${m.status}`]);
        },
      ),
    meta: { toastOnError: false },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      busy={mutation.isPending}
      title={`Push ${plugin.Name}`}
      description="The name says where: registry/repository:tag."
    >
      <div className="flex flex-col gap-3 pb-4">
        <RegistrySelect
          host={registryHostOfImage(plugin.Name)}
          value={registry}
          onChange={setRegistry}
        />
        <Progress lines={lines} />
        {mutation.isSuccess && (
          <p role="status" className="text-[13px] text-fg">
            Pushed.
          </p>
        )}
        {mutation.isError && (
          <InlineAlert title="The engine refused">{mutation.error.message}</InlineAlert>
        )}
        <Footer onClose={onClose} busy={mutation.isPending}>
          <Button variant="primary" loading={mutation.isPending} onClick={() => mutation.mutate()}>
            Push
          </Button>
        </Footer>
      </div>
    </Dialog>
  );
}

function EnableDialog({
  endpointId,
  plugin,
  onClose,
}: {
  endpointId: string;
  plugin: Plugin;
  onClose: () => void;
}) {
  const [timeout, setTimeoutValue] = useState('30');
  const valid = /^\d+$/.test(timeout.trim());
  const mutation = useMutation({
    mutationFn: () => enablePlugin(endpointId, plugin.Name, Number(timeout)),
    meta: { toastOnError: false, invalidates: [endpointKeys.plugins(endpointId)] },
    onSuccess: onClose,
  });
  return (
    <Dialog open onClose={onClose} busy={mutation.isPending} title={`Enable ${plugin.Name}`}>
      <div className="flex flex-col gap-3 pb-4">
        <TextField
          label="Timeout (seconds)"
          hint="How long the engine waits for the plugin to answer on its socket."
          inputMode="numeric"
          value={timeout}
          error={valid ? null : 'A whole number of seconds.'}
          onChange={(e) => setTimeoutValue(e.target.value)}
        />
        {mutation.isError && (
          <InlineAlert title="The engine refused">{mutation.error.message}</InlineAlert>
        )}
        <Footer onClose={onClose} busy={mutation.isPending}>
          <Button
            variant="primary"
            disabled={!valid}
            loading={mutation.isPending}
            onClick={() => mutation.mutate()}
          >
            Enable
          </Button>
        </Footer>
      </div>
    </Dialog>
  );
}

function SettingsDialog({
  endpointId,
  plugin,
  onClose,
}: {
  endpointId: string;
  plugin: Plugin;
  onClose: () => void;
}) {
  const env = settableEnv(plugin);
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(env.map((e) => [e.name, e.value])),
  );
  const [extra, setExtra] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      setPlugin(endpointId, plugin.Name, [
        ...changedSettings(env, values),
        ...extra
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      ]),
    meta: { toastOnError: false, invalidates: [endpointKeys.plugins(endpointId)] },
    onSuccess: onClose,
  });
  return (
    <Dialog
      open
      onClose={onClose}
      busy={mutation.isPending}
      title={`Settings of ${plugin.Name}`}
      className="sm:max-w-xl"
    >
      <div className="flex flex-col gap-3 pb-4">
        {plugin.Enabled && (
          <InlineAlert tone="warning">
            The engine only changes the settings of a disabled plugin: disable it first.
          </InlineAlert>
        )}
        {env.length === 0 && (
          <p className="text-[12.5px] text-muted">This plugin declares no settable environment.</p>
        )}
        {env.map((e) => (
          <TextField
            key={e.name}
            label={e.name}
            hint={e.description}
            value={values[e.name] ?? ''}
            onChange={(ev) => setValues({ ...values, [e.name]: ev.target.value })}
          />
        ))}
        <label className="flex flex-col gap-1.5 text-[12.5px] font-medium text-fg">
          Other settings
          <textarea
            className="min-h-14 rounded-md border border-line bg-panel px-2.5 py-1.5 font-mono text-[12.5px]"
            placeholder="mount.source=/data&#10;args=--debug"
            value={extra}
            onChange={(e) => setExtra(e.target.value)}
          />
          <span className="text-[12px] font-normal text-muted">
            One a line: env KEY=value, args=…, mount.source=…, device.path=…
          </span>
        </label>
        {mutation.isError && (
          <InlineAlert title="The engine refused">{mutation.error.message}</InlineAlert>
        )}
        <Footer onClose={onClose} busy={mutation.isPending}>
          <Button variant="primary" loading={mutation.isPending} onClick={() => mutation.mutate()}>
            Save settings
          </Button>
        </Footer>
      </div>
    </Dialog>
  );
}

function RemoveDialog({
  endpointId,
  plugin,
  onClose,
}: {
  endpointId: string;
  plugin: Plugin;
  onClose: () => void;
}) {
  const [force, setForce] = useState(false);
  return (
    <ConfirmDialog
      title={`Remove ${plugin.Name}?`}
      confirm="Remove"
      action={() => removePlugin(endpointId, plugin.Name, force)}
      invalidates={[endpointKeys.plugins(endpointId)]}
      errorTitle="The engine refused"
      onClose={onClose}
    >
      <CheckboxField
        label="Force"
        hint="Disable it first if enabled; containers using it may break."
        checked={force}
        onChange={(e) => setForce(e.target.checked)}
      />
    </ConfirmDialog>
  );
}
