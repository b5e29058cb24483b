import { endpointKeys } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { RowsEditor } from '@/components/ui/rows-editor';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { Select } from '@/components/ui/input';
import { JsonView } from '@/components/ui/json-view';
import { Panel } from '@/components/ui/panel';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useFocusFirstInvalid } from '@/hooks/use-focus-first-invalid';
import { networksQueryOptions } from '@/lib/queries';
import { emptyServiceForm, toServiceSpec, validateServiceForm } from '../api/service-form';
import type { MountRow, PolicyForm, PortRow, ServiceForm } from '../api/service-form';
import { createService, dataQueryOptions } from '../api/swarm-api';
import { PageHeader } from '../components/swarm-bits';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Panel title={title} bodyClassName="flex flex-col gap-3 p-4">
      {children}
    </Panel>
  );
}

function PolicyFields({
  label,
  value,
  error,
  actions,
  onChange,
}: {
  label: string;
  value: PolicyForm;
  error?: string;
  actions: string[];
  onChange: (value: PolicyForm) => void;
}) {
  return (
    <div className="grid grid-cols-4 gap-3">
      <TextField
        label={`${label} parallelism`}
        inputMode="numeric"
        value={value.parallelism}
        onChange={(e) => onChange({ ...value, parallelism: e.target.value })}
      />
      <TextField
        label={`${label} delay`}
        value={value.delay}
        error={error}
        onChange={(e) => onChange({ ...value, delay: e.target.value })}
      />
      <SelectField
        label={`${label} failure action`}
        value={value.failureAction}
        onChange={(e) => onChange({ ...value, failureAction: e.target.value })}
      >
        {actions.map((a) => (
          <option key={a}>{a}</option>
        ))}
      </SelectField>
      <SelectField
        label={`${label} order`}
        value={value.order}
        onChange={(e) => onChange({ ...value, order: e.target.value as PolicyForm['order'] })}
      >
        <option value="stop-first">stop-first</option>
        <option value="start-first">start-first</option>
      </SelectField>
    </div>
  );
}

/** The whole ServiceSpec as a form, with the JSON it sends shown beside it. */
export function CreateServiceRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Create service');
  const navigate = useNavigate();
  const [formRef, refused] = useFocusFirstInvalid<HTMLFormElement>();
  const [form, setForm] = useState<ServiceForm>(emptyServiceForm);
  const [submitted, setSubmitted] = useState(false);
  const secrets = useQuery(dataQueryOptions(endpointId, 'secrets'));
  const configs = useQuery(dataQueryOptions(endpointId, 'configs'));
  const networks = useQuery(networksQueryOptions(endpointId));
  const swarmNetworks = (networks.data ?? []).filter((n) => n.Scope === 'swarm');
  const errors = validateServiceForm(form);
  const spec = useMemo(
    () => toServiceSpec(form, { secrets: secrets.data ?? [], configs: configs.data ?? [] }),
    [form, secrets.data, configs.data],
  );
  const mutation = useMutation({
    mutationFn: () => createService(endpointId, spec, form.queryRegistry),
    meta: { toastOnError: false, invalidates: [endpointKeys.swarm(endpointId)] },
    onSuccess: (created) => {
      if (!created.warnings.length) void open(created.ID);
    },
  });
  const open = (serviceId: string) =>
    navigate({
      to: '/endpoints/$endpointId/swarm/services/$serviceId',
      params: { endpointId, serviceId },
    });
  const set = <K extends keyof ServiceForm>(key: K, value: ServiceForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const err = (key: string) => (submitted ? (errors[key] ?? null) : null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length === 0) mutation.mutate();
    else refused();
  }

  return (
    <div className="flex h-full min-h-0 flex-col">
      <PageHeader title="Create service" description="Runs an image as tasks across the swarm." />
      <div className="min-h-0 flex-1 overflow-auto p-6">
        <form
          ref={formRef}
          aria-label="Create service"
          noValidate
          onSubmit={submit}
          className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_26rem]"
        >
          <div className="flex flex-col gap-4">
            <Section title="Basics">
              <div className="grid grid-cols-2 gap-3">
                <TextField
                  label="Name"
                  hint="Empty: the engine makes one up."
                  value={form.name}
                  error={err('name')}
                  onChange={(e) => set('name', e.target.value)}
                />
                <TextField
                  label="Image"
                  placeholder="nginx:alpine"
                  value={form.image}
                  error={err('image')}
                  onChange={(e) => set('image', e.target.value)}
                />
                <SelectField
                  label="Mode"
                  value={form.mode}
                  onChange={(e) => set('mode', e.target.value as ServiceForm['mode'])}
                >
                  <option value="replicated">replicated: N tasks</option>
                  <option value="global">global: one task on every node</option>
                </SelectField>
                {form.mode === 'replicated' && (
                  <TextField
                    label="Replicas"
                    inputMode="numeric"
                    value={form.replicas}
                    error={err('replicas')}
                    onChange={(e) => set('replicas', e.target.value)}
                  />
                )}
              </div>
              <CheckboxField
                label="Resolve the image to a digest in its registry"
                hint="Every node then runs the same image, even if the tag moves."
                checked={form.queryRegistry}
                onChange={(e) => set('queryRegistry', e.target.checked)}
              />
            </Section>
            <Section title="Command and environment">
              <div className="grid grid-cols-2 gap-3">
                <TextField
                  label="Command"
                  hint="Replaces the image's entrypoint; quotes group words."
                  value={form.command}
                  onChange={(e) => set('command', e.target.value)}
                />
                <TextField
                  label="Arguments"
                  value={form.args}
                  onChange={(e) => set('args', e.target.value)}
                />
              </div>
              <TextAreaField
                label="Environment"
                hint="One KEY=value a line."
                value={form.env}
                onChange={(e) => set('env', e.target.value)}
              />
            </Section>
            <Section title="Network and ports">
              {swarmNetworks.length > 0 && (
                <fieldset className="flex flex-wrap gap-3">
                  <legend className="mb-1 text-[12.5px] font-medium text-fg">Networks</legend>
                  {swarmNetworks.map((n) => (
                    <CheckboxField
                      key={n.Id}
                      label={n.Name}
                      checked={form.networks.includes(n.Name)}
                      onChange={(e) =>
                        set(
                          'networks',
                          e.target.checked
                            ? [...form.networks, n.Name]
                            : form.networks.filter((x) => x !== n.Name),
                        )
                      }
                    />
                  ))}
                </fieldset>
              )}
              <RowsEditor<PortRow>
                rows={form.ports}
                onChange={(rows) => set('ports', rows)}
                blank={() => ({ target: '', published: '', protocol: 'tcp', mode: 'ingress' })}
                addLabel="Add port"
                noun="port"
                renderRow={(port, i, update) => (
                  <>
                    <TextField
                      label={`Port ${i + 1} container`}
                      inputMode="numeric"
                      value={port.target}
                      error={err(`port${i}`)}
                      onChange={(e) => update({ target: e.target.value })}
                    />
                    <TextField
                      label={`Port ${i + 1} published`}
                      inputMode="numeric"
                      value={port.published}
                      onChange={(e) => update({ published: e.target.value })}
                    />
                    <Select
                      aria-label={`Port ${i + 1} protocol`}
                      className="mt-6"
                      value={port.protocol}
                      onChange={(e) => update({ protocol: e.target.value as 'tcp' | 'udp' })}
                    >
                      <option>tcp</option>
                      <option>udp</option>
                    </Select>
                    <Select
                      aria-label={`Port ${i + 1} mode`}
                      className="mt-6"
                      value={port.mode}
                      onChange={(e) => update({ mode: e.target.value as 'ingress' | 'host' })}
                    >
                      <option value="ingress">ingress (routing mesh)</option>
                      <option value="host">host (this node only)</option>
                    </Select>
                  </>
                )}
              />
            </Section>
            <Section title="Mounts">
              <RowsEditor<MountRow>
                rows={form.mounts}
                onChange={(rows) => set('mounts', rows)}
                blank={() => ({ type: 'volume', source: '', target: '', readOnly: false })}
                addLabel="Add mount"
                noun="mount"
                renderRow={(mount, i, update) => (
                  <>
                    <Select
                      aria-label={`Mount ${i + 1} type`}
                      className="mt-6"
                      value={mount.type}
                      onChange={(e) => update({ type: e.target.value as typeof mount.type })}
                    >
                      <option>volume</option>
                      <option>bind</option>
                      <option>tmpfs</option>
                    </Select>
                    <TextField
                      label={`Mount ${i + 1} source`}
                      value={mount.source}
                      disabled={mount.type === 'tmpfs'}
                      onChange={(e) => update({ source: e.target.value })}
                    />
                    <TextField
                      label={`Mount ${i + 1} target`}
                      value={mount.target}
                      error={err(`mount${i}`)}
                      onChange={(e) => update({ target: e.target.value })}
                    />
                    <div className="mt-6">
                      <CheckboxField
                        label="read-only"
                        checked={mount.readOnly}
                        onChange={(e) => update({ readOnly: e.target.checked })}
                      />
                    </div>
                  </>
                )}
              />
            </Section>
            <Section title="Secrets and configs">
              {(['secrets', 'configs'] as const).map((kind) => {
                const known = (kind === 'secrets' ? secrets.data : configs.data) ?? [];
                const noun = kind === 'secrets' ? 'Secret' : 'Config';
                return (
                  <RowsEditor
                    key={kind}
                    rows={form[kind]}
                    onChange={(rows) => set(kind, rows)}
                    blank={() => ({ id: known[0]?.ID ?? '', target: '' })}
                    addLabel={`Add ${noun.toLowerCase()}`}
                    noun={noun.toLowerCase()}
                    cannotAdd={
                      known.length === 0 ? `Create a ${noun.toLowerCase()} first` : undefined
                    }
                    renderRow={(ref, i, update) => (
                      <>
                        <SelectField
                          label={`${noun} ${i + 1}`}
                          value={ref.id}
                          onChange={(e) => update({ id: e.target.value })}
                        >
                          {known.map((o) => (
                            <option key={o.ID} value={o.ID}>
                              {o.Spec.Name}
                            </option>
                          ))}
                        </SelectField>
                        <TextField
                          label={`${noun} ${i + 1} target`}
                          hint={
                            kind === 'secrets'
                              ? 'File name under /run/secrets (default: its name).'
                              : 'Path in the container (default: /name).'
                          }
                          value={ref.target}
                          onChange={(e) => update({ target: e.target.value })}
                        />
                      </>
                    )}
                  />
                );
              })}
            </Section>
            <Section title="Placement and resources">
              <div className="grid grid-cols-2 gap-3">
                <TextAreaField
                  label="Placement constraints"
                  hint="One a line, like node.role==manager or node.labels.zone==a."
                  value={form.constraints}
                  onChange={(e) => set('constraints', e.target.value)}
                />
                <TextAreaField
                  label="Placement preferences"
                  hint="Spread over, one a line: node.labels.zone."
                  value={form.preferences}
                  onChange={(e) => set('preferences', e.target.value)}
                />
              </div>
              <div className="grid grid-cols-4 gap-3">
                <TextField
                  label="CPU limit"
                  value={form.cpuLimit}
                  error={err('cpuLimit')}
                  onChange={(e) => set('cpuLimit', e.target.value)}
                />
                <TextField
                  label="Memory limit"
                  value={form.memoryLimit}
                  error={err('memoryLimit')}
                  onChange={(e) => set('memoryLimit', e.target.value)}
                />
                <TextField
                  label="CPU reservation"
                  value={form.cpuReservation}
                  error={err('cpuReservation')}
                  onChange={(e) => set('cpuReservation', e.target.value)}
                />
                <TextField
                  label="Memory reservation"
                  value={form.memoryReservation}
                  error={err('memoryReservation')}
                  onChange={(e) => set('memoryReservation', e.target.value)}
                />
              </div>
            </Section>
            <Section title="Policies">
              <div className="grid grid-cols-3 gap-3">
                <SelectField
                  label="Restart condition"
                  value={form.restartCondition}
                  onChange={(e) =>
                    set('restartCondition', e.target.value as ServiceForm['restartCondition'])
                  }
                >
                  <option value="any">any</option>
                  <option value="on-failure">on-failure</option>
                  <option value="none">none</option>
                </SelectField>
                <TextField
                  label="Restart delay"
                  value={form.restartDelay}
                  error={err('restartDelay')}
                  onChange={(e) => set('restartDelay', e.target.value)}
                />
                <TextField
                  label="Restart max attempts"
                  hint="Empty: no limit."
                  value={form.restartMaxAttempts}
                  onChange={(e) => set('restartMaxAttempts', e.target.value)}
                />
              </div>
              <PolicyFields
                label="Update"
                value={form.update}
                error={err('updateDelay') ?? undefined}
                actions={['pause', 'continue', 'rollback']}
                onChange={(v) => set('update', v)}
              />
              <PolicyFields
                label="Rollback"
                value={form.rollback}
                error={err('rollbackDelay') ?? undefined}
                actions={['pause', 'continue']}
                onChange={(v) => set('rollback', v)}
              />
            </Section>
            <Section title="Health, logging and labels">
              <div className="grid grid-cols-3 gap-3">
                <TextField
                  label="Health check command"
                  hint="Run in a shell; exit 0 is healthy."
                  value={form.healthCmd}
                  onChange={(e) => set('healthCmd', e.target.value)}
                />
                <TextField
                  label="Health interval"
                  value={form.healthInterval}
                  error={err('healthInterval')}
                  onChange={(e) => set('healthInterval', e.target.value)}
                />
                <TextField
                  label="Health retries"
                  value={form.healthRetries}
                  onChange={(e) => set('healthRetries', e.target.value)}
                />
                <TextField
                  label="Log driver"
                  hint="Empty: the swarm's default."
                  value={form.logDriver}
                  onChange={(e) => set('logDriver', e.target.value)}
                />
                <TextAreaField
                  label="Log options"
                  hint="One key=value a line."
                  value={form.logOptions}
                  onChange={(e) => set('logOptions', e.target.value)}
                />
                <TextAreaField
                  label="Service labels"
                  hint="One KEY=value a line."
                  value={form.labels}
                  onChange={(e) => set('labels', e.target.value)}
                />
              </div>
            </Section>
          </div>
          <div className="flex flex-col gap-3 xl:sticky xl:top-0 xl:self-start">
            <Panel title="Service spec" bodyClassName="max-h-[60vh] overflow-auto">
              <JsonView label="Service spec preview" text={JSON.stringify(spec, null, 2)} />
            </Panel>
            {submitted && Object.keys(errors).length > 0 && (
              <InlineAlert>Some fields need a fix: see the messages in red.</InlineAlert>
            )}
            {mutation.isError && (
              <InlineAlert title="The engine refused">{mutation.error.message}</InlineAlert>
            )}
            {mutation.data?.warnings.length ? (
              <>
                <InlineAlert tone="warning" title="Created, with a warning">
                  {mutation.data.warnings.join(' ')}
                </InlineAlert>
                <Button variant="primary" onClick={() => void open(mutation.data.ID)}>
                  Open the service
                </Button>
              </>
            ) : (
              <Button type="submit" variant="primary" loading={mutation.isPending}>
                Create service
              </Button>
            )}
          </div>
        </form>
      </div>
    </div>
  );
}
