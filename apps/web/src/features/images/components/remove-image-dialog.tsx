import type { ImageDeleteItem } from '@berth/api';
import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { CheckboxField } from '@/components/ui/checkbox';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { imagesChanged, removeImage } from '../api/images-api';

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
  return (
    <ConfirmDialog
      title={`Remove ${label}?`}
      description="Removing a tag untags it; removing the last tag or the id deletes the image and its unused layers. This cannot be undone."
      confirm="Remove image"
      confirmIcon={<Trash2 className="size-3.5" />}
      className="sm:max-w-lg"
      action={async () => (await removeImage(endpointId, name, { force, noprune })) ?? []}
      invalidates={imagesChanged(endpointId)}
      errorTitle="The engine refused"
      onClose={onClose}
      onDone={onRemoved}
      result={{
        title: () => `Removed ${label}`,
        description: () => 'The engine reported:',
        body: (items) => <DeleteResults items={items} />,
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
    </ConfirmDialog>
  );
}
