import { X } from 'lucide-react';
import { Dialog as DialogPrimitive } from 'radix-ui';
import { useLayoutEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { IconButton } from './button';

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
  /** While an action runs the dialog stays open (Esc, the backdrop and Close do nothing). */
  busy?: boolean;
}

/** The field a dialog starts on: one marked `data-autofocus`, else the first field. */
function initialFocus(node: HTMLElement | null): HTMLElement | null {
  return (
    node?.querySelector<HTMLElement>('[data-autofocus]') ??
    node?.querySelector<HTMLElement>(
      'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])',
    ) ??
    null
  );
}

/**
 * A modal dialog over Radix: labelled by its title, described by its description, focus trapped
 * inside and returned to the opener, Esc and the backdrop close it unless it is busy.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  role = 'dialog',
  className,
  busy = false,
}: DialogProps) {
  const keepOpen = (event: Event) => {
    if (busy) event.preventDefault();
  };
  // Berth opens dialogs from any button, not a Radix trigger: remember the opener (layout
  // effects run before Radix moves focus) and give focus back to it on close.
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (open && document.activeElement instanceof HTMLElement)
      opener.current = document.activeElement;
  }, [open]);
  return (
    <DialogPrimitive.Root
      open={open}
      onOpenChange={(next) => {
        if (!next && !busy) onClose();
      }}
    >
      <DialogPrimitive.Portal>
        {/* The overlay is the scroll container, so a dialog taller than the window scrolls. */}
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-black/45 p-4 pt-[12vh] backdrop-blur-[1px] dark:bg-black/65">
          <DialogPrimitive.Content
            role={role}
            aria-modal="true"
            // Radix warns without a description; a dialog without one simply has none.
            {...(description ? {} : { 'aria-describedby': undefined })}
            onOpenAutoFocus={(event) => {
              const target = initialFocus(event.currentTarget as HTMLElement);
              if (target) {
                event.preventDefault();
                target.focus();
              }
            }}
            onCloseAutoFocus={(event) => {
              if (opener.current?.isConnected) {
                event.preventDefault();
                opener.current.focus();
              }
            }}
            onEscapeKeyDown={keepOpen}
            onPointerDownOutside={keepOpen}
            onInteractOutside={keepOpen}
            className={cn(
              'relative w-full max-w-md rounded-xl border border-line bg-panel shadow-2xl shadow-black/20 focus:outline-none',
              className,
            )}
          >
            <div className="flex items-start justify-between gap-4 px-5 pt-4">
              <DialogPrimitive.Title className="pt-1 text-[15px] font-semibold text-fg">
                {title}
              </DialogPrimitive.Title>
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
              <DialogPrimitive.Description asChild>
                <div className="px-5 pt-1 text-[13px] text-muted">{description}</div>
              </DialogPrimitive.Description>
            )}
            {children && <div className="px-5 pt-4">{children}</div>}
            {footer ? <DialogFooter>{footer}</DialogFooter> : <div className="pb-4" />}
          </DialogPrimitive.Content>
        </DialogPrimitive.Overlay>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

/** The row of buttons at the bottom of a dialog: least destructive first, the action last. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="flex items-center justify-end gap-2 px-5 pt-5 pb-4">{children}</div>;
}
