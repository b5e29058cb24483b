import { forwardRef, useId } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { TextInput } from './input';

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  /** Shown under the field and read with it; replaced by the error when there is one. */
  hint?: ReactNode;
  /** Shown under the field in red; marks the field invalid. */
  error?: string | null;
  /** Extra content under the field that describes it (a password checklist). */
  describedBy?: string;
}

/** A labelled text input with its hint or error tied to it for screen readers. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, hint, error, describedBy, className, id, ...rest },
  ref,
) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const noteId = `${inputId}-note`;
  const note = error || hint;
  const described = [note ? noteId : undefined, describedBy].filter(Boolean).join(' ');
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={inputId} className="text-[12.5px] font-medium text-fg">
        {label}
      </label>
      <TextInput
        ref={ref}
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        className={cn('w-full', error && 'border-danger', className)}
        {...rest}
      />
      {note && (
        <p id={noteId} className={cn('text-[12px]', error ? 'text-danger' : 'text-muted')}>
          {note}
        </p>
      )}
    </div>
  );
});
