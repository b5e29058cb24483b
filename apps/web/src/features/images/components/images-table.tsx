import { formatAgo, formatBytes, shortId } from '@berth/api';
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { DataTable } from '@/components/ui/data-table';
import type { DataColumn, DataTableInstance } from '@/components/ui/data-table';
import { cn } from '@/lib/cn';
import type { ImageRow } from '../api/image-rows';

const ROW_HEIGHT = 44;

export function useImageColumns({
  endpointId,
  now,
}: {
  endpointId: string;
  now: number;
}): DataColumn<ImageRow>[] {
  return useMemo<DataColumn<ImageRow>[]>(
    () => [
      {
        id: 'name',
        header: 'Repository:tag',
        accessorFn: (row) => row.label.toLowerCase(),
        size: 360,
        cell: ({ row: { original: row } }) => {
          const more = row.tags.length - 1;
          return (
            <span className="flex min-w-0 items-center gap-2">
              <Link
                to="/endpoints/$endpointId/images/$imageId"
                params={{ endpointId, imageId: row.id }}
                className={cn(
                  'truncate font-mono text-[12.5px] hover:underline',
                  row.dangling ? 'text-faint' : 'text-fg',
                )}
                title={row.tags.join('\n') || row.id}
              >
                {row.label}
              </Link>
              {more > 0 && (
                <span
                  className="shrink-0 rounded bg-subtle px-1.5 text-[11px] text-muted"
                  title={row.tags.slice(1).join('\n')}
                >
                  +{more} {more === 1 ? 'tag' : 'tags'}
                </span>
              )}
              {row.dangling && (
                <span className="shrink-0 rounded bg-amber-500/15 px-1.5 text-[11px] text-amber-800 dark:text-amber-300">
                  dangling
                </span>
              )}
            </span>
          );
        },
      },
      {
        id: 'id',
        header: 'ID',
        accessorFn: (row) => row.id,
        size: 130,
        enableSorting: false,
        meta: { className: 'font-mono text-[12px] text-muted' },
        cell: ({ row: { original: row } }) => <span title={row.id}>{shortId(row.id)}</span>,
      },
      {
        id: 'size',
        header: 'Size',
        accessorFn: (row) => row.size,
        size: 100,
        sortDescFirst: true,
        meta: { className: 'text-right text-muted tabular-nums' },
        cell: ({ row: { original: row } }) => formatBytes(row.size),
      },
      {
        id: 'shared',
        header: 'Shared',
        accessorFn: (row) => row.sharedSize,
        size: 100,
        sortDescFirst: true,
        meta: { className: 'text-right text-muted tabular-nums' },
        cell: ({ row: { original: row } }) => (row.sharedSize ? formatBytes(row.sharedSize) : '—'),
      },
      {
        id: 'containers',
        header: 'Containers',
        accessorFn: (row) => row.containers ?? -1,
        size: 110,
        sortDescFirst: true,
        meta: { className: 'text-right text-muted tabular-nums' },
        cell: ({ row: { original: row } }) => row.containers ?? '—',
      },
      {
        id: 'created',
        header: 'Created',
        accessorFn: (row) => row.created,
        size: 140,
        sortDescFirst: true,
        meta: { className: 'text-muted' },
        cell: ({ row: { original: row } }) => {
          const created = new Date(row.created * 1000);
          return (
            <time dateTime={created.toISOString()} title={created.toLocaleString()}>
              {formatAgo(created.getTime(), now)}
            </time>
          );
        },
      },
    ],
    [endpointId, now],
  );
}

/** The images list: virtualised rows, selectable for save as tar. */
export function ImagesTable({
  table,
  viewKey,
}: {
  table: DataTableInstance<ImageRow>;
  viewKey?: string;
}) {
  return (
    <DataTable
      table={table}
      label="Images"
      rowName={(row) => row.label}
      rowHeight={ROW_HEIGHT}
      resetScrollKey={viewKey}
    />
  );
}
