import { useMutation } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';
import { InlineAlert } from './inline-alert';

/** What a dialog shows once its action is done, instead of closing (a prune's removals). */
export interface ConfirmResult<T> {
  title: (data: T) => string;
  description?: (data: T) => ReactNode;
  body: (data: T) => ReactNode;
}

/**
 * A destructive action, asked first (focus starts on Cancel). While it runs the dialog is busy;
 * when it is refused, the reason stays in the dialog in plain words; when it is done, the given
 * queries refresh and the dialog closes, or shows `result` with a Close button. Options (a
 * "force" checkbox) and a preview of what goes go in as children.
 */
export function ConfirmDialog<T = unknown>({
  title,
  description,
  confirm,
  confirmIcon,
  canConfirm = true,
  action,
  invalidates,
  onClose,
  onDone,
  errorTitle,
  describeError = (error) => error.message,
  result,
  className,
  children,
}: {
  title: string;
  description?: ReactNode;
  /** The danger button's label: "Remove", "Revoke screen". */
  confirm: string;
  confirmIcon?: ReactNode;
  /** False while there is nothing to act on (a prune that would remove nothing). */
  canConfirm?: boolean;
  action: () => Promise<T>;
  invalidates: QueryKey[];
  onClose: () => void;
  onDone?: (data: T) => void;
  /** Heads the refusal, e.g. "The engine refused" for relayed engine calls. */
  errorTitle?: string;
  describeError?: (error: Error) => string;
  result?: ConfirmResult<T>;
  className?: string;
  children?: ReactNode;
}) {
  const mutation = useMutation({
    mutationFn: action,
    meta: { toastOnError: false, invalidates },
    onSuccess: (data) => {
      if (!result) onClose();
      onDone?.(data);
    },
  });
  if (result && mutation.isSuccess) {
    const data = mutation.data;
    return (
      <Dialog
        open
        role="alertdialog"
        onClose={onClose}
        title={result.title(data)}
        description={result.description?.(data)}
        className={className}
        footer={
          <Button variant="primary" onClick={onClose} data-autofocus>
            Close
          </Button>
        }
      >
        {result.body(data)}
      </Dialog>
    );
  }
  return (
    <Dialog
      open
      role="alertdialog"
      onClose={onClose}
      title={title}
      description={description}
      busy={mutation.isPending}
      className={className}
      footer={
        <>
          <Button onClick={onClose} disabled={mutation.isPending} data-autofocus>
            Cancel
          </Button>
          <Button
            variant="danger"
            loading={mutation.isPending}
            disabled={!canConfirm}
            icon={confirmIcon}
            onClick={() => mutation.mutate()}
          >
            {confirm}
          </Button>
        </>
      }
    >
      {children && <div className="flex flex-col gap-3">{children}</div>}
      {mutation.isError && (
        <InlineAlert title={errorTitle} className={children ? 'mt-3' : undefined}>
          {describeError(mutation.error)}
        </InlineAlert>
      )}
    </Dialog>
  );
}
