import { useMutation } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';
import { InlineAlert } from './inline-alert';

/**
 * A destructive action, asked first (focus starts on Cancel). While it runs the dialog is busy;
 * when it is refused, the reason stays in the dialog in plain words; when it is done, the given
 * queries refresh and the dialog closes. Options (a "force" checkbox) go in as children.
 */
export function ConfirmDialog({
  title,
  description,
  confirm,
  action,
  invalidates,
  onClose,
  onDone,
  errorTitle,
  describeError = (error) => error.message,
  children,
}: {
  title: string;
  description?: ReactNode;
  /** The danger button's label: "Remove", "Revoke screen". */
  confirm: string;
  action: () => Promise<unknown>;
  invalidates: QueryKey[];
  onClose: () => void;
  onDone?: () => void;
  /** Heads the refusal, e.g. "The engine refused" for relayed engine calls. */
  errorTitle?: string;
  describeError?: (error: Error) => string;
  children?: ReactNode;
}) {
  const mutation = useMutation({
    mutationFn: action,
    meta: { toastOnError: false, invalidates },
    onSuccess: () => {
      onClose();
      onDone?.();
    },
  });
  return (
    <Dialog
      open
      role="alertdialog"
      onClose={onClose}
      title={title}
      description={description}
      busy={mutation.isPending}
      footer={
        <>
          <Button onClick={onClose} disabled={mutation.isPending} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" loading={mutation.isPending} onClick={() => mutation.mutate()}>
            {confirm}
          </Button>
        </>
      }
    >
      {children}
      {mutation.isError && (
        <InlineAlert title={errorTitle} className={children ? 'mt-2' : undefined}>
          {describeError(mutation.error)}
        </InlineAlert>
      )}
    </Dialog>
  );
}
