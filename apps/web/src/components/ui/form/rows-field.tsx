// Repeating rows bound to the form (ports, mounts, labels): react-hook-form's field array owns
// adding, removing and keeping each row's identity, so a removed row takes its errors with it.
import { Plus, Trash2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import type { ArrayPath, FieldArray, FieldValues } from 'react-hook-form';
import { Button, IconButton } from '../button';
import { FormTextField } from './fields';

export interface FormRowsFieldProps<T extends FieldValues, N extends ArrayPath<T>> {
  name: N;
  /** One new row's values. */
  blank: () => FieldArray<T, N>;
  addLabel: string;
  /** For the remove buttons' names: "Remove port 1". */
  noun: string;
  /** Draws row `index`'s fields; `path` is the row's field-name prefix (`ports.2`). */
  renderRow: (index: number, path: `${N}.${number}`) => ReactNode;
  empty?: ReactNode;
  /** Why nothing can be added yet (e.g. "Create a secret first"); disables the add button. */
  cannotAdd?: string;
}

export function FormRowsField<T extends FieldValues, N extends ArrayPath<T>>({
  name,
  blank,
  addLabel,
  noun,
  renderRow,
  empty,
  cannotAdd,
}: FormRowsFieldProps<T, N>) {
  const { control } = useFormContext<T>();
  const { fields, append, remove } = useFieldArray<T, N>({ control, name });
  return (
    <div className="flex flex-col gap-2">
      {fields.length === 0 && empty && <p className="text-[12.5px] text-muted">{empty}</p>}
      {fields.map((field, index) => (
        <div key={field.id} className="flex items-start gap-2">
          <div className="grid min-w-0 flex-1 grid-cols-[repeat(auto-fit,minmax(8rem,1fr))] gap-2">
            {renderRow(index, `${name}.${index}`)}
          </div>
          <IconButton
            aria-label={`Remove ${noun} ${index + 1}`}
            size="sm"
            className="mt-6"
            onClick={() => remove(index)}
          >
            <Trash2 className="size-3.5" />
          </IconButton>
        </div>
      ))}
      <div>
        <Button
          size="sm"
          icon={<Plus className="size-3.5" aria-hidden />}
          disabled={Boolean(cannotAdd)}
          title={cannotAdd}
          onClick={() => append(blank())}
        >
          {addLabel}
        </Button>
      </div>
    </div>
  );
}

/**
 * Key/value rows (labels, driver options, env) over a `{ key, value }[]` field. Each field is
 * labelled "<noun> <n> key|value" so tests and screen readers can tell the rows apart.
 */
export function FormPairsField<T extends FieldValues>({
  name,
  noun,
}: {
  name: ArrayPath<T>;
  noun: string;
}) {
  return (
    <FormRowsField<FieldValues, string>
      name={name}
      blank={() => ({ key: '', value: '' })}
      addLabel={`Add ${noun.toLowerCase()}`}
      noun={noun.toLowerCase()}
      renderRow={(index, path) => (
        <>
          <FormTextField label={`${noun} ${index + 1} key`} name={`${path}.key`} />
          <FormTextField label={`${noun} ${index + 1} value`} name={`${path}.value`} />
        </>
      )}
    />
  );
}
