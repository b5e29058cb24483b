// The create-service sections made of rows a person adds: ports, mounts, secrets and configs.
import type { MountRow, Network, PortRow, ServiceForm, SwarmDataObject } from '@berth/api';
import { useController, useFormContext } from 'react-hook-form';
import type { FieldPath } from 'react-hook-form';
import { CheckboxField } from '@/components/ui/checkbox';
import {
  FormCheckboxField,
  FormRowsField,
  FormSelectField,
  FormTextField,
} from '@/components/ui/form';
import { Select } from '@/components/ui/input';
import { Section } from './service-form-parts';

/** A choice in a row: named for screen readers only, lined up with the labelled fields beside it. */
function RowSelect({
  name,
  label,
  options,
}: {
  name: FieldPath<ServiceForm>;
  label: string;
  /** A value shown as it is, or a value with its words. */
  options: readonly (string | readonly [string, string])[];
}) {
  const { register } = useFormContext<ServiceForm>();
  return (
    <Select aria-label={label} className="mt-6" {...register(name)}>
      {options.map((option) =>
        typeof option === 'string' ? (
          <option key={option}>{option}</option>
        ) : (
          <option key={option[0]} value={option[0]}>
            {option[1]}
          </option>
        ),
      )}
    </Select>
  );
}

const PROTOCOLS: readonly PortRow['protocol'][] = ['tcp', 'udp'];
const PUBLISH_MODES: readonly (readonly [PortRow['mode'], string])[] = [
  ['ingress', 'ingress (routing mesh)'],
  ['host', 'host (this node only)'],
];
const MOUNT_TYPES: readonly MountRow['type'][] = ['volume', 'bind', 'tmpfs'];

/** The swarm networks picked, as checkboxes over one list of names. */
function NetworkChoices({ networks }: { networks: readonly Network[] }) {
  const { field } = useController<ServiceForm, 'networks'>({ name: 'networks' });
  const picked = field.value;
  return (
    <fieldset className="flex flex-wrap gap-3">
      <legend className="mb-1 text-[12.5px] font-medium text-fg">Networks</legend>
      {networks.map((n) => (
        <CheckboxField
          key={n.Id}
          label={n.Name}
          checked={picked.includes(n.Name)}
          onChange={(e) =>
            field.onChange(
              e.target.checked ? [...picked, n.Name] : picked.filter((x) => x !== n.Name),
            )
          }
        />
      ))}
    </fieldset>
  );
}

/** The swarm-scoped networks to attach to (when there are any), and the published ports. */
export function NetworkSection({ networks }: { networks: readonly Network[] }) {
  return (
    <Section title="Network and ports">
      {networks.length > 0 && <NetworkChoices networks={networks} />}
      <FormRowsField<ServiceForm, 'ports'>
        name="ports"
        blank={() => ({ target: '', published: '', protocol: 'tcp', mode: 'ingress' })}
        addLabel="Add port"
        noun="port"
        renderRow={(i, path) => (
          <>
            <FormTextField<ServiceForm>
              name={`${path}.target`}
              label={`Port ${i + 1} container`}
              inputMode="numeric"
            />
            <FormTextField<ServiceForm>
              name={`${path}.published`}
              label={`Port ${i + 1} published`}
              inputMode="numeric"
            />
            <RowSelect
              name={`${path}.protocol`}
              label={`Port ${i + 1} protocol`}
              options={PROTOCOLS}
            />
            <RowSelect name={`${path}.mode`} label={`Port ${i + 1} mode`} options={PUBLISH_MODES} />
          </>
        )}
      />
    </Section>
  );
}

/** One mount: a tmpfs has no source, so its source field is off. */
function MountFields({ index, path }: { index: number; path: `mounts.${number}` }) {
  const type = useFormContext<ServiceForm>().watch(`${path}.type`);
  return (
    <>
      <RowSelect name={`${path}.type`} label={`Mount ${index + 1} type`} options={MOUNT_TYPES} />
      <FormTextField<ServiceForm>
        name={`${path}.source`}
        label={`Mount ${index + 1} source`}
        disabled={type === 'tmpfs'}
      />
      <FormTextField<ServiceForm> name={`${path}.target`} label={`Mount ${index + 1} target`} />
      <div className="mt-6">
        <FormCheckboxField<ServiceForm> name={`${path}.readOnly`} label="read-only" />
      </div>
    </>
  );
}

export function MountsSection() {
  return (
    <Section title="Mounts">
      <FormRowsField<ServiceForm, 'mounts'>
        name="mounts"
        blank={() => ({ type: 'volume', source: '', target: '', readOnly: false })}
        addLabel="Add mount"
        noun="mount"
        renderRow={(i, path) => <MountFields index={i} path={path} />}
      />
    </Section>
  );
}

const REFS = {
  secrets: { noun: 'Secret', hint: 'File name under /run/secrets (default: its name).' },
  configs: { noun: 'Config', hint: 'Path in the container (default: /name).' },
} as const;

/** Secrets and configs the tasks get as files: one of the swarm's, and where it goes. */
export function RefsSection({
  known,
}: {
  known: Record<keyof typeof REFS, readonly SwarmDataObject[]>;
}) {
  return (
    <Section title="Secrets and configs">
      {(['secrets', 'configs'] as const).map((kind) => {
        const { noun, hint } = REFS[kind];
        const objects = known[kind];
        return (
          <FormRowsField<ServiceForm, typeof kind>
            key={kind}
            name={kind}
            blank={() => ({ id: objects[0]?.ID ?? '', target: '' })}
            addLabel={`Add ${noun.toLowerCase()}`}
            noun={noun.toLowerCase()}
            cannotAdd={objects.length === 0 ? `Create a ${noun.toLowerCase()} first` : undefined}
            renderRow={(i, path) => (
              <>
                <FormSelectField<ServiceForm> name={`${path}.id`} label={`${noun} ${i + 1}`}>
                  {objects.map((o) => (
                    <option key={o.ID} value={o.ID}>
                      {o.Spec.Name}
                    </option>
                  ))}
                </FormSelectField>
                <FormTextField<ServiceForm>
                  name={`${path}.target`}
                  label={`${noun} ${i + 1} target`}
                  hint={hint}
                />
              </>
            )}
          />
        );
      })}
    </Section>
  );
}
