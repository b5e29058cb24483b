import { formatBytes, shortId } from '@berth/api';
import { Trash2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { CheckboxField } from '@/components/ui/checkbox';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { imagesChanged, pruneImages } from '../api/images-api';
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
  return (
    <ConfirmDialog
      title="Prune images"
      description="Removes images no container uses. This cannot be undone."
      confirm="Prune images"
      confirmIcon={<Trash2 className="size-3.5" />}
      canConfirm={preview.going.length > 0}
      className="sm:max-w-xl"
      action={() => pruneImages(endpointId, all)}
      invalidates={imagesChanged(endpointId)}
      errorTitle="The engine refused"
      onClose={onClose}
      result={{
        title: () => 'Images pruned',
        description: (result) => `Reclaimed ${formatBytes(result.SpaceReclaimed)}.`,
        body: (result) => <DeleteResults items={result.ImagesDeleted ?? []} />,
      }}
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
    </ConfirmDialog>
  );
}
