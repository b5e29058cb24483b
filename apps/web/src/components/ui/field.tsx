import { forwardRef, useId } from 'react';
import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { cn } from '@/lib/cn';
import { Select, TextInput } from './input';

interface FieldShellProps {
  label: string;
  /** Shown under the field and read with it; replaced by the error when there is one. */
  hint?: ReactNode;
  /** Shown under the field in red; marks the field invalid. */
  error?: string | null;
  /** More content that describes the field (a password checklist), by element id. */
  describedBy?: string;
}

/**
 * The label, the hint or error and their ids: every labelled control in Berth is one of these,
 * so a screen reader hears the label, the hint and the error the same way everywhere.
 */
function useFieldShell({ hint, error, describedBy }: FieldShellProps, id?: string) {
  const autoId = useId();
  const controlId = id ?? autoId;
  const noteId = `${controlId}-note`;
  const note = error || hint;
  const described = [note ? noteId : undefined, describedBy].filter(Boolean).join(' ');
  return {
    controlId,
    control: {
      id: controlId,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': described || undefined,
    },
    note: note ? (
      <p id={noteId} className={cn('text-[12px]', error ? 'text-danger' : 'text-muted')}>
        {note}
      </p>
    ) : null,
  };
}

function Label({ htmlFor, children }: { htmlFor: string; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="text-[12.5px] font-medium text-fg">
      {children}
    </label>
  );
}

export type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & FieldShellProps;

/** A labelled text input with its hint or error tied to it for screen readers. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, hint, error, describedBy, className, id, ...rest },
  ref,
) {
  const shell = useFieldShell({ label, hint, error, describedBy }, id);
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={shell.controlId}>{label}</Label>
      <TextInput
        ref={ref}
        {...shell.control}
        className={cn('w-full', error && 'border-danger', className)}
        {...rest}
      />
      {shell.note}
    </div>
  );
});

export type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & FieldShellProps;

/** A labelled multi-line field (monospace: env files, labels, Dockerfiles, JSON). */
export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(
  function TextAreaField({ label, hint, error, describedBy, className, id, ...rest }, ref) {
    const shell = useFieldShell({ label, hint, error, describedBy }, id);
    return (
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={shell.controlId}>{label}</Label>
        <textarea
          ref={ref}
          spellCheck={false}
          {...shell.control}
          className={cn(
            'min-h-16 w-full rounded-md border border-line-strong bg-panel px-2.5 py-1.5 font-mono text-[12.5px] text-fg placeholder:text-faint focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/30 focus-visible:outline-none',
            error && 'border-danger',
            className,
          )}
          {...rest}
        />
        {shell.note}
      </div>
    );
  },
);

export type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & FieldShellProps;

/**
 * A labelled select. The browser's own select: every platform's screen reader and keyboard
 * already know it, and it needs no portal inside dialogs.
 */
export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, hint, error, describedBy, className, id, children, ...rest },
  ref,
) {
  const shell = useFieldShell({ label, hint, error, describedBy }, id);
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={shell.controlId}>{label}</Label>
      <Select
        ref={ref}
        {...shell.control}
        className={cn(error && 'border-danger', className)}
        {...rest}
      >
        {children}
      </Select>
      {shell.note}
    </div>
  );
});
