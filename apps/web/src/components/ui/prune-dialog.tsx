import { formatBytes } from '@berth/api';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';
import { InlineAlert } from './inline-alert';

/**
 * Asks before a prune, listing exactly what the engine would remove (the preview), then shows
 * what it did remove. Options (e.g. "named volumes too") go between the question and the list.
 */
export function PruneDialog({
  noun,
  preview,
  previewText,
  emptyText,
  options,
  mutation,
  deleted,
  reclaimedBytes,
  onClose,
}: {
  /** Singular, lower case: "network", "volume". */
  noun: string;
  preview: string[];
  previewText: string;
  emptyText: string;
  options?: ReactNode;
  mutation: Pick<
    UseMutationResult<unknown, Error, void>,
    'isPending' | 'isSuccess' | 'isError' | 'error' | 'mutate'
  >;
  deleted: string[];
  reclaimedBytes?: number;
  onClose: () => void;
}) {
  const plural = `${noun}s`;
  return (
    <Dialog
      open
      role="alertdialog"
      onClose={onClose}
      title={`Prune unused ${plural}?`}
      busy={mutation.isPending}
      footer={
        mutation.isSuccess ? (
          <Button onClick={onClose}>Close</Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button
              variant="danger"
              loading={mutation.isPending}
              disabled={preview.length === 0}
              onClick={() => mutation.mutate()}
            >
              Prune
            </Button>
          </>
        )
      }
    >
      {mutation.isSuccess ? (
        <div role="status" className="text-[13px]">
          <p className="text-fg">
            Removed {deleted.length} {deleted.length === 1 ? noun : plural}
            {reclaimedBytes === undefined ? '.' : `, ${formatBytes(reclaimedBytes)} reclaimed.`}
          </p>
          <ul
            aria-label={`Removed ${plural}`}
            className="mt-2 list-disc pl-5 font-mono text-[12.5px] text-muted"
          >
            {deleted.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="flex flex-col gap-2 text-[13px]">
          {options}
          {preview.length === 0 ? (
            <p className="text-muted">{emptyText}</p>
          ) : (
            <>
              <p className="text-muted">{previewText}</p>
              <ul
                aria-label={`${plural[0]?.toUpperCase()}${plural.slice(1)} to prune`}
                className="list-disc pl-5 font-mono text-[12.5px] text-fg"
              >
                {preview.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {mutation.isError && (
        <InlineAlert title="The engine refused">{mutation.error?.message}</InlineAlert>
      )}
    </Dialog>
  );
}
