import { X } from 'lucide-react';
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { cn } from '@/lib/cn';
import { IconButton } from './button';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  /** `alertdialog` for confirmations of destructive actions. */
  role?: 'dialog' | 'alertdialog';
  className?: string;
  /** While an action runs the dialog stays open (Esc and the backdrop do nothing). */
  busy?: boolean;
}

/** A modal dialog: labelled by its title, traps focus, Esc closes, focus returns on close. */
export function Dialog(props: DialogProps) {
  if (!props.open) return null;
  return createPortal(<DialogSurface {...props} />, document.body);
}

function DialogSurface({
  onClose,
  title,
  description,
  children,
  footer,
  role = 'dialog',
  className,
  busy = false,
}: DialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const surface = useRef<HTMLDivElement>(null);
  const busyRef = useRef(busy);
  const onCloseRef = useRef(onClose);

  useEffect(() => {
    busyRef.current = busy;
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const node = surface.current;
    // Focus the first field or the least destructive button: autofocus wins, then the first input.
    const first =
      node?.querySelector<HTMLElement>('[data-autofocus]') ??
      node?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled])') ??
      node?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? node)?.focus();

    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        event.stopPropagation();
        if (!busyRef.current) onCloseRef.current();
        return;
      }
      if (event.key !== 'Tab' || !node) return;
      const items = Array.from(node.querySelectorAll<HTMLElement>(FOCUSABLE));
      if (items.length === 0) {
        event.preventDefault();
        return;
      }
      const firstItem = items[0] as HTMLElement;
      const lastItem = items[items.length - 1] as HTMLElement;
      if (
        event.shiftKey &&
        (document.activeElement === firstItem || !node.contains(document.activeElement))
      ) {
        event.preventDefault();
        lastItem.focus();
      } else if (!event.shiftKey && document.activeElement === lastItem) {
        event.preventDefault();
        firstItem.focus();
      }
    }
    document.addEventListener('keydown', onKeyDown, true);
    const { overflow } = document.body.style;
    document.body.style.overflow = 'hidden';
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.body.style.overflow = overflow;
      previous?.focus();
    };
  }, []);

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto p-4 pt-[12vh]">
      <div
        className="fixed inset-0 bg-black/45 backdrop-blur-[1px] dark:bg-black/65"
        aria-hidden
        onMouseDown={() => {
          if (!busy) onClose();
        }}
      />
      <div
        ref={surface}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        className={cn(
          'relative w-full max-w-md rounded-xl border border-line bg-panel shadow-2xl shadow-black/20',
          className,
        )}
      >
        <div className="flex items-start justify-between gap-4 px-5 pt-4">
          <h2 id={titleId} className="pt-1 text-[15px] font-semibold text-fg">
            {title}
          </h2>
          <IconButton
            aria-label="Close"
            size="sm"
            onClick={onClose}
            disabled={busy}
            className="-mr-2"
          >
            <X className="size-4" />
          </IconButton>
        </div>
        {description && (
          <div id={descriptionId} className="px-5 pt-1 text-[13px] text-muted">
            {description}
          </div>
        )}
        {children && <div className="px-5 pt-4">{children}</div>}
        {footer && <div className="flex justify-end gap-2 px-5 pt-5 pb-4">{footer}</div>}
        {!footer && <div className="pb-4" />}
      </div>
    </div>
  );
}
