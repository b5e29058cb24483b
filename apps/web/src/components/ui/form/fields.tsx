// Fields bound to the surrounding form (react-hook-form context): each shows its own error.
import { useFormContext, useFormState } from 'react-hook-form';
import type { FieldPath, FieldValues } from 'react-hook-form';
import { CheckboxField } from '../checkbox';
import type { CheckboxProps } from '../checkbox';
import { SelectField, TextAreaField, TextField } from '../field';
import type { SelectFieldProps, TextAreaFieldProps, TextFieldProps } from '../field';
import type { ReactNode } from 'react';

function useFieldError<T extends FieldValues>(name: FieldPath<T>): string | undefined {
  const { errors } = useFormState<T>({ name });
  let current: unknown = errors;
  for (const key of name.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  const message = (current as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

type Bound<P, T extends FieldValues> = Omit<P, 'name' | 'error' | 'value' | 'defaultValue'> & {
  name: FieldPath<T>;
};

export function FormTextField<T extends FieldValues = FieldValues>({
  name,
  type,
  ...props
}: Bound<TextFieldProps, T>) {
  const { register } = useFormContext<T>();
  const error = useFieldError<T>(name);
  return <TextField {...props} type={type} {...register(name)} error={error} />;
}

export function FormTextAreaField<T extends FieldValues = FieldValues>({
  name,
  ...props
}: Bound<TextAreaFieldProps, T>) {
  const { register } = useFormContext<T>();
  const error = useFieldError<T>(name);
  return <TextAreaField {...props} {...register(name)} error={error} />;
}

export function FormSelectField<T extends FieldValues = FieldValues>({
  name,
  ...props
}: Bound<SelectFieldProps, T>) {
  const { register } = useFormContext<T>();
  const error = useFieldError<T>(name);
  return <SelectField {...props} {...register(name)} error={error} />;
}

export function FormCheckboxField<T extends FieldValues = FieldValues>({
  name,
  ...props
}: Bound<CheckboxProps, T> & { label: ReactNode; hint?: ReactNode }) {
  const { register } = useFormContext<T>();
  return <CheckboxField {...props} {...register(name)} />;
}
