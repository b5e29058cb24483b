// A file picker bound to the form: the chosen File (or null) is the field's value, so the schema
// can require one and the error shows at the picker like any other field's.
import { useId } from 'react';
import type { ReactNode } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import type { FieldPath, FieldValues } from 'react-hook-form';
import { cn } from '@/lib/cn';

export function FormFileField<T extends FieldValues = FieldValues>({
  name,
  label,
  hint,
  accept,
  disabled,
}: {
  name: FieldPath<T>;
  label: string;
  hint?: ReactNode;
  accept?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const noteId = `${id}-note`;
  const { control } = useFormContext<T>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const error = fieldState.error?.message;
        const note = error ?? hint;
        return (
          <div className="flex flex-col gap-1.5">
            <label htmlFor={id} className="text-[12.5px] font-medium text-fg">
              {label}
            </label>
            <input
              id={id}
              ref={field.ref}
              name={field.name}
              type="file"
              accept={accept}
              disabled={disabled}
              aria-invalid={error ? true : undefined}
              aria-describedby={note ? noteId : undefined}
              className="text-[13px] text-fg file:mr-3 file:rounded-md file:border file:border-line-strong file:bg-panel file:px-3 file:py-1 file:text-fg"
              onBlur={field.onBlur}
              onChange={(event) => field.onChange(event.target.files?.[0] ?? null)}
            />
            {note && (
              <p id={noteId} className={cn('text-[12px]', error ? 'text-danger' : 'text-muted')}>
                {note}
              </p>
            )}
          </div>
        );
      }}
    />
  );
}
