import { isEngineError } from '@berth/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { ChevronDown } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { CopyButton } from '@/components/ui/copy-button';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { Spinner } from '@/components/ui/spinner';
import { useCapabilities } from '@/hooks/use-capabilities';
import { engine } from '@/lib/api-client';
import { endpointKeys } from '@berth/api';
import { networksQueryOptions, volumesQueryOptions } from '@/lib/queries';
import { createContainerFromRequest } from '../../api/create-container';
import type { CreateProgress } from '../../api/create-container';
import { keptNames, toRequest, validateCreateView } from '../../api/create-view-model';
import type {
  CreateView,
  KeyValueRow,
  MountType,
  Protocol,
  RestartName,
  RichMode,
} from '../../api/create-view-model';
import { parseDotEnv } from '../../api/shell-words';
import { SelectField, TextAreaField } from '@/components/ui/field';
import { RowsEditor } from '@/components/ui/rows-editor';
import { RunOnceDialog } from '../wait/run-once-dialog';
import { FormSection, Grid } from './section';

const SECTIONS = [
  ['general', 'General'],
  ['command', 'Command'],
  ['environment', 'Environment'],
  ['ports', 'Ports'],
  ['storage', 'Storage'],
  ['network', 'Network'],
  ['resources', 'Restart & resources'],
  ['health', 'Health check'],
  ['advanced', 'Advanced'],
] as const;

const STEP_LABEL: Record<CreateProgress['step'], string> = {
  pull: 'Pulling the image',
  create: 'Creating the container',
  connect: 'Connecting networks',
  start: 'Starting',
};

export function CreateContainerForm({
  endpointId,
  initial,
  submitLabel = 'Create',
  onSubmitRequest,
}: {
  endpointId: string;
  initial: CreateView;
  submitLabel?: string;
  /** Replaces the plain create (recreate runs its own steps); resolves to the new container id. */
  onSubmitRequest?: (
    view: CreateView,
    onProgress: (progress: CreateProgress | { step: string; detail?: string }) => void,
  ) => Promise<string>;
}) {
  const [view, setView] = useState<CreateView>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [progress, setProgress] = useState<{ step: string; detail?: string } | null>(null);
  const [dotEnv, setDotEnv] = useState('');
  // A one-shot run: created, started, then the exit code is awaited in a dialog.
  const [runOnce, setRunOnce] = useState(false);
  const [ranOnce, setRanOnce] = useState<{ id: string; name: string } | null>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const images = useQuery({
    queryKey: endpointKeys.imageList(endpointId),
    queryFn: ({ signal }) => engine(endpointId).listImages({}, signal),
  });
  const networks = useQuery(networksQueryOptions(endpointId));
  const volumes = useQuery(volumesQueryOptions(endpointId));
  const imageTags = useMemo(
    () =>
      Array.from(new Set((images.data ?? []).flatMap((image) => image.RepoTags ?? []))).filter(
        (tag) => tag !== '<none>:<none>',
      ),
    [images.data],
  );

  // pouchd's own settings are offered only where the engine is pouchd.
  const isPouch = useCapabilities(endpointId).kind === 'pouch';
  const errors = useMemo(() => validateCreateView(view), [view]);
  const shown = submitted ? errors : {};
  const preview = useMemo(() => {
    if (Object.keys(errors).length) return null;
    const request = toRequest(view);
    return JSON.stringify(
      {
        name: request.name,
        ...request.body,
        ...(request.connectAfter.length ? { connectAfter: request.connectAfter } : {}),
      },
      null,
      2,
    );
  }, [view, errors]);

  const set = <K extends keyof CreateView>(key: K, value: CreateView[K]) =>
    setView((current) => ({ ...current, [key]: value }));
  const text = (
    key: keyof CreateView & string,
    label: string,
    extra: { hint?: string; placeholder?: string } = {},
  ) => (
    <TextField
      label={label}
      value={view[key] as string}
      error={shown[key]}
      hint={extra.hint}
      placeholder={extra.placeholder}
      data-field={key}
      onChange={(event) => set(key, event.target.value as never)}
    />
  );

  const mutation = useMutation({
    mutationFn: async () => {
      const onProgress = (p: { step: string; detail?: string }) => setProgress(p);
      if (onSubmitRequest) return onSubmitRequest(view, onProgress);
      return createContainerFromRequest(
        endpointId,
        toRequest(view),
        { pullIfMissing: view.pullIfMissing, start: view.start || runOnce },
        onProgress,
      );
    },
    // The form shows the engine's message in place; no toast.
    meta: { toastOnError: false, invalidates: [endpointKeys.containers(endpointId)] },
    onSettled: () => setProgress(null),
    onSuccess: (id) => {
      void queryClient.invalidateQueries({ queryKey: endpointKeys.images(endpointId) });
      if (runOnce && !onSubmitRequest) {
        setRanOnce({ id, name: view.name.trim() || id.slice(0, 12) });
        return;
      }
      void navigate({
        to: '/endpoints/$endpointId/containers/$containerId',
        params: { endpointId, containerId: id },
      });
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    const first = Object.keys(errors)[0];
    if (first) {
      document
        .querySelector<HTMLElement>(`[data-field="${first}"], [aria-invalid="true"]`)
        ?.focus();
      return;
    }
    mutation.mutate();
  }

  const kvRow =
    (noun: string, field: 'env' | 'labels' | 'logOptions') =>
    (row: KeyValueRow, index: number, update: (patch: Partial<KeyValueRow>) => void) => (
      <>
        <TextField
          label={`${noun} ${index + 1} name`}
          value={row.key}
          error={shown[`${field}.${index}.key`]}
          onChange={(e) => update({ key: e.target.value })}
        />
        <TextField
          label={`${noun} ${index + 1} value`}
          value={row.value}
          onChange={(e) => update({ value: e.target.value })}
        />
      </>
    );

  return (
    <form noValidate onSubmit={onSubmit} className="flex gap-6" aria-label="Create container">
      <nav
        aria-label="Form sections"
        className="sticky top-0 hidden w-40 shrink-0 self-start pt-1 lg:block"
      >
        <ul className="flex flex-col gap-0.5 text-[12.5px]">
          {[...SECTIONS, ...(isPouch ? ([['pouch', 'PouchContainer']] as const) : [])].map(
            ([id, label]) => (
              <li key={id}>
                <a
                  href={`#${id}`}
                  className="block rounded px-2 py-1 text-muted hover:bg-hover hover:text-fg"
                >
                  {label}
                </a>
              </li>
            ),
          )}
        </ul>
      </nav>
      <div className="flex min-w-0 max-w-4xl flex-1 flex-col gap-4 pb-10">
        <FormSection id="general" title="General">
          <Grid>
            <div className="flex flex-col gap-1">
              <TextField
                label="Image"
                list="create-images"
                value={view.image}
                error={shown.image}
                data-field="image"
                placeholder="nginx:latest"
                autoComplete="off"
                onChange={(e) => set('image', e.target.value)}
              />
              <datalist id="create-images">
                {imageTags.map((tag) => (
                  <option key={tag} value={tag} />
                ))}
              </datalist>
            </div>
            {text('name', 'Name', { hint: 'Optional: the engine picks one otherwise.' })}
          </Grid>
          <CheckboxField
            label="Pull the image if it is missing"
            checked={view.pullIfMissing}
            onChange={(e) => set('pullIfMissing', e.target.checked)}
          />
          <CheckboxField
            label="Start after create"
            checked={view.start || runOnce}
            disabled={runOnce}
            onChange={(e) => set('start', e.target.checked)}
          />
          {!onSubmitRequest && (
            <CheckboxField
              label="Run once: start it and wait for the exit code"
              checked={runOnce}
              onChange={(e) => setRunOnce(e.target.checked)}
            />
          )}
        </FormSection>

        <FormSection
          id="command"
          title="Command"
          description="Shell words: quotes group, nothing is expanded."
        >
          <Grid>
            {text('command', 'Command', {
              placeholder: 'sh -c "sleep 1000"',
              hint: "Empty: the image's CMD.",
            })}
            {text('entrypoint', 'Entrypoint', { hint: "Empty: the image's ENTRYPOINT." })}
          </Grid>
          <Grid>
            {text('user', 'User', { placeholder: '1000:1000' })}
            {text('workdir', 'Working directory', { placeholder: '/app' })}
          </Grid>
          <CheckboxField
            label="Allocate a TTY"
            checked={view.tty}
            onChange={(e) => set('tty', e.target.checked)}
          />
          <CheckboxField
            label="Keep stdin open"
            checked={view.openStdin}
            onChange={(e) => set('openStdin', e.target.checked)}
          />
        </FormSection>

        <FormSection id="environment" title="Environment">
          <RowsEditor
            rows={view.env}
            onChange={(rows) => set('env', rows)}
            blank={() => ({ key: '', value: '' })}
            addLabel="Add environment variable"
            noun="variable"
            empty="No variables beyond the image's."
            renderRow={kvRow('Variable', 'env')}
          />
          <details className="text-[12.5px]">
            <summary className="cursor-pointer text-muted">Paste a .env file</summary>
            <div className="mt-2 flex flex-col gap-2">
              <TextAreaField
                label="Paste .env"
                value={dotEnv}
                onChange={(e) => setDotEnv(e.target.value)}
                rows={4}
                placeholder="KEY=value"
              />
              <div>
                <Button
                  size="sm"
                  onClick={() => {
                    const parsed = parseDotEnv(dotEnv);
                    const keys = new Set(parsed.map((p) => p.key));
                    set('env', [
                      ...view.env.filter((row) => row.key && !keys.has(row.key)),
                      ...parsed,
                    ]);
                    setDotEnv('');
                  }}
                >
                  Add variables
                </Button>
              </div>
            </div>
          </details>
        </FormSection>

        <FormSection
          id="ports"
          title="Ports"
          description="A container port with no host port gets a random one."
        >
          <RowsEditor
            rows={view.ports}
            onChange={(rows) => set('ports', rows)}
            blank={() => ({
              containerPort: '',
              protocol: 'tcp' as Protocol,
              hostIp: '',
              hostPort: '',
            })}
            addLabel="Add port"
            noun="port"
            renderRow={(row, i, update) => (
              <>
                <TextField
                  label={`Container port ${i + 1}`}
                  inputMode="numeric"
                  value={row.containerPort}
                  error={shown[`ports.${i}.containerPort`]}
                  onChange={(e) => update({ containerPort: e.target.value })}
                />
                <SelectField
                  label={`Protocol ${i + 1}`}
                  value={row.protocol}
                  onChange={(e) => update({ protocol: e.target.value as Protocol })}
                >
                  <option value="tcp">tcp</option>
                  <option value="udp">udp</option>
                  <option value="sctp">sctp</option>
                </SelectField>
                <TextField
                  label={`Host IP ${i + 1}`}
                  placeholder="0.0.0.0"
                  value={row.hostIp}
                  onChange={(e) => update({ hostIp: e.target.value })}
                />
                <TextField
                  label={`Host port ${i + 1}`}
                  placeholder="random"
                  value={row.hostPort}
                  error={shown[`ports.${i}.hostPort`]}
                  onChange={(e) => update({ hostPort: e.target.value })}
                />
              </>
            )}
          />
          <CheckboxField
            label="Publish all exposed ports"
            hint="Every port the image exposes, on random host ports."
            checked={view.publishAll}
            onChange={(e) => set('publishAll', e.target.checked)}
          />
        </FormSection>

        <FormSection
          id="storage"
          title="Storage"
          description="Volumes, host paths and tmpfs (HostConfig.Mounts)."
        >
          <datalist id="create-volumes">
            {(volumes.data?.Volumes ?? []).map((volume) => (
              <option key={volume.Name} value={volume.Name} />
            ))}
          </datalist>
          <RowsEditor
            rows={view.mounts}
            onChange={(rows) => set('mounts', rows)}
            blank={() => ({
              type: 'volume' as MountType,
              source: '',
              target: '',
              readOnly: false,
              size: '',
            })}
            addLabel="Add mount"
            noun="mount"
            renderRow={(row, i, update) => (
              <>
                <SelectField
                  label={`Mount ${i + 1} type`}
                  value={row.type}
                  onChange={(e) => update({ type: e.target.value as MountType })}
                >
                  <option value="volume">volume</option>
                  <option value="bind">bind</option>
                  <option value="tmpfs">tmpfs</option>
                </SelectField>
                {row.type === 'tmpfs' ? (
                  <TextField
                    label={`Mount ${i + 1} size`}
                    placeholder="64m"
                    value={row.size}
                    error={shown[`mounts.${i}.size`]}
                    onChange={(e) => update({ size: e.target.value })}
                  />
                ) : (
                  <TextField
                    label={`Mount ${i + 1} source`}
                    list={row.type === 'volume' ? 'create-volumes' : undefined}
                    placeholder={row.type === 'volume' ? 'volume name (empty: new)' : '/host/path'}
                    value={row.source}
                    error={shown[`mounts.${i}.source`]}
                    onChange={(e) => update({ source: e.target.value })}
                  />
                )}
                <TextField
                  label={`Mount ${i + 1} target`}
                  placeholder="/data"
                  value={row.target}
                  error={shown[`mounts.${i}.target`]}
                  onChange={(e) => update({ target: e.target.value })}
                />
                <div className="pt-6">
                  <CheckboxField
                    label="Read-only"
                    checked={row.readOnly}
                    onChange={(e) => update({ readOnly: e.target.checked })}
                  />
                </div>
              </>
            )}
          />
        </FormSection>

        <FormSection
          id="network"
          title="Network"
          description="The first network is joined at create, the others right after."
        >
          <datalist id="create-networks">
            {(networks.data ?? []).map((network) => (
              <option key={network.Id} value={network.Name} />
            ))}
          </datalist>
          <Grid>
            <SelectField
              label="Network mode"
              value={
                ['', 'host', 'none'].includes(view.networkMode) ? view.networkMode : 'container'
              }
              onChange={(e) =>
                set('networkMode', e.target.value === 'container' ? 'container:' : e.target.value)
              }
            >
              <option value="">Networks below (default: bridge)</option>
              <option value="host">host</option>
              <option value="none">none</option>
              <option value="container">Another container's</option>
            </SelectField>
            {view.networkMode.startsWith('container:') && (
              <TextField
                label="Container"
                value={view.networkMode.slice('container:'.length)}
                onChange={(e) => set('networkMode', `container:${e.target.value}`)}
              />
            )}
          </Grid>
          {view.networkMode === '' && (
            <RowsEditor
              rows={view.networks}
              onChange={(rows) => set('networks', rows)}
              blank={() => ({ name: '', aliases: '', ipv4: '', ipv6: '' })}
              addLabel="Add network"
              noun="network"
              renderRow={(row, i, update) => (
                <>
                  <TextField
                    label={`Network ${i + 1}`}
                    list="create-networks"
                    value={row.name}
                    error={shown[`networks.${i}.name`]}
                    onChange={(e) => update({ name: e.target.value })}
                  />
                  <TextField
                    label={`Network ${i + 1} aliases`}
                    value={row.aliases}
                    onChange={(e) => update({ aliases: e.target.value })}
                  />
                  <TextField
                    label={`Network ${i + 1} IPv4`}
                    value={row.ipv4}
                    error={shown[`networks.${i}.ipv4`]}
                    onChange={(e) => update({ ipv4: e.target.value })}
                  />
                  <TextField
                    label={`Network ${i + 1} IPv6`}
                    value={row.ipv6}
                    error={shown[`networks.${i}.ipv6`]}
                    onChange={(e) => update({ ipv6: e.target.value })}
                  />
                </>
              )}
            />
          )}
          <Grid>
            {text('hostname', 'Hostname')}
            {text('domainname', 'Domain name')}
            {text('dns', 'DNS servers', { placeholder: '1.1.1.1, 8.8.8.8' })}
          </Grid>
          <TextAreaField
            label="Extra hosts"
            hint="One host:ip a line."
            value={view.extraHosts}
            error={shown.extraHosts}
            onChange={(e) => set('extraHosts', e.target.value)}
            rows={2}
          />
        </FormSection>

        <FormSection id="resources" title="Restart & resources">
          <Grid>
            <SelectField
              label="Restart policy"
              value={view.restartPolicy}
              onChange={(e) => set('restartPolicy', e.target.value as RestartName)}
            >
              <option value="no">no</option>
              <option value="always">always</option>
              <option value="unless-stopped">unless-stopped</option>
              <option value="on-failure">on-failure</option>
            </SelectField>
            {view.restartPolicy === 'on-failure' && text('maxRetries', 'Max retries')}
            <div className="pt-6">
              <CheckboxField
                label="Remove when it exits"
                checked={view.autoRemove}
                onChange={(e) => set('autoRemove', e.target.checked)}
              />
            </div>
          </Grid>
          <Grid>
            {text('cpus', 'CPUs', { placeholder: '1.5' })}
            {text('cpuShares', 'CPU shares', { placeholder: '1024' })}
            {text('cpuPeriod', 'CPU period (µs)')}
            {text('cpuQuota', 'CPU quota (µs)')}
            {text('cpusetCpus', 'CPU set', { placeholder: '0-3' })}
          </Grid>
          <Grid>
            {text('memory', 'Memory limit', { placeholder: '512m' })}
            {text('memorySwap', 'Memory + swap', { placeholder: '1g, -1: unlimited' })}
            {text('memoryReservation', 'Memory reservation')}
            {text('pidsLimit', 'PIDs limit')}
          </Grid>
          <RowsEditor
            rows={view.ulimits}
            onChange={(rows) => set('ulimits', rows)}
            blank={() => ({ name: 'nofile', soft: '', hard: '' })}
            addLabel="Add ulimit"
            noun="ulimit"
            renderRow={(row, i, update) => (
              <>
                <TextField
                  label={`Ulimit ${i + 1} name`}
                  value={row.name}
                  error={shown[`ulimits.${i}.name`]}
                  onChange={(e) => update({ name: e.target.value })}
                />
                <TextField
                  label={`Ulimit ${i + 1} soft`}
                  value={row.soft}
                  error={shown[`ulimits.${i}.soft`]}
                  onChange={(e) => update({ soft: e.target.value })}
                />
                <TextField
                  label={`Ulimit ${i + 1} hard`}
                  value={row.hard}
                  error={shown[`ulimits.${i}.hard`]}
                  onChange={(e) => update({ hard: e.target.value })}
                />
              </>
            )}
          />
        </FormSection>

        <FormSection id="health" title="Health check">
          <Grid>
            <SelectField
              label="Health check"
              value={view.healthMode}
              onChange={(e) => set('healthMode', e.target.value as CreateView['healthMode'])}
            >
              <option value="image">The image's</option>
              <option value="none">None (disable)</option>
              <option value="CMD-SHELL">Shell command</option>
              <option value="CMD">Command (words)</option>
            </SelectField>
            {(view.healthMode === 'CMD' || view.healthMode === 'CMD-SHELL') &&
              text('healthTest', 'Test', { placeholder: 'wget -q -O- localhost || exit 1' })}
          </Grid>
          {(view.healthMode === 'CMD' || view.healthMode === 'CMD-SHELL') && (
            <Grid>
              {text('healthInterval', 'Interval', { placeholder: '30s' })}
              {text('healthTimeout', 'Timeout', { placeholder: '30s' })}
              {text('healthRetries', 'Retries', { placeholder: '3' })}
              {text('healthStartPeriod', 'Start period', { placeholder: '0s' })}
            </Grid>
          )}
        </FormSection>

        <FormSection id="advanced" title="Advanced">
          {keptNames(view.kept).length > 0 && (
            <InlineAlert tone="info" title="Kept from the container">
              The form has no field for these settings; they are sent unchanged (see the request
              preview): {keptNames(view.kept).join(', ')}.
            </InlineAlert>
          )}
          <Grid>
            {text('capAdd', 'Add capabilities', { placeholder: 'NET_ADMIN' })}
            {text('capDrop', 'Drop capabilities', { placeholder: 'ALL' })}
            {text('logDriver', 'Log driver', { placeholder: 'json-file' })}
          </Grid>
          {view.logDriver.trim() && (
            <RowsEditor
              rows={view.logOptions}
              onChange={(rows) => set('logOptions', rows)}
              blank={() => ({ key: '', value: '' })}
              addLabel="Add log option"
              noun="log option"
              renderRow={kvRow('Log option', 'logOptions')}
            />
          )}
          <RowsEditor
            rows={view.labels}
            onChange={(rows) => set('labels', rows)}
            blank={() => ({ key: '', value: '' })}
            addLabel="Add label"
            noun="label"
            renderRow={kvRow('Label', 'labels')}
          />
        </FormSection>

        {isPouch && (
          <FormSection
            id="pouch"
            title="PouchContainer"
            description="pouchd's own settings: rich container mode, an init script, disk quotas and lxcfs."
          >
            <Grid>
              <div className="pt-6">
                <CheckboxField
                  label="Rich container"
                  checked={view.rich}
                  onChange={(e) => set('rich', e.target.checked)}
                />
              </div>
              {view.rich && (
                <SelectField
                  label="Rich container mode"
                  value={view.richMode}
                  onChange={(e) => set('richMode', e.target.value as RichMode)}
                >
                  <option value="dumb-init">dumb-init</option>
                  <option value="sbin-init">sbin-init</option>
                  <option value="systemd">systemd</option>
                </SelectField>
              )}
              <div className="pt-6">
                <CheckboxField
                  label="Enable lxcfs"
                  checked={view.enableLxcfs}
                  onChange={(e) => set('enableLxcfs', e.target.checked)}
                />
              </div>
            </Grid>
            <TextAreaField
              label="Init script"
              hint="Run in the container before the entrypoint or command."
              value={view.initScript}
              data-field="initScript"
              onChange={(e) => set('initScript', e.target.value)}
            />
            <RowsEditor
              rows={view.diskQuota}
              onChange={(rows) => set('diskQuota', rows)}
              blank={() => ({ dir: '', size: '' })}
              addLabel="Add disk quota"
              noun="disk quota"
              renderRow={(row, i, update) => (
                <>
                  <TextField
                    label={`Disk quota ${i + 1} directory`}
                    placeholder="/ (rootfs), .* (all)"
                    value={row.dir}
                    error={shown[`diskQuota.${i}.dir`]}
                    onChange={(e) => update({ dir: e.target.value })}
                  />
                  <TextField
                    label={`Disk quota ${i + 1} size`}
                    placeholder="10g"
                    value={row.size}
                    error={shown[`diskQuota.${i}.size`]}
                    onChange={(e) => update({ size: e.target.value })}
                  />
                </>
              )}
            />
          </FormSection>
        )}

        <details className="group rounded-lg border border-line bg-panel">
          <summary className="flex cursor-pointer items-center gap-2 px-4 py-2.5 text-[13px] font-semibold text-fg">
            <ChevronDown
              className="size-3.5 -rotate-90 transition-transform group-open:rotate-0"
              aria-hidden
            />
            Request preview
          </summary>
          <div className="border-t border-line px-4 py-3">
            {preview ? (
              <>
                <div className="mb-2 flex justify-end">
                  <CopyButton text={preview} label="Copy request" />
                </div>
                <pre
                  aria-label="Request preview"
                  className="max-h-96 overflow-auto rounded-md bg-subtle p-3 font-mono text-[12px] text-fg"
                >
                  {preview}
                </pre>
              </>
            ) : (
              <p className="text-[12.5px] text-muted">
                Fix the fields marked in red to see the request.
              </p>
            )}
          </div>
        </details>

        {mutation.isError && (
          <InlineAlert
            title={
              isEngineError(mutation.error) && mutation.error.status === 403
                ? 'The gateway refused this container'
                : 'The engine refused this container'
            }
          >
            {mutation.error.message}
          </InlineAlert>
        )}
        {submitted && Object.keys(errors).length > 0 && (
          <InlineAlert title="Some fields need a look">
            {Object.keys(errors).length} field{Object.keys(errors).length === 1 ? '' : 's'} marked
            in red.
          </InlineAlert>
        )}
        <div className="sticky bottom-0 flex items-center justify-end gap-3 border-t border-line bg-canvas/95 py-3 backdrop-blur">
          {progress && (
            <p
              role="status"
              className="mr-auto flex min-w-0 items-center gap-2 truncate text-[12.5px] text-muted"
            >
              <Spinner />
              {STEP_LABEL[progress.step as CreateProgress['step']] ?? progress.step}
              {progress.detail && (
                <span className="truncate font-mono text-[12px]">{progress.detail}</span>
              )}
            </p>
          )}
          <Button type="submit" variant="primary" loading={mutation.isPending}>
            {runOnce && !onSubmitRequest ? 'Run once' : submitLabel}
          </Button>
        </div>
      </div>
      {ranOnce && (
        <RunOnceDialog
          endpointId={endpointId}
          containerId={ranOnce.id}
          name={ranOnce.name}
          onClose={() => setRanOnce(null)}
        />
      )}
    </form>
  );
}
