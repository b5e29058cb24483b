import { FormProvider } from 'react-hook-form';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { FormEventHandler, ReactNode } from 'react';
import { cn } from '@/lib/cn';

/** A form element with its react-hook-form context; the browser's own validation is off. */
export function Form<T extends FieldValues, O>({
  form,
  onSubmit,
  id,
  className,
  children,
  'aria-label': ariaLabel,
}: {
  form: UseFormReturn<T, unknown, O>;
  onSubmit: FormEventHandler<HTMLFormElement>;
  id?: string;
  className?: string;
  children: ReactNode;
  'aria-label'?: string;
}) {
  return (
    <FormProvider {...form}>
      <form
        id={id}
        noValidate
        aria-label={ariaLabel}
        onSubmit={onSubmit}
        className={cn('flex flex-col gap-3', className)}
      >
        {children}
      </form>
    </FormProvider>
  );
}

/** A titled group of fields: a fieldset, so its legend names the group for screen readers. */
export function FormSection({
  title,
  description,
  children,
  className,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <fieldset className={cn('flex min-w-0 flex-col gap-3', className)}>
      <legend className="mb-1 text-[13px] font-semibold text-fg">{title}</legend>
      {description && <p className="-mt-2 text-[12.5px] text-muted">{description}</p>}
      {children}
    </fieldset>
  );
}
