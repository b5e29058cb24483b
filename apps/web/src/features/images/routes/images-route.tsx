import { formatAgo, formatBytes, shortId } from '@berth/api';
import type { ImageSummary } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Layers } from 'lucide-react';
import { useMemo, useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { ListPage } from '@/components/ui/list-page';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { imagesQueryOptions } from '@/lib/queries';

function tagsOf(image: ImageSummary): string[] {
  const tags = (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>');
  if (tags.length) return tags;
  const digest = image.RepoDigests?.[0];
  return [digest ? `${digest.split('@')[0]}@<none>` : '<none>'];
}

const columns: Column<ImageSummary>[] = [
  {
    key: 'tags',
    header: 'Repository:tag',
    cell: (image) => (
      <div className="flex flex-col font-mono text-[12.5px]">
        {tagsOf(image).map((tag) => (
          <span key={tag} className={tag.startsWith('<none>') ? 'text-faint' : 'text-fg'}>
            {tag}
          </span>
        ))}
      </div>
    ),
  },
  {
    key: 'id',
    header: 'ID',
    cell: (image) => (
      <span className="font-mono text-[12px] text-muted" title={image.Id}>
        {shortId(image.Id)}
      </span>
    ),
  },
  {
    key: 'size',
    header: 'Size',
    className: 'text-right tabular-nums',
    cell: (image) => <span className="text-muted">{formatBytes(image.Size)}</span>,
  },
  {
    key: 'containers',
    header: 'Containers',
    className: 'text-right tabular-nums',
    cell: (image) => (
      <span className="text-muted">{image.Containers >= 0 ? image.Containers : '—'}</span>
    ),
  },
  {
    key: 'created',
    header: 'Created',
    cell: (image) => (
      <time
        className="text-muted"
        dateTime={new Date(image.Created * 1000).toISOString()}
        title={new Date(image.Created * 1000).toLocaleString()}
      >
        {formatAgo(image.Created * 1000)}
      </time>
    ),
  },
];

export function ImagesRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Images');
  const query = useQuery(imagesQueryOptions(endpointId));
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (query.data ?? [])
      .filter(
        (image) =>
          !needle ||
          shortId(image.Id).startsWith(needle) ||
          tagsOf(image).some((tag) => tag.toLowerCase().includes(needle)),
      )
      .sort((a, b) => b.Created - a.Created);
  }, [query.data, filter]);

  return (
    <ListPage
      title="Images"
      noun="images"
      query={query}
      filter={filter}
      onFilter={setFilter}
      visibleCount={rows.length}
      empty={
        <EmptyState icon={<Layers className="size-8" aria-hidden />} title="No images">
          Pull one with <code className="font-mono">docker pull</code> or import a root filesystem
          with <code className="font-mono">docker import</code>.
        </EmptyState>
      }
    >
      <SimpleTable label="Images" columns={columns} rows={rows} rowKey={(image) => image.Id} />
    </ListPage>
  );
}
