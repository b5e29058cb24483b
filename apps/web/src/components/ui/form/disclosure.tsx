// A collapsed group of fields (a form's "Advanced" part). It opens by itself when the form is
// sent with an error inside it, and focuses that field: a field in a closed <details> cannot
// take the focus, so react-hook-form's own focus on the first invalid field would be lost.
import { ChevronDown } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { get, useFormContext, useFormState } from 'react-hook-form';
import type { FieldErrors, FieldValues, Path } from 'react-hook-form';
import { cn } from '@/lib/cn';

/** The dotted path of the first error below `errors` (`rows.0.path`), depth first. */
function firstErrorPath(errors: unknown, prefix: string): string | undefined {
  if (!errors || typeof errors !== 'object') return undefined;
  if ('message' in errors && typeof errors.message === 'string') return prefix;
  for (const [key, value] of Object.entries(errors)) {
    if (key === 'ref' || key === 'root') continue;
    const found = firstErrorPath(value, prefix ? `${prefix}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

export function FormDisclosure<T extends FieldValues = FieldValues>({
  title,
  description,
  fields,
  defaultOpen = false,
  children,
  className,
}: {
  title: string;
  description?: ReactNode;
  /** The form fields inside (top-level names), so an error in them opens the group. */
  fields: ReadonlyArray<Path<T>>;
  defaultOpen?: boolean;
  children: ReactNode;
  className?: string;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  // Mirrors the element (its toggle event), so a re-render never closes what the person opened.
  const [open, setOpen] = useState(defaultOpen);
  const { setFocus } = useFormContext<T>();
  const { errors, submitCount } = useFormState<T>();
  // Once a submit: later errors (as the person types) neither reopen the group nor move focus.
  const handledSubmit = useRef(0);
  useEffect(() => {
    if (submitCount === handledSubmit.current) return;
    handledSubmit.current = submitCount;
    const inside = fields
      .map((name) => firstErrorPath(get(errors as FieldErrors<T>, name), name))
      .find(Boolean);
    if (!inside) return;
    // Opened on the element; its toggle event brings the state along.
    if (details.current) details.current.open = true;
    // Only when no field before this group took the focus (react-hook-form focuses the first).
    const active = document.activeElement;
    if (active?.getAttribute('aria-invalid') === 'true') return;
    requestAnimationFrame(() => setFocus(inside as Path<T>));
  }, [submitCount, errors, fields, setFocus]);
  return (
    <details
      ref={details}
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className={cn('group rounded-lg border border-line', className)}
    >
      <summary className="flex cursor-pointer items-center gap-2 px-3 py-2 text-[13px] font-semibold text-fg">
        <ChevronDown
          className="size-3.5 -rotate-90 transition-transform group-open:rotate-0"
          aria-hidden
        />
        {title}
      </summary>
      <div className="flex flex-col gap-3 border-t border-line px-3 py-3">
        {description && <p className="text-[12.5px] text-muted">{description}</p>}
        {children}
      </div>
    </details>
  );
}
