import { formatAgo, formatBytes } from '@berth/api';
import type { ImageHistoryItem } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { DataTable, useDataTable } from '@/components/ui/data-table';
import type { DataColumn } from '@/components/ui/data-table';
import { ErrorState } from '@/components/ui/error-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { imageHistoryQueryOptions } from '../api/images-api';

/** A history entry with its place in the list (ids repeat: `<missing>` for every base layer). */
type LayerRow = ImageHistoryItem & { index: number; step: string };

/** What a step ran, without the `#(nop)` prefix of metadata steps. */
const stepOf = (layer: ImageHistoryItem) =>
  layer.CreatedBy.replace(/^\/bin\/sh -c #\(nop\)\s+/, '') || '—';

export function useLayerColumns(): DataColumn<LayerRow>[] {
  return useMemo<DataColumn<LayerRow>[]>(
    () => [
      {
        id: 'created',
        header: 'Created',
        accessorFn: (layer) => layer.Created,
        size: 130,
        sortDescFirst: true,
        cell: ({ row }) => (
          <span className="text-muted">
            {row.original.Created ? formatAgo(row.original.Created * 1000) : '—'}
          </span>
        ),
      },
      {
        id: 'createdBy',
        header: 'Created by',
        accessorFn: (layer) => layer.step,
        size: 620,
        meta: { searchable: true },
        cell: ({ row }) => (
          <span
            className="block truncate font-mono text-[12px] text-fg"
            title={[row.original.step, row.original.Comment].filter(Boolean).join('\n')}
          >
            {row.original.step}
            {row.original.Comment && (
              <span className="ml-2 font-sans text-muted">{row.original.Comment}</span>
            )}
          </span>
        ),
      },
      {
        id: 'size',
        header: 'Size',
        accessorFn: (layer) => layer.Size,
        size: 100,
        sortDescFirst: true,
        meta: { className: 'text-right tabular-nums' },
        cell: ({ row }) => <span className="text-muted">{formatBytes(row.original.Size)}</span>,
      },
    ],
    [],
  );
}

/** The image's Layers tab: its history, newest step first as the engine lists it. */
export function ImageLayers({ endpointId, imageId }: { endpointId: string; imageId: string }) {
  const query = useQuery(imageHistoryQueryOptions(endpointId, imageId));
  const rows = useMemo<LayerRow[]>(
    () => (query.data ?? []).map((layer, index) => ({ ...layer, index, step: stepOf(layer) })),
    [query.data],
  );
  const columns = useLayerColumns();
  const table = useDataTable({
    id: 'image-layers',
    columns,
    data: rows,
    getRowId: (layer) => String(layer.index),
  });
  if (query.isPending) return <SkeletonRows rows={6} label="Loading layers" />;
  if (query.isError)
    return (
      <ErrorState
        title="Could not read the history"
        message={query.error.message}
        onRetry={() => void query.refetch()}
      />
    );
  return <DataTable table={table} label="Layers" rowName={(layer) => layer.step} />;
}
