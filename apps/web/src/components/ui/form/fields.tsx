// Fields bound to the surrounding form (react-hook-form context): each shows its own error.
import { useFormContext, useFormState } from 'react-hook-form';
import type { FieldPath, FieldValues } from 'react-hook-form';
import { CheckboxField } from '../checkbox';
import type { CheckboxProps } from '../checkbox';
import { SelectField, TextAreaField, TextField } from '../field';
import type { SelectFieldProps, TextAreaFieldProps, TextFieldProps } from '../field';
import type { ReactNode } from 'react';

/**
 * The field's error once the person has left the field or submitted the form, never before: a
 * row just added (react-hook-form validates a field array as it grows) is not red until used.
 */
function useFieldError<T extends FieldValues>(name: FieldPath<T>): string | undefined {
  const { getFieldState } = useFormContext<T>();
  const formState = useFormState<T>({ name });
  const { error, isTouched } = getFieldState(name, formState);
  if (!isTouched && !formState.isSubmitted) return undefined;
  return typeof error?.message === 'string' ? error.message : undefined;
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
