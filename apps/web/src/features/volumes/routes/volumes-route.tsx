import { formatAgo, formatBytes } from '@berth/api';
import type { Volume } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { HardDrive } from 'lucide-react';
import { useMemo, useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { ListPage } from '@/components/ui/list-page';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { volumesQueryOptions } from '@/lib/queries';

const columns: Column<Volume>[] = [
  {
    key: 'name',
    header: 'Name',
    cell: (volume) => (
      <span
        className="block max-w-[28rem] truncate font-mono text-[12.5px] text-fg"
        title={volume.Name}
      >
        {volume.Name}
      </span>
    ),
  },
  {
    key: 'driver',
    header: 'Driver',
    cell: (volume) => <span className="font-mono text-[12.5px] text-muted">{volume.Driver}</span>,
  },
  {
    key: 'mountpoint',
    header: 'Mount point',
    cell: (volume) => (
      <span
        className="block max-w-[26rem] truncate font-mono text-[12px] text-muted"
        title={volume.Mountpoint}
      >
        {volume.Mountpoint}
      </span>
    ),
  },
  {
    key: 'size',
    header: 'Size',
    className: 'text-right tabular-nums',
    cell: (volume) => (
      <span className="text-muted">
        {volume.UsageData && volume.UsageData.Size >= 0 ? formatBytes(volume.UsageData.Size) : '—'}
      </span>
    ),
  },
  {
    key: 'created',
    header: 'Created',
    cell: (volume) => {
      const created = volume.CreatedAt ? new Date(volume.CreatedAt) : null;
      return created && !Number.isNaN(created.getTime()) ? (
        <time className="text-muted" dateTime={volume.CreatedAt} title={created.toLocaleString()}>
          {formatAgo(created.getTime())}
        </time>
      ) : (
        <span className="text-faint">—</span>
      );
    },
  },
];

export function VolumesRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Volumes');
  const query = useQuery({
    ...volumesQueryOptions(endpointId),
    select: (data) => data.Volumes ?? [],
  });
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (query.data ?? [])
      .filter((volume) => !needle || volume.Name.toLowerCase().includes(needle))
      .sort((a, b) => (b.CreatedAt ?? '').localeCompare(a.CreatedAt ?? ''));
  }, [query.data, filter]);

  return (
    <ListPage
      title="Volumes"
      noun="volumes"
      query={query}
      filter={filter}
      onFilter={setFilter}
      visibleCount={rows.length}
      empty={
        <EmptyState icon={<HardDrive className="size-8" aria-hidden />} title="No volumes">
          Create one with <code className="font-mono">docker volume create</code>, or run a
          container with <code className="font-mono">-v name:/path</code>.
        </EmptyState>
      }
    >
      <SimpleTable label="Volumes" columns={columns} rows={rows} rowKey={(volume) => volume.Name} />
    </ListPage>
  );
}
