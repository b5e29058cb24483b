import type { ImageDeleteItem } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { InlineAlert } from '@/components/ui/inline-alert';
import { removeImageMutation } from '../api/images-api';

export function DeleteResults({ items }: { items: ImageDeleteItem[] }) {
  if (items.length === 0) return <p className="text-[12.5px] text-muted">Nothing was removed.</p>;
  return (
    <ul
      aria-label="Removal results"
      className="max-h-60 divide-y divide-line overflow-auto rounded-md border border-line font-mono text-[12px]"
    >
      {items.map((item, index) => (
        <li key={index} className="flex gap-3 px-3 py-1.5">
          <span className="w-20 shrink-0 font-sans text-muted">
            {item.Untagged ? 'Untagged' : 'Deleted'}
          </span>
          <span className="min-w-0 break-all text-fg">{item.Untagged ?? item.Deleted}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Removes one name (a tag untags only that name; an id removes the image). The engine's answer
 * lists each untag and each deleted layer, shown as it says them.
 */
export function RemoveImageDialog({
  endpointId,
  name,
  label,
  onClose,
  onRemoved,
}: {
  endpointId: string;
  /** A tag or an id. */
  name: string;
  label: string;
  onClose: () => void;
  onRemoved?: (items: ImageDeleteItem[]) => void;
}) {
  const [force, setForce] = useState(false);
  const [noprune, setNoprune] = useState(false);
  const options = removeImageMutation(endpointId, name);
  const mutation = useMutation({
    ...options,
    // The refusal (image in use) stays in this dialog, as ConfirmDialog does.
    meta: { ...options.meta, toastOnError: false },
    onSuccess: (items) => onRemoved?.(items ?? []),
  });
  const done = mutation.isSuccess;
  return (
    <Dialog
      open
      onClose={onClose}
      busy={mutation.isPending}
      role="alertdialog"
      title={done ? `Removed ${label}` : `Remove ${label}?`}
      className="sm:max-w-lg"
      description={
        done
          ? 'The engine reported:'
          : 'Removing a tag untags it; removing the last tag or the id deletes the image and its unused layers. This cannot be undone.'
      }
    >
      {done ? (
        <>
          <DeleteResults items={mutation.data ?? []} />
          <div className="flex justify-end pt-4 pb-1">
            <Button variant="primary" onClick={onClose} data-autofocus>
              Close
            </Button>
          </div>
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate({ force, noprune });
          }}
        >
          <CheckboxField
            label="Force"
            hint="Remove even if stopped containers use it, and untag all its names."
            checked={force}
            onChange={(event) => setForce(event.target.checked)}
          />
          <CheckboxField
            label="Keep untagged parent layers (noprune)"
            checked={noprune}
            onChange={(event) => setNoprune(event.target.checked)}
          />
          {mutation.isError && (
            <InlineAlert className="mt-3" title="The engine refused">
              <span className="font-mono">{mutation.error.message}</span>
            </InlineAlert>
          )}
          <div className="flex justify-end gap-2 pt-5 pb-1">
            <Button onClick={onClose} disabled={mutation.isPending} data-autofocus>
              Cancel
            </Button>
            <Button
              type="submit"
              variant="danger"
              loading={mutation.isPending}
              icon={<Trash2 className="size-3.5" />}
            >
              Remove image
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
