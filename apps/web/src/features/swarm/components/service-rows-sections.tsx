// The create-service sections made of rows a person adds: ports, mounts, secrets and configs.
import type { Network, SwarmDataObject } from '@berth/api';
import { CheckboxField } from '@/components/ui/checkbox';
import { SelectField, TextField } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { RowsEditor } from '@/components/ui/rows-editor';
import type { MountRow, PortRow } from '../api/service-form';
import { Section } from './service-form-parts';
import type { ServiceSectionProps } from './service-form-parts';

/** A choice in a row: named for screen readers only, lined up with the labelled fields beside it. */
function RowSelect<V extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: V;
  /** A value shown as it is, or a value with its words. */
  options: readonly (V | readonly [V, string])[];
  onChange: (value: V) => void;
}) {
  return (
    <Select
      aria-label={label}
      className="mt-6"
      value={value}
      onChange={(e) => onChange(e.target.value as V)}
    >
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

/** The swarm-scoped networks to attach to (when there are any), and the published ports. */
export function NetworkSection({
  form,
  set,
  err,
  networks,
}: ServiceSectionProps & { networks: readonly Network[] }) {
  return (
    <Section title="Network and ports">
      {networks.length > 0 && (
        <fieldset className="flex flex-wrap gap-3">
          <legend className="mb-1 text-[12.5px] font-medium text-fg">Networks</legend>
          {networks.map((n) => (
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
            <RowSelect
              label={`Port ${i + 1} protocol`}
              value={port.protocol}
              options={PROTOCOLS}
              onChange={(protocol) => update({ protocol })}
            />
            <RowSelect
              label={`Port ${i + 1} mode`}
              value={port.mode}
              options={PUBLISH_MODES}
              onChange={(mode) => update({ mode })}
            />
          </>
        )}
      />
    </Section>
  );
}

export function MountsSection({ form, set, err }: ServiceSectionProps) {
  return (
    <Section title="Mounts">
      <RowsEditor<MountRow>
        rows={form.mounts}
        onChange={(rows) => set('mounts', rows)}
        blank={() => ({ type: 'volume', source: '', target: '', readOnly: false })}
        addLabel="Add mount"
        noun="mount"
        renderRow={(mount, i, update) => (
          <>
            <RowSelect
              label={`Mount ${i + 1} type`}
              value={mount.type}
              options={MOUNT_TYPES}
              onChange={(type) => update({ type })}
            />
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
  );
}

const REFS = {
  secrets: { noun: 'Secret', hint: 'File name under /run/secrets (default: its name).' },
  configs: { noun: 'Config', hint: 'Path in the container (default: /name).' },
} as const;

/** Secrets and configs the tasks get as files: one of the swarm's, and where it goes. */
export function RefsSection({
  form,
  set,
  known,
}: Omit<ServiceSectionProps, 'err'> & {
  known: Record<keyof typeof REFS, readonly SwarmDataObject[]>;
}) {
  return (
    <Section title="Secrets and configs">
      {(['secrets', 'configs'] as const).map((kind) => {
        const { noun, hint } = REFS[kind];
        const objects = known[kind];
        return (
          <RowsEditor
            key={kind}
            rows={form[kind]}
            onChange={(rows) => set(kind, rows)}
            blank={() => ({ id: objects[0]?.ID ?? '', target: '' })}
            addLabel={`Add ${noun.toLowerCase()}`}
            noun={noun.toLowerCase()}
            cannotAdd={objects.length === 0 ? `Create a ${noun.toLowerCase()} first` : undefined}
            renderRow={(ref, i, update) => (
              <>
                <SelectField
                  label={`${noun} ${i + 1}`}
                  value={ref.id}
                  onChange={(e) => update({ id: e.target.value })}
                >
                  {objects.map((o) => (
                    <option key={o.ID} value={o.ID}>
                      {o.Spec.Name}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  label={`${noun} ${i + 1} target`}
                  hint={hint}
                  value={ref.target}
                  onChange={(e) => update({ target: e.target.value })}
                />
              </>
            )}
          />
        );
      })}
    </Section>
  );
}
