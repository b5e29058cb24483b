import { useEffect, useRef } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';
import { cn } from '@/lib/cn';

const box =
  'size-3.5 shrink-0 cursor-pointer rounded-[3px] border-line-strong accent-[var(--berth-accent)] disabled:cursor-not-allowed';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  indeterminate?: boolean;
}

export function Checkbox({ indeterminate = false, className, ...rest }: CheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return <input ref={ref} type="checkbox" className={cn(box, className)} {...rest} />;
}

/** A checkbox with its label and an optional hint, the label naming the control. */
export function CheckboxField({
  label,
  hint,
  ...rest
}: CheckboxProps & { label: ReactNode; hint?: ReactNode }) {
  return (
    <label className="flex cursor-pointer items-start gap-2.5 py-1 text-[13px]">
      <Checkbox className="mt-[3px]" {...rest} />
      <span>
        <span className="text-fg">{label}</span>
        {hint && <span className="block text-[12px] text-muted">{hint}</span>}
      </span>
    </label>
  );
}
