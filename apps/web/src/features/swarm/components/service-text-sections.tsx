// The create-service sections that are text fields and little else, each a table of fields.
import type { ServiceForm } from '@berth/api';
import { useFormContext } from 'react-hook-form';
import { FormSelectField } from '@/components/ui/form';
import { Section } from './service-form-parts';
import type { ServiceFieldSpec } from './service-form-parts';
import { CheckboxFields, TextFields } from './form-fields';
import type { CheckboxSpec } from './form-fields';

const NAME_IMAGE: readonly ServiceFieldSpec[] = [
  { key: 'name', label: 'Name', hint: 'Empty: the engine makes one up.' },
  { key: 'image', label: 'Image', placeholder: 'nginx:alpine' },
];

const REPLICAS: readonly ServiceFieldSpec[] = [
  { key: 'replicas', label: 'Replicas', numeric: true },
];

const QUERY_REGISTRY: readonly CheckboxSpec<keyof ServiceForm>[] = [
  {
    key: 'queryRegistry',
    label: 'Resolve the image to a digest in its registry',
    hint: 'Every node then runs the same image, even if the tag moves.',
  },
];

export function BasicsSection() {
  const mode = useFormContext<ServiceForm>().watch('mode');
  return (
    <Section title="Basics">
      <div className="grid grid-cols-2 gap-3">
        <TextFields<ServiceForm> fields={NAME_IMAGE} />
        <FormSelectField<ServiceForm> name="mode" label="Mode">
          <option value="replicated">replicated: N tasks</option>
          <option value="global">global: one task on every node</option>
        </FormSelectField>
        {mode === 'replicated' && <TextFields<ServiceForm> fields={REPLICAS} />}
      </div>
      <CheckboxFields<ServiceForm> fields={QUERY_REGISTRY} />
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

export function CommandSection() {
  return (
    <Section title="Command and environment">
      <TextFields<ServiceForm> columns={2} fields={COMMAND} />
      <TextFields<ServiceForm> fields={ENVIRONMENT} />
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

export function PlacementSection() {
  return (
    <Section title="Placement and resources">
      <TextFields<ServiceForm> columns={2} fields={PLACEMENT} />
      <TextFields<ServiceForm> columns={4} fields={RESOURCES} />
    </Section>
  );
}

const HEALTH_LOGGING_LABELS: readonly ServiceFieldSpec[] = [
  { key: 'healthCmd', label: 'Health check command', hint: 'Run in a shell; exit 0 is healthy.' },
  { key: 'healthInterval', label: 'Health interval' },
  { key: 'healthRetries', label: 'Health retries', numeric: true },
  { key: 'logDriver', label: 'Log driver', hint: "Empty: the swarm's default." },
  { key: 'logOptions', label: 'Log options', hint: 'One key=value a line.', multiline: true },
  { key: 'labels', label: 'Service labels', hint: 'One KEY=value a line.', multiline: true },
];

export function HealthSection() {
  return (
    <Section title="Health, logging and labels">
      <TextFields<ServiceForm> columns={3} fields={HEALTH_LOGGING_LABELS} />
    </Section>
  );
}
