// Forms here are mostly runs of labelled inputs; each run is a table of descriptors drawn by one
// loop, so a field is one line (its name, label and hint) instead of a block of props. Each
// descriptor becomes a kit field bound to the surrounding form, so it shows its own error.
import type { FieldPath, FieldValues } from 'react-hook-form';
import { FormCheckboxField, FormTextAreaField, FormTextField } from '@/components/ui/form';

export interface TextFieldSpec<K extends string> {
  key: K;
  label: string;
  hint?: string;
  placeholder?: string;
  /** Digits only: a number pad on touch screens. */
  numeric?: boolean;
  /** One item a line: a text area. */
  multiline?: boolean;
}

/** Tailwind only keeps class names written out whole, hence a table, not `grid-cols-${n}`. */
const GRID = {
  2: 'grid grid-cols-2 gap-3',
  3: 'grid grid-cols-3 gap-3',
  4: 'grid grid-cols-4 gap-3',
} as const;

/**
 * The fields of `fields`, in order, bound to the form's `key`. With `columns` they stand in a
 * grid of their own; without, they go into whatever layout the caller puts them in.
 */
export function TextFields<T extends FieldValues>({
  fields,
  columns,
}: {
  fields: readonly TextFieldSpec<FieldPath<T>>[];
  columns?: keyof typeof GRID;
}) {
  const items = fields.map(({ key, label, hint, placeholder, numeric, multiline }) =>
    multiline ? (
      <FormTextAreaField<T> key={key} name={key} label={label} hint={hint} />
    ) : (
      <FormTextField<T>
        key={key}
        name={key}
        label={label}
        hint={hint}
        placeholder={placeholder}
        inputMode={numeric ? 'numeric' : undefined}
      />
    ),
  );
  return columns ? <div className={GRID[columns]}>{items}</div> : <>{items}</>;
}

export interface CheckboxSpec<K extends string> {
  key: K;
  label: string;
  hint?: string;
}

/** The checkboxes of `fields`, in order, bound to the form's flags. */
export function CheckboxFields<T extends FieldValues>({
  fields,
}: {
  fields: readonly CheckboxSpec<FieldPath<T>>[];
}) {
  return fields.map(({ key, label, hint }) => (
    <FormCheckboxField<T> key={key} name={key} label={label} hint={hint} />
  ));
}
