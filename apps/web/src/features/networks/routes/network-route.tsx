import { containerName, endpointKeys, isEngineError, shortId } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { ChevronRight, Link2, Trash2, Unplug } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { InlineAlert } from '@/components/ui/inline-alert';
import { JsonView } from '@/components/ui/json-view';
import { Panel } from '@/components/ui/panel';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEnginePermission } from '@/hooks/use-me';
import { BUILTIN_NETWORKS, disconnectContainer, networkQueryOptions } from '../api/networks-api';
import { ConnectContainerDialog, RemoveNetworkDialog } from '../components/network-dialogs';

const route = getRouteApi('/_app/endpoints/$endpointId/networks/$networkId');

export function NetworkRoute() {
  const { endpointId, networkId } = route.useParams();
  const navigate = useNavigate();
  const query = useQuery(networkQueryOptions(endpointId, networkId));
  const can = useEnginePermission();
  const [dialog, setDialog] = useState<'connect' | 'remove' | null>(null);
  const name = query.data?.Name ?? shortId(networkId);
  useDocumentTitle(name);
  const disconnect = useMutation({
    mutationFn: (container: string) => disconnectContainer(endpointId, networkId, container, false),
    meta: {
      toastOnError: false,
      invalidates: [endpointKeys.networks(endpointId), endpointKeys.containers(endpointId)],
    },
  });
  const attached = Object.entries(query.data?.Containers ?? {});
  const builtin = BUILTIN_NETWORKS.has(name);
  const canChange = can('POST', `/networks/${networkId}/connect`).allowed;
  const mono = 'font-mono text-[12.5px] text-muted';
  const columns: Column<(typeof attached)[number]>[] = [
    {
      key: 'container',
      header: 'Container',
      cell: ([id, c]) => (
        <Link
          to="/endpoints/$endpointId/containers/$containerId"
          params={{ endpointId, containerId: id }}
          className="text-fg hover:text-accent-text hover:underline"
        >
          {containerName([c.Name], id)}
        </Link>
      ),
    },
    { key: 'ipv4', header: 'IPv4', cellClassName: mono, cell: ([, c]) => c.IPv4Address || '—' },
    { key: 'ipv6', header: 'IPv6', cellClassName: mono, cell: ([, c]) => c.IPv6Address || '—' },
    {
      key: 'actions',
      header: 'Actions',
      hideHeader: true,
      className: 'text-right',
      cell: ([id, c]) =>
        canChange && (
          <Button
            size="sm"
            variant="ghost"
            icon={<Unplug className="size-3.5" aria-hidden />}
            aria-label={`Disconnect ${containerName([c.Name], id)}`}
            loading={disconnect.isPending && disconnect.variables === id}
            onClick={() => disconnect.mutate(id)}
          >
            Disconnect
          </Button>
        ),
    },
  ];

  return (
    <div className="h-full overflow-auto">
      <div className="border-b border-line px-6 pt-4 pb-4">
        <nav
          aria-label="Breadcrumb"
          className="mb-2 flex items-center gap-1 text-[12.5px] text-muted"
        >
          <Link
            to="/endpoints/$endpointId/networks"
            params={{ endpointId }}
            className="hover:text-fg hover:underline"
          >
            Networks
          </Link>
          <ChevronRight className="size-3" aria-hidden />
          <span aria-current="page" className="text-fg">
            {name}
          </span>
        </nav>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-[17px] font-semibold text-fg">{name}</h1>
          {query.data && (
            <div className="flex gap-2">
              {canChange && (
                <Button
                  size="sm"
                  icon={<Link2 className="size-3.5" aria-hidden />}
                  onClick={() => setDialog('connect')}
                >
                  Connect container
                </Button>
              )}
              {!builtin && can('DELETE', `/networks/${networkId}`).allowed && (
                <Button
                  size="sm"
                  variant="danger"
                  icon={<Trash2 className="size-3.5" aria-hidden />}
                  onClick={() => setDialog('remove')}
                >
                  Remove
                </Button>
              )}
            </div>
          )}
        </div>
      </div>
      {query.isPending ? (
        <SkeletonRows rows={8} label="Loading network" />
      ) : query.isError ? (
        <ErrorState
          title={
            isEngineError(query.error) && query.error.status === 404
              ? 'No such network'
              : 'Could not inspect the network'
          }
          message={query.error.message}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <div className="flex flex-col gap-4 p-6">
          <dl className="grid grid-cols-[repeat(auto-fit,minmax(10rem,1fr))] gap-3 text-[13px]">
            {[
              ['Driver', query.data.Driver],
              ['Scope', query.data.Scope],
              [
                'Subnets',
                (query.data.IPAM?.Config ?? [])
                  .map((c) => c.Subnet)
                  .filter(Boolean)
                  .join(', ') || '—',
              ],
              [
                'Gateways',
                (query.data.IPAM?.Config ?? [])
                  .map((c) => c.Gateway)
                  .filter(Boolean)
                  .join(', ') || '—',
              ],
              ['Internal', query.data.Internal ? 'yes' : 'no'],
              ['Attachable', query.data.Attachable ? 'yes' : 'no'],
              ['IPv6', query.data.EnableIPv6 ? 'yes' : 'no'],
            ].map(([label, value]) => (
              <div key={label} className="rounded-md border border-line bg-panel px-3 py-2">
                <dt className="text-[12px] text-muted">{label}</dt>
                <dd className="font-mono text-fg">{value}</dd>
              </div>
            ))}
          </dl>
          {disconnect.isError && (
            <InlineAlert title="The engine refused to disconnect">
              {disconnect.error.message}
            </InlineAlert>
          )}
          <Panel title="Connected containers" id="network-containers">
            {attached.length === 0 ? (
              <EmptyState title="No containers on this network">
                {canChange ? 'Attach one with “Connect container”.' : null}
              </EmptyState>
            ) : (
              <SimpleTable
                label="Connected containers"
                density="compact"
                columns={columns}
                rows={attached}
                rowKey={([id]) => id}
              />
            )}
          </Panel>
          <Panel title="Inspect" id="network-inspect">
            <JsonView text={JSON.stringify(query.data, null, 2)} label="Network inspect" />
          </Panel>
        </div>
      )}
      {dialog === 'connect' && query.data && (
        <ConnectContainerDialog
          endpointId={endpointId}
          networkId={networkId}
          networkName={name}
          connected={new Set(attached.map(([id]) => id))}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'remove' && (
        <RemoveNetworkDialog
          endpointId={endpointId}
          network={{ id: networkId, name }}
          onClose={() => setDialog(null)}
          onRemoved={() =>
            void navigate({ to: '/endpoints/$endpointId/networks', params: { endpointId } })
          }
        />
      )}
    </div>
  );
}
