import { formatAgo, formatBytes, volumeCreatedMs } from '@berth/api';
import type { Volume } from '@berth/api';
import { Eye, Trash2 } from 'lucide-react';
import { useMemo } from 'react';
import { IconButton } from '@/components/ui/button';
import type { DataColumn } from '@/components/ui/data-table';

/** A volume with what the list adds: its size and who mounts it. */
export type VolumeRow = Volume & { size: number | null; refCount: number | null; usedBy: string[] };

export function useVolumeColumns({
  canRemove,
  onInspect,
  onRemove,
}: {
  canRemove: boolean;
  onInspect: (row: VolumeRow) => void;
  onRemove: (row: VolumeRow) => void;
}): DataColumn<VolumeRow>[] {
  return useMemo<DataColumn<VolumeRow>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        accessorFn: (volume) => volume.Name,
        size: 320,
        meta: { searchable: true },
        cell: ({ row }) => (
          <span
            className="block truncate font-mono text-[12.5px] text-fg"
            title={row.original.Name}
          >
            {row.original.Name}
          </span>
        ),
      },
      {
        id: 'driver',
        header: 'Driver',
        accessorFn: (volume) => volume.Driver,
        size: 110,
        meta: { searchable: true },
        cell: ({ row }) => (
          <span className="font-mono text-[12.5px] text-muted">{row.original.Driver}</span>
        ),
      },
      {
        id: 'size',
        header: 'Size',
        accessorFn: (volume) => volume.size ?? -1,
        size: 100,
        sortDescFirst: true,
        meta: { className: 'text-right tabular-nums' },
        cell: ({ row }) => (
          <span className="text-muted">
            {row.original.size === null ? '—' : formatBytes(row.original.size)}
          </span>
        ),
      },
      {
        id: 'containers',
        header: 'Containers',
        accessorFn: (volume) => volume.refCount ?? volume.usedBy.length,
        size: 110,
        sortDescFirst: true,
        meta: { className: 'text-right tabular-nums' },
        cell: ({ getValue }) => <span className="text-muted">{String(getValue())}</span>,
      },
      {
        id: 'usedBy',
        header: 'Mounted by',
        accessorFn: (volume) => volume.usedBy.join(', '),
        size: 220,
        meta: { searchable: true },
        cell: ({ row }) =>
          row.original.usedBy.length ? (
            <span
              className="block truncate text-[12.5px] text-fg"
              title={row.original.usedBy.join(', ')}
            >
              {row.original.usedBy.join(', ')}
            </span>
          ) : (
            <span className="text-faint">unused</span>
          ),
      },
      {
        id: 'created',
        header: 'Created',
        // pouchd writes `2026-11-23 17:27:56` (no zone), Docker RFC 3339: the adapter reads both.
        accessorFn: (volume) => volumeCreatedMs(volume.CreatedAt) ?? 0,
        size: 120,
        sortDescFirst: true,
        cell: ({ row, getValue }) => {
          const ms = Number(getValue());
          return ms > 0 ? (
            <time
              className="text-muted"
              dateTime={row.original.CreatedAt}
              title={new Date(ms).toLocaleString()}
            >
              {formatAgo(ms)}
            </time>
          ) : (
            <span className="text-faint">—</span>
          );
        },
      },
      {
        id: 'actions',
        header: '',
        size: 84,
        enableSorting: false,
        enableHiding: false,
        enableResizing: false,
        meta: { label: 'Actions', className: 'text-right' },
        cell: ({ row }) => (
          <span className="inline-flex gap-1">
            <IconButton
              aria-label={`Inspect ${row.original.Name}`}
              size="sm"
              onClick={() => onInspect(row.original)}
            >
              <Eye className="size-3.5" />
            </IconButton>
            {canRemove && (
              <IconButton
                aria-label={`Remove ${row.original.Name}`}
                size="sm"
                onClick={() => onRemove(row.original)}
              >
                <Trash2 className="size-3.5" />
              </IconButton>
            )}
          </span>
        ),
      },
    ],
    [canRemove, onInspect, onRemove],
  );
}
