import { forwardRef, useEffect, useId, useImperativeHandle, useRef } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';
import { cn } from '@/lib/cn';

const box =
  'size-3.5 shrink-0 cursor-pointer rounded-[3px] border-line-strong accent-[var(--berth-accent)] disabled:cursor-not-allowed';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  indeterminate?: boolean;
}

export const Checkbox = forwardRef<HTMLInputElement, CheckboxProps>(function Checkbox(
  { indeterminate = false, className, ...rest },
  forwarded,
) {
  const ref = useRef<HTMLInputElement>(null);
  useImperativeHandle(forwarded, () => ref.current as HTMLInputElement);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return <input ref={ref} type="checkbox" className={cn(box, className)} {...rest} />;
});

/**
 * A checkbox with its label and an optional hint. The label names the control; the hint
 * describes it (read after the name, not part of it).
 */
export const CheckboxField = forwardRef<
  HTMLInputElement,
  CheckboxProps & { label: ReactNode; hint?: ReactNode }
>(function CheckboxField({ label, hint, id, ...rest }, ref) {
  const autoId = useId();
  const hintId = `${id ?? autoId}-hint`;
  return (
    <div className="flex items-start gap-2.5 py-1 text-[13px]">
      <Checkbox
        ref={ref}
        id={id ?? autoId}
        className="mt-[3px]"
        aria-describedby={hint ? hintId : undefined}
        {...rest}
      />
      <div>
        <label htmlFor={id ?? autoId} className="cursor-pointer text-fg">
          {label}
        </label>
        {hint && (
          <p id={hintId} className="text-[12px] text-muted">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
});
