// The create-service sections that are text fields and little else, each a table of fields.
import { SelectField } from '@/components/ui/field';
import type { ServiceForm } from '../api/service-form';
import { Section } from './service-form-parts';
import type { ServiceFieldSpec, ServiceSectionProps } from './service-form-parts';
import { CheckboxFields, TextFields } from './form-fields';

const NAME_IMAGE: readonly ServiceFieldSpec[] = [
  { key: 'name', label: 'Name', hint: 'Empty: the engine makes one up.' },
  { key: 'image', label: 'Image', placeholder: 'nginx:alpine' },
];

const REPLICAS: readonly ServiceFieldSpec[] = [
  { key: 'replicas', label: 'Replicas', numeric: true },
];

const QUERY_REGISTRY = [
  {
    key: 'queryRegistry',
    label: 'Resolve the image to a digest in its registry',
    hint: 'Every node then runs the same image, even if the tag moves.',
  },
] as const;

export function BasicsSection({ form, set, err }: ServiceSectionProps) {
  return (
    <Section title="Basics">
      <div className="grid grid-cols-2 gap-3">
        <TextFields fields={NAME_IMAGE} values={form} error={err} onChange={set} />
        <SelectField
          label="Mode"
          value={form.mode}
          onChange={(e) => set('mode', e.target.value as ServiceForm['mode'])}
        >
          <option value="replicated">replicated: N tasks</option>
          <option value="global">global: one task on every node</option>
        </SelectField>
        {form.mode === 'replicated' && (
          <TextFields fields={REPLICAS} values={form} error={err} onChange={set} />
        )}
      </div>
      <CheckboxFields fields={QUERY_REGISTRY} values={form} onChange={set} />
    </Section>
  );
}

const COMMAND: readonly ServiceFieldSpec[] = [
  {
    key: 'command',
    label: 'Command',
    hint: "Replaces the image's entrypoint; quotes group words.",
  },
  { key: 'args', label: 'Arguments' },
];

const ENVIRONMENT: readonly ServiceFieldSpec[] = [
  { key: 'env', label: 'Environment', hint: 'One KEY=value a line.', multiline: true },
];

export function CommandSection({ form, set, err }: ServiceSectionProps) {
  return (
    <Section title="Command and environment">
      <TextFields columns={2} fields={COMMAND} values={form} error={err} onChange={set} />
      <TextFields fields={ENVIRONMENT} values={form} error={err} onChange={set} />
    </Section>
  );
}

const PLACEMENT: readonly ServiceFieldSpec[] = [
  {
    key: 'constraints',
    label: 'Placement constraints',
    hint: 'One a line, like node.role==manager or node.labels.zone==a.',
    multiline: true,
  },
  {
    key: 'preferences',
    label: 'Placement preferences',
    hint: 'Spread over, one a line: node.labels.zone.',
    multiline: true,
  },
];

const RESOURCES: readonly ServiceFieldSpec[] = [
  { key: 'cpuLimit', label: 'CPU limit' },
  { key: 'memoryLimit', label: 'Memory limit' },
  { key: 'cpuReservation', label: 'CPU reservation' },
  { key: 'memoryReservation', label: 'Memory reservation' },
];

export function PlacementSection({ form, set, err }: ServiceSectionProps) {
  return (
    <Section title="Placement and resources">
      <TextFields columns={2} fields={PLACEMENT} values={form} error={err} onChange={set} />
      <TextFields columns={4} fields={RESOURCES} values={form} error={err} onChange={set} />
    </Section>
  );
}

const HEALTH_LOGGING_LABELS: readonly ServiceFieldSpec[] = [
  { key: 'healthCmd', label: 'Health check command', hint: 'Run in a shell; exit 0 is healthy.' },
  { key: 'healthInterval', label: 'Health interval' },
  { key: 'healthRetries', label: 'Health retries' },
  { key: 'logDriver', label: 'Log driver', hint: "Empty: the swarm's default." },
  { key: 'logOptions', label: 'Log options', hint: 'One key=value a line.', multiline: true },
  { key: 'labels', label: 'Service labels', hint: 'One KEY=value a line.', multiline: true },
];

export function HealthSection({ form, set, err }: ServiceSectionProps) {
  return (
    <Section title="Health, logging and labels">
      <TextFields
        columns={3}
        fields={HEALTH_LOGGING_LABELS}
        values={form}
        error={err}
        onChange={set}
      />
    </Section>
  );
}
