import { forwardRef, useId } from 'react';
import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { cn } from '@/lib/cn';
import { Select, TextInput } from './input';

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

/** A labelled multi-line field (monospace: env files, labels, Dockerfiles, JSON). */
export function TextAreaField({
  label,
  hint,
  error,
  className,
  ...rest
}: TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  hint?: ReactNode;
  error?: string | null;
}) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error || hint;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-[12.5px] font-medium text-fg">
        {label}
      </label>
      <textarea
        id={id}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={note ? noteId : undefined}
        className={cn(
          'min-h-16 w-full rounded-md border border-line-strong bg-panel px-2.5 py-1.5 font-mono text-[12.5px] text-fg placeholder:text-faint focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/30 focus-visible:outline-none',
          error && 'border-danger',
          className,
        )}
        {...rest}
      />
      {note && (
        <p id={noteId} className={cn('text-[12px]', error ? 'text-danger' : 'text-muted')}>
          {note}
        </p>
      )}
    </div>
  );
}

/** A labelled select. */
export function SelectField({
  label,
  children,
  ...rest
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-[12.5px] font-medium text-fg">
        {label}
      </label>
      <Select id={id} {...rest}>
        {children}
      </Select>
    </div>
  );
}
