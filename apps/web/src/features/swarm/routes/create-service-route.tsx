import { endpointKeys } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Plus, Trash2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Button, IconButton } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { Select } from '@/components/ui/input';
import { JsonView } from '@/components/ui/json-view';
import { Panel } from '@/components/ui/panel';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useFocusFirstInvalid } from '@/hooks/use-focus-first-invalid';
import { networksQueryOptions } from '@/lib/queries';
import { emptyServiceForm, toServiceSpec, validateServiceForm } from '../api/service-form';
import type { PolicyForm, ServiceForm } from '../api/service-form';
import { createService, dataQueryOptions } from '../api/swarm-api';
import { PageHeader, SelectField, TextAreaField } from '../components/swarm-bits';

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
              {form.ports.map((port, i) => (
                <div key={i} className="flex items-end gap-2">
                  <TextField
                    label={`Port ${i + 1} container`}
                    inputMode="numeric"
                    value={port.target}
                    error={err(`port${i}`)}
                    onChange={(e) =>
                      set(
                        'ports',
                        form.ports.map((p, j) => (j === i ? { ...p, target: e.target.value } : p)),
                      )
                    }
                  />
                  <TextField
                    label={`Port ${i + 1} published`}
                    inputMode="numeric"
                    value={port.published}
                    onChange={(e) =>
                      set(
                        'ports',
                        form.ports.map((p, j) =>
                          j === i ? { ...p, published: e.target.value } : p,
                        ),
                      )
                    }
                  />
                  <Select
                    aria-label={`Port ${i + 1} protocol`}
                    value={port.protocol}
                    onChange={(e) =>
                      set(
                        'ports',
                        form.ports.map((p, j) =>
                          j === i ? { ...p, protocol: e.target.value as 'tcp' | 'udp' } : p,
                        ),
                      )
                    }
                  >
                    <option>tcp</option>
                    <option>udp</option>
                  </Select>
                  <Select
                    aria-label={`Port ${i + 1} mode`}
                    value={port.mode}
                    onChange={(e) =>
                      set(
                        'ports',
                        form.ports.map((p, j) =>
                          j === i ? { ...p, mode: e.target.value as 'ingress' | 'host' } : p,
                        ),
                      )
                    }
                  >
                    <option value="ingress">ingress (routing mesh)</option>
                    <option value="host">host (this node only)</option>
                  </Select>
                  <IconButton
                    size="sm"
                    aria-label={`Remove port ${i + 1}`}
                    onClick={() =>
                      set(
                        'ports',
                        form.ports.filter((_, j) => j !== i),
                      )
                    }
                  >
                    <Trash2 className="size-3.5" />
                  </IconButton>
                </div>
              ))}
              <div>
                <Button
                  size="sm"
                  icon={<Plus className="size-3.5" aria-hidden />}
                  onClick={() =>
                    set('ports', [
                      ...form.ports,
                      { target: '', published: '', protocol: 'tcp', mode: 'ingress' },
                    ])
                  }
                >
                  Add port
                </Button>
              </div>
            </Section>
            <Section title="Mounts">
              {form.mounts.map((mount, i) => (
                <div key={i} className="flex items-end gap-2">
                  <Select
                    aria-label={`Mount ${i + 1} type`}
                    value={mount.type}
                    onChange={(e) =>
                      set(
                        'mounts',
                        form.mounts.map((m, j) =>
                          j === i ? { ...m, type: e.target.value as typeof m.type } : m,
                        ),
                      )
                    }
                  >
                    <option>volume</option>
                    <option>bind</option>
                    <option>tmpfs</option>
                  </Select>
                  <TextField
                    label={`Mount ${i + 1} source`}
                    value={mount.source}
                    disabled={mount.type === 'tmpfs'}
                    onChange={(e) =>
                      set(
                        'mounts',
                        form.mounts.map((m, j) => (j === i ? { ...m, source: e.target.value } : m)),
                      )
                    }
                  />
                  <TextField
                    label={`Mount ${i + 1} target`}
                    value={mount.target}
                    error={err(`mount${i}`)}
                    onChange={(e) =>
                      set(
                        'mounts',
                        form.mounts.map((m, j) => (j === i ? { ...m, target: e.target.value } : m)),
                      )
                    }
                  />
                  <CheckboxField
                    label="read-only"
                    checked={mount.readOnly}
                    onChange={(e) =>
                      set(
                        'mounts',
                        form.mounts.map((m, j) =>
                          j === i ? { ...m, readOnly: e.target.checked } : m,
                        ),
                      )
                    }
                  />
                  <IconButton
                    size="sm"
                    aria-label={`Remove mount ${i + 1}`}
                    onClick={() =>
                      set(
                        'mounts',
                        form.mounts.filter((_, j) => j !== i),
                      )
                    }
                  >
                    <Trash2 className="size-3.5" />
                  </IconButton>
                </div>
              ))}
              <div>
                <Button
                  size="sm"
                  icon={<Plus className="size-3.5" aria-hidden />}
                  onClick={() =>
                    set('mounts', [
                      ...form.mounts,
                      { type: 'volume', source: '', target: '', readOnly: false },
                    ])
                  }
                >
                  Add mount
                </Button>
              </div>
            </Section>
            <Section title="Secrets and configs">
              {(['secrets', 'configs'] as const).map((kind) => {
                const known = (kind === 'secrets' ? secrets.data : configs.data) ?? [];
                const noun = kind === 'secrets' ? 'Secret' : 'Config';
                return (
                  <div key={kind} className="flex flex-col gap-2">
                    {form[kind].map((ref, i) => (
                      <div key={i} className="flex items-end gap-2">
                        <SelectField
                          label={`${noun} ${i + 1}`}
                          value={ref.id}
                          onChange={(e) =>
                            set(
                              kind,
                              form[kind].map((r, j) =>
                                j === i ? { ...r, id: e.target.value } : r,
                              ),
                            )
                          }
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
                          onChange={(e) =>
                            set(
                              kind,
                              form[kind].map((r, j) =>
                                j === i ? { ...r, target: e.target.value } : r,
                              ),
                            )
                          }
                        />
                        <IconButton
                          size="sm"
                          aria-label={`Remove ${noun.toLowerCase()} ${i + 1}`}
                          onClick={() =>
                            set(
                              kind,
                              form[kind].filter((_, j) => j !== i),
                            )
                          }
                        >
                          <Trash2 className="size-3.5" />
                        </IconButton>
                      </div>
                    ))}
                    <div>
                      <Button
                        size="sm"
                        disabled={known.length === 0}
                        title={
                          known.length === 0 ? `Create a ${noun.toLowerCase()} first` : undefined
                        }
                        icon={<Plus className="size-3.5" aria-hidden />}
                        onClick={() =>
                          set(kind, [...form[kind], { id: known[0]?.ID ?? '', target: '' }])
                        }
                      >
                        Add {noun.toLowerCase()}
                      </Button>
                    </div>
                  </div>
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
