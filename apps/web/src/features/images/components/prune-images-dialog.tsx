import { formatBytes, shortId } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { InlineAlert } from '@/components/ui/inline-alert';
import { pruneImagesMutation } from '../api/images-api';
import type { ImageRow } from '../api/image-rows';
import { DeleteResults } from './remove-image-dialog';

/**
 * What `POST /images/prune` would remove: dangling images nobody uses, or with "all" every image
 * no container uses. Space is the images' own size less what they share with images that stay.
 */
export function prunePreview(rows: ImageRow[], all: boolean) {
  const going = rows.filter(
    (row) => (row.containers ?? 0) === 0 && (all || row.dangling) && row.containers !== null,
  );
  const space = going.reduce((sum, row) => sum + Math.max(0, row.size - row.sharedSize), 0);
  return { going, space };
}

export function PruneImagesDialog({
  endpointId,
  rows,
  onClose,
}: {
  endpointId: string;
  rows: ImageRow[];
  onClose: () => void;
}) {
  const [all, setAll] = useState(false);
  const preview = useMemo(() => prunePreview(rows, all), [rows, all]);
  const options = pruneImagesMutation(endpointId);
  // The refusal stays in this dialog, as ConfirmDialog does.
  const mutation = useMutation({ ...options, meta: { ...options.meta, toastOnError: false } });
  const result = mutation.data;
  return (
    <Dialog
      open
      onClose={onClose}
      busy={mutation.isPending}
      role="alertdialog"
      className="sm:max-w-xl"
      title={result ? 'Images pruned' : 'Prune images'}
      description={
        result
          ? `Reclaimed ${formatBytes(result.SpaceReclaimed)}.`
          : 'Removes images no container uses. This cannot be undone.'
      }
    >
      {result ? (
        <>
          <DeleteResults items={result.ImagesDeleted ?? []} />
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
            mutation.mutate(all);
          }}
          className="flex flex-col gap-3"
        >
          <CheckboxField
            label="All unused images, not only dangling ones"
            checked={all}
            onChange={(event) => setAll(event.target.checked)}
          />
          <p className="text-[13px] text-fg">
            {preview.going.length === 0
              ? 'Nothing to prune.'
              : `${preview.going.length} ${preview.going.length === 1 ? 'image' : 'images'} would go, about ${formatBytes(preview.space)} reclaimed.`}
          </p>
          {preview.going.length > 0 && (
            <ul
              aria-label="Images that would be removed"
              className="max-h-52 divide-y divide-line overflow-auto rounded-md border border-line text-[12px]"
            >
              {preview.going.map((row) => (
                <li key={row.id} className="flex justify-between gap-3 px-3 py-1.5">
                  <span className="truncate font-mono text-fg">
                    {row.dangling ? shortId(row.id) : row.tags.join(', ')}
                  </span>
                  <span className="shrink-0 text-muted tabular-nums">{formatBytes(row.size)}</span>
                </li>
              ))}
            </ul>
          )}
          {mutation.isError && (
            <InlineAlert title="The engine refused">{mutation.error.message}</InlineAlert>
          )}
          <div className="flex justify-end gap-2 pt-2 pb-1">
            <Button onClick={onClose} disabled={mutation.isPending} data-autofocus>
              Cancel
            </Button>
            <Button
              type="submit"
              variant="danger"
              loading={mutation.isPending}
              disabled={preview.going.length === 0}
              icon={<Trash2 className="size-3.5" />}
            >
              Prune images
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
