import { useNavigate } from '@tanstack/react-router';
import { Network as NetworkIcon, Plus, Scissors } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CapabilityNote } from '@/components/ui/capability-note';
import { EmptyState } from '@/components/ui/empty-state';
import { ListPage } from '@/components/ui/list-page';
import { DataTable, useDataTable } from '@/components/ui/data-table';
import { useCapabilities } from '@/hooks/use-capabilities';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useEnginePermission } from '@/hooks/use-me';
import { useContainerSummaries } from '@/lib/container-summaries-query';
import { useNetworkList } from '@/lib/model-lists';
import { BUILTIN_NETWORKS } from '../api/networks-api';
import { CreateNetworkDialog } from '../components/create-network-dialog';
import { useNetworkColumns } from '../components/network-columns';
import type { NetworkRow } from '../components/network-columns';
import { PruneNetworksDialog } from '../components/network-dialogs';

export function NetworksRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Networks');
  const navigate = useNavigate();
  const query = useNetworkList(endpointId);
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

  const rows = useMemo(
    () =>
      (query.data ?? []).map((network) => ({
        ...network,
        containerCount: counts.get(network.Id) ?? 0,
      })),
    [query.data, counts],
  );
  const columns = useNetworkColumns(endpointId);
  const table = useDataTable({
    id: 'networks',
    columns,
    data: rows,
    getRowId: (network) => network.Id,
    globalFilter: filter,
    defaultSorting: [{ id: 'name', desc: false }],
  });
  const open = (network: NetworkRow) =>
    void navigate({
      to: '/endpoints/$endpointId/networks/$networkId',
      params: { endpointId, networkId: network.Id },
    });

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
        table={table}
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
        <DataTable
          table={table}
          label="Networks"
          rowName={(network) => network.Name}
          onRowOpen={open}
          resetScrollKey={filter}
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
