// The Update resources form's advanced rows: per-device block IO limits and ulimits, each a
// row of fields named "<noun> <n> <part>" so screen readers and tests can tell the rows apart.
import type { ContainerUpdateValues } from '@berth/api';
import { FormRowsField, FormTextField } from '@/components/ui/form';

type DeviceRows =
  | 'blkioWeightDevice'
  | 'blkioDeviceReadBps'
  | 'blkioDeviceWriteBps'
  | 'blkioDeviceReadIOps'
  | 'blkioDeviceWriteIOps';

/** Device rows: a /dev path and its weight or rate. */
export function DeviceRowsField({
  name,
  noun,
  valueLabel,
  placeholder,
}: {
  name: DeviceRows;
  noun: string;
  valueLabel: string;
  placeholder: string;
}) {
  const valueKey = name === 'blkioWeightDevice' ? 'weight' : 'rate';
  return (
    <FormRowsField<ContainerUpdateValues, DeviceRows>
      name={name}
      blank={() => ({ path: '', weight: '', rate: '' })}
      addLabel={`Add ${noun.toLowerCase()}`}
      noun={noun.toLowerCase()}
      renderRow={(index, path) => (
        <>
          <FormTextField<ContainerUpdateValues>
            name={`${path}.path`}
            label={`${noun} ${index + 1} device`}
            placeholder="/dev/sda"
          />
          <FormTextField<ContainerUpdateValues>
            name={`${path}.${valueKey}` as `${typeof path}.path`}
            label={`${noun} ${index + 1} ${valueLabel}`}
            placeholder={placeholder}
          />
        </>
      )}
    />
  );
}

export function UlimitRowsField() {
  return (
    <FormRowsField<ContainerUpdateValues, 'ulimits'>
      name="ulimits"
      blank={() => ({ name: '', soft: '', hard: '' })}
      addLabel="Add ulimit"
      noun="ulimit"
      renderRow={(index, path) => (
        <>
          <FormTextField<ContainerUpdateValues>
            name={`${path}.name`}
            label={`Ulimit ${index + 1} name`}
            placeholder="nofile"
          />
          <FormTextField<ContainerUpdateValues>
            name={`${path}.soft`}
            label={`Ulimit ${index + 1} soft`}
          />
          <FormTextField<ContainerUpdateValues>
            name={`${path}.hard`}
            label={`Ulimit ${index + 1} hard`}
          />
        </>
      )}
    />
  );
}
