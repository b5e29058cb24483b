import { useMutation } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { applyServerError } from './server-error';

/**
 * Runs a feature's mutation (its `…Mutation()` options from the feature's api/) as a form's
 * submit. The one place in the app where a failure is not a toast: a form shows it at the field
 * the gateway named, or above its buttons, where the person is looking.
 */
export function useFormSubmit<T extends FieldValues, O, TData, TVariables>(
  form: UseFormReturn<T, unknown, O>,
  mutation: UseMutationOptions<TData, Error, TVariables>,
  toVariables: (values: O) => TVariables,
  onSuccess?: (data: TData, values: O) => void,
) {
  const run = useMutation({
    ...mutation,
    meta: { ...mutation.meta, toastOnError: false },
  });
  const submit = form.handleSubmit(async (values) => {
    form.clearErrors('root.server');
    try {
      const data = await run.mutateAsync(toVariables(values));
      onSuccess?.(data, values);
    } catch (error) {
      applyServerError(form, error);
    }
  });
  return { submit, mutation: run };
}
