import { formatAgo, shortId } from '@berth/api';
import type { Network } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Network as NetworkIcon } from 'lucide-react';
import { useMemo, useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { ListPage } from '@/components/ui/list-page';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { networksQueryOptions } from '@/lib/queries';

const columns: Column<Network>[] = [
  {
    key: 'name',
    header: 'Name',
    cell: (network) => <span className="font-medium text-fg">{network.Name}</span>,
  },
  {
    key: 'id',
    header: 'ID',
    cell: (network) => (
      <span className="font-mono text-[12px] text-muted" title={network.Id}>
        {shortId(network.Id)}
      </span>
    ),
  },
  {
    key: 'driver',
    header: 'Driver',
    cell: (network) => <span className="font-mono text-[12.5px] text-muted">{network.Driver}</span>,
  },
  {
    key: 'scope',
    header: 'Scope',
    cell: (network) => <span className="text-muted">{network.Scope}</span>,
  },
  {
    key: 'subnet',
    header: 'Subnet',
    cell: (network) => {
      const subnets = (network.IPAM?.Config ?? []).map((c) => c.Subnet).filter(Boolean);
      return (
        <span className="font-mono text-[12.5px] text-muted">
          {subnets.length ? subnets.join(', ') : '—'}
        </span>
      );
    },
  },
  {
    key: 'created',
    header: 'Created',
    cell: (network) => {
      const created = new Date(network.Created);
      return Number.isNaN(created.getTime()) ? (
        <span className="text-faint">—</span>
      ) : (
        <time className="text-muted" dateTime={network.Created} title={created.toLocaleString()}>
          {formatAgo(created.getTime())}
        </time>
      );
    },
  },
];

export function NetworksRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Networks');
  const query = useQuery(networksQueryOptions(endpointId));
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (query.data ?? [])
      .filter(
        (network) =>
          !needle ||
          network.Name.toLowerCase().includes(needle) ||
          network.Id.startsWith(needle) ||
          network.Driver.includes(needle),
      )
      .sort((a, b) => a.Name.localeCompare(b.Name));
  }, [query.data, filter]);

  return (
    <ListPage
      title="Networks"
      noun="networks"
      query={query}
      filter={filter}
      onFilter={setFilter}
      visibleCount={rows.length}
      empty={
        <EmptyState icon={<NetworkIcon className="size-8" aria-hidden />} title="No networks">
          Create one with <code className="font-mono">docker network create</code>.
        </EmptyState>
      }
    >
      <SimpleTable
        label="Networks"
        columns={columns}
        rows={rows}
        rowKey={(network) => network.Id}
      />
    </ListPage>
  );
}
