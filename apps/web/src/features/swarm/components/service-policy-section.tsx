import type { ServiceForm } from '@berth/api';
import { FormSelectField } from '@/components/ui/form';
import { Section } from './service-form-parts';
import type { ServiceFieldSpec } from './service-form-parts';
import { TextFields } from './form-fields';

/** Update and rollback policies have the same four fields, named after the policy. */
function PolicyFields({
  policy,
  label,
  actions,
}: {
  policy: 'update' | 'rollback';
  label: string;
  actions: string[];
}) {
  const text: readonly ServiceFieldSpec[] = [
    { key: `${policy}.parallelism`, label: `${label} parallelism`, numeric: true },
    { key: `${policy}.delay`, label: `${label} delay` },
  ];
  return (
    <div className="grid grid-cols-4 gap-3">
      <TextFields<ServiceForm> fields={text} />
      <FormSelectField<ServiceForm>
        name={`${policy}.failureAction`}
        label={`${label} failure action`}
      >
        {actions.map((a) => (
          <option key={a}>{a}</option>
        ))}
      </FormSelectField>
      <FormSelectField<ServiceForm> name={`${policy}.order`} label={`${label} order`}>
        <option value="stop-first">stop-first</option>
        <option value="start-first">start-first</option>
      </FormSelectField>
    </div>
  );
}

const RESTART: readonly ServiceFieldSpec[] = [
  { key: 'restartDelay', label: 'Restart delay' },
  { key: 'restartMaxAttempts', label: 'Restart max attempts', hint: 'Empty: no limit.' },
];

export function PoliciesSection() {
  return (
    <Section title="Policies">
      <div className="grid grid-cols-3 gap-3">
        <FormSelectField<ServiceForm> name="restartCondition" label="Restart condition">
          <option value="any">any</option>
          <option value="on-failure">on-failure</option>
          <option value="none">none</option>
        </FormSelectField>
        <TextFields<ServiceForm> fields={RESTART} />
      </div>
      <PolicyFields policy="update" label="Update" actions={['pause', 'continue', 'rollback']} />
      <PolicyFields policy="rollback" label="Rollback" actions={['pause', 'continue']} />
    </Section>
  );
}
