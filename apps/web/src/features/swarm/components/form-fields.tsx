// Forms here are mostly runs of labelled inputs; each run is a table of descriptors drawn by one
// loop, so a field is one line (its key, label and hint) instead of a block of props.
import { useState } from 'react';
import type { FormEvent, ReactNode, Ref } from 'react';
import { CheckboxField } from '@/components/ui/checkbox';
import { TextAreaField, TextField } from '@/components/ui/field';

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
 * The fields of `fields`, in order, bound to `values[key]`. With `columns` they stand in a grid of
 * their own; without, they go into whatever layout the caller puts them in.
 */
export function TextFields<K extends string>({
  fields,
  values,
  error,
  onChange,
  columns,
}: {
  fields: readonly TextFieldSpec<K>[];
  values: Readonly<Record<K, string>>;
  /** The message to show under a field, if any (see useSubmitCheck). */
  error?: (key: K) => string | null | undefined;
  onChange: (key: K, value: string) => void;
  columns?: keyof typeof GRID;
}) {
  const items = fields.map(({ key, label, hint, placeholder, numeric, multiline }) =>
    multiline ? (
      <TextAreaField
        key={key}
        label={label}
        hint={hint}
        value={values[key]}
        error={error?.(key)}
        onChange={(e) => onChange(key, e.target.value)}
      />
    ) : (
      <TextField
        key={key}
        label={label}
        hint={hint}
        placeholder={placeholder}
        inputMode={numeric ? 'numeric' : undefined}
        value={values[key]}
        error={error?.(key)}
        onChange={(e) => onChange(key, e.target.value)}
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

/** The checkboxes of `fields`, in order, bound to the flags `values[key]`. */
export function CheckboxFields<K extends string>({
  fields,
  values,
  onChange,
}: {
  fields: readonly CheckboxSpec<K>[];
  values: Readonly<Record<K, boolean>>;
  onChange: (key: K, value: boolean) => void;
}) {
  return fields.map(({ key, label, hint }) => (
    <CheckboxField
      key={key}
      label={label}
      hint={hint}
      checked={values[key]}
      onChange={(e) => onChange(key, e.target.checked)}
    />
  ));
}

/** A form's values in one state, and a setter for one of them (what the fields' onChange wants). */
export function useFormValues<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const set = <K extends keyof T>(key: K, value: T[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  return [values, set] as const;
}

/**
 * Errors stay hidden until the first submit, then follow the typing; a submit with errors does not
 * save (and calls `onRefused`, e.g. to focus the first invalid field).
 */
export function useSubmitCheck<E extends Record<string, string | undefined>>(
  errors: E,
  save: () => void,
  onRefused?: () => void,
) {
  const [submitted, setSubmitted] = useState(false);
  const valid = !Object.values(errors).some(Boolean);
  return {
    submitted,
    valid,
    submit: () => {
      setSubmitted(true);
      if (valid) save();
      else onRefused?.();
    },
    error: (key: keyof E & string): string | null => (submitted ? (errors[key] ?? null) : null),
  };
}

/** A form that never navigates: submitting (Enter, or its submit button) calls `onSubmit`. */
export function SubmitForm({
  onSubmit,
  formRef,
  label,
  className,
  children,
}: {
  onSubmit: () => void;
  formRef?: Ref<HTMLFormElement>;
  /** Names the form, which makes it a landmark ("Create service"). */
  label?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form
      ref={formRef}
      aria-label={label}
      noValidate
      className={className}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}
