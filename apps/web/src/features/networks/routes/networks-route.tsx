import { formatAgo, shortId } from '@berth/api';
import type { Network } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Network as NetworkIcon, Plus, Scissors } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CapabilityNote } from '@/components/ui/capability-note';
import { EmptyState } from '@/components/ui/empty-state';
import { ListPage } from '@/components/ui/list-page';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { useCapabilities } from '@/hooks/use-capabilities';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useEnginePermission } from '@/hooks/use-me';
import { useContainerSummaries } from '@/lib/container-summaries-query';
import { networksQueryOptions } from '@/lib/queries';
import { BUILTIN_NETWORKS } from '../api/networks-api';
import { CreateNetworkDialog } from '../components/create-network-dialog';
import { PruneNetworksDialog } from '../components/network-dialogs';

type Row = Network & { containerCount: number };

function columns(endpointId: string): Column<Row>[] {
  return [
    {
      key: 'name',
      header: 'Name',
      cell: (network) => (
        <Link
          to="/endpoints/$endpointId/networks/$networkId"
          params={{ endpointId, networkId: network.Id }}
          className="font-medium text-fg hover:text-accent-text hover:underline"
        >
          {network.Name}
        </Link>
      ),
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
      cell: (network) => (
        <span className="font-mono text-[12.5px] text-muted">{network.Driver}</span>
      ),
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
      key: 'containers',
      header: 'Containers',
      className: 'text-right tabular-nums',
      cell: (network) => <span className="text-muted">{network.containerCount}</span>,
    },
    {
      key: 'flags',
      header: 'Flags',
      cell: (network) => (
        <span className="text-[12px] text-muted">
          {[
            network.Internal && 'internal',
            network.Attachable && 'attachable',
            network.EnableIPv6 && 'IPv6',
          ]
            .filter(Boolean)
            .join(', ') || '—'}
        </span>
      ),
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
}

export function NetworksRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Networks');
  const navigate = useNavigate();
  const query = useQuery(networksQueryOptions(endpointId));
  const containers = useContainerSummaries(endpointId);
  const can = useEnginePermission();
  const engine = useCapabilities(endpointId);
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<'create' | 'prune' | null>(null);

  const counts = useMemo(() => {
    const out = new Map<string, number>();
    for (const container of containers.data ?? []) {
      for (const settings of Object.values(container.NetworkSettings?.Networks ?? {})) {
        if (settings.NetworkID) out.set(settings.NetworkID, (out.get(settings.NetworkID) ?? 0) + 1);
      }
    }
    return out;
  }, [containers.data]);

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
      .map((network) => ({ ...network, containerCount: counts.get(network.Id) ?? 0 }))
      .sort((a, b) => a.Name.localeCompare(b.Name));
  }, [query.data, filter, counts]);

  const unused = useMemo(
    () =>
      (query.data ?? [])
        .filter((n) => !BUILTIN_NETWORKS.has(n.Name) && !counts.get(n.Id))
        .map((n) => n.Name)
        .sort(),
    [query.data, counts],
  );

  return (
    <>
      <ListPage
        title="Networks"
        noun="networks"
        query={query}
        filter={filter}
        onFilter={setFilter}
        visibleCount={rows.length}
        actions={
          <>
            {can('POST', '/networks/prune').allowed && !engine.has('prune') && (
              <CapabilityNote
                engineName={engine.engineName}
                missing={[['Prune', engine.reason('prune')]]}
              />
            )}
            {can('POST', '/networks/prune').allowed && engine.has('prune') && (
              <Button
                size="sm"
                icon={<Scissors className="size-3.5" aria-hidden />}
                disabled={!containers.data}
                onClick={() => setDialog('prune')}
              >
                Prune networks
              </Button>
            )}
            {can('POST', '/networks/create').allowed && (
              <Button
                size="sm"
                variant="primary"
                icon={<Plus className="size-3.5" aria-hidden />}
                onClick={() => setDialog('create')}
              >
                Create network
              </Button>
            )}
          </>
        }
        empty={
          <EmptyState icon={<NetworkIcon className="size-8" aria-hidden />} title="No networks">
            Create one with “Create network”.
          </EmptyState>
        }
      >
        <SimpleTable
          label="Networks"
          columns={columns(endpointId)}
          rows={rows}
          rowKey={(network) => network.Id}
        />
      </ListPage>
      {dialog === 'create' && (
        <CreateNetworkDialog
          endpointId={endpointId}
          onClose={() => setDialog(null)}
          onCreated={(networkId) =>
            void navigate({
              to: '/endpoints/$endpointId/networks/$networkId',
              params: { endpointId, networkId },
            })
          }
        />
      )}
      {dialog === 'prune' && (
        <PruneNetworksDialog
          endpointId={endpointId}
          unused={unused}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
