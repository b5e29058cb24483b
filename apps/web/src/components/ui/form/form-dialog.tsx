import type { UseMutationOptions } from '@tanstack/react-query';
import { useId } from 'react';
import type { ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { Button } from '../button';
import { Dialog } from '../dialog';
import { Form } from './form';
import { FormError } from './form-error';
import { useFormSubmit } from './use-form-submit';

export interface FormDialogProps<T extends FieldValues, O, TData, TVariables> {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  form: UseFormReturn<T, unknown, O>;
  /** The feature's mutation options (its api/ `…Mutation()`): what saving does. */
  mutation: UseMutationOptions<TData, Error, TVariables>;
  /** Form values to the mutation's variables (a view model to a request body). */
  toVariables: (values: O) => TVariables;
  onSuccess?: (data: TData, values: O) => void;
  /** Stay open after success (to show what was made: a token shown once). */
  keepOpen?: boolean;
  submitLabel: string;
  submitIcon?: ReactNode;
  submitVariant?: 'primary' | 'danger';
  /** Keeps the submit button off while there is nothing to send (a name not changed yet). */
  submitDisabled?: boolean;
  /** Heads a refusal the form cannot pin to a field. */
  errorTitle?: string;
  className?: string;
  children: ReactNode;
  /** Replaces the buttons (after success, say). */
  footer?: ReactNode;
}

/**
 * A dialog around one form: validation at the fields (zod), the first invalid field focused,
 * the mutation's refusal at the field the gateway named or above the buttons, Esc and Cancel
 * blocked while it saves, closed on success.
 */
export function FormDialog<T extends FieldValues, O, TData, TVariables>({
  title,
  description,
  onClose,
  form,
  mutation,
  toVariables,
  onSuccess,
  keepOpen = false,
  submitLabel,
  submitIcon,
  submitVariant = 'primary',
  submitDisabled = false,
  errorTitle,
  className,
  children,
  footer,
}: FormDialogProps<T, O, TData, TVariables>) {
  const formId = useId();
  const { submit, mutation: run } = useFormSubmit(form, mutation, toVariables, (data, values) => {
    onSuccess?.(data, values);
    if (!keepOpen) onClose();
  });
  const busy = run.isPending;
  return (
    <Dialog
      open
      onClose={onClose}
      busy={busy}
      title={title}
      description={description}
      className={className}
      footer={
        footer ?? (
          <>
            <Button onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button
              type="submit"
              form={formId}
              variant={submitVariant}
              loading={busy}
              disabled={submitDisabled}
              icon={submitIcon}
            >
              {submitLabel}
            </Button>
          </>
        )
      }
    >
      <Form form={form} id={formId} onSubmit={(event) => void submit(event)}>
        {children}
        <FormError title={errorTitle} />
      </Form>
    </Dialog>
  );
}
