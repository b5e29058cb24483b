import { SelectField, TextField } from '@/components/ui/field';
import type { PolicyForm, ServiceForm } from '../api/service-form';
import { Section } from './service-form-parts';
import type { ServiceFieldSpec, ServiceSectionProps } from './service-form-parts';
import { TextFields } from './form-fields';

/** Update and rollback policies have the same four fields, named after the policy. */
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

const RESTART: readonly ServiceFieldSpec[] = [
  { key: 'restartDelay', label: 'Restart delay' },
  { key: 'restartMaxAttempts', label: 'Restart max attempts', hint: 'Empty: no limit.' },
];

export function PoliciesSection({ form, set, err }: ServiceSectionProps) {
  return (
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
        <TextFields fields={RESTART} values={form} error={err} onChange={set} />
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
  );
}
