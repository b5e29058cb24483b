import { formatAgo, shortId } from '@berth/api';
import type { Network } from '@berth/api';
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { DataColumn } from '@/components/ui/data-table';

/** A network with how many containers are attached to it. */
export type NetworkRow = Network & { containerCount: number };

const subnets = (network: Network) =>
  (network.IPAM?.Config ?? []).map((config) => config.Subnet).filter(Boolean);

const flags = (network: Network) =>
  [network.Internal && 'internal', network.Attachable && 'attachable', network.EnableIPv6 && 'IPv6']
    .filter(Boolean)
    .join(', ');

export function useNetworkColumns(endpointId: string): DataColumn<NetworkRow>[] {
  return useMemo<DataColumn<NetworkRow>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        accessorFn: (network) => network.Name,
        size: 220,
        meta: { searchable: true },
        cell: ({ row: { original: network } }) => (
          <Link
            to="/endpoints/$endpointId/networks/$networkId"
            params={{ endpointId, networkId: network.Id }}
            className="block truncate font-medium text-fg hover:text-accent-text hover:underline"
          >
            {network.Name}
          </Link>
        ),
      },
      {
        id: 'id',
        header: 'ID',
        accessorFn: (network) => network.Id,
        size: 130,
        enableSorting: false,
        meta: { searchable: true, className: 'font-mono text-[12px] text-muted' },
        cell: ({ row: { original: network } }) => (
          <span title={network.Id}>{shortId(network.Id)}</span>
        ),
      },
      {
        id: 'driver',
        header: 'Driver',
        accessorFn: (network) => network.Driver,
        size: 110,
        meta: { searchable: true, className: 'font-mono text-[12.5px] text-muted' },
      },
      {
        id: 'scope',
        header: 'Scope',
        accessorFn: (network) => network.Scope,
        size: 90,
        meta: { className: 'text-muted' },
      },
      {
        id: 'subnet',
        header: 'Subnet',
        accessorFn: (network) => subnets(network).join(', '),
        size: 170,
        meta: { searchable: true, className: 'font-mono text-[12.5px] text-muted' },
        cell: ({ getValue }) => String(getValue()) || '—',
      },
      {
        id: 'containers',
        header: 'Containers',
        accessorFn: (network) => network.containerCount,
        size: 110,
        sortDescFirst: true,
        meta: { className: 'text-right text-muted tabular-nums' },
      },
      {
        id: 'flags',
        header: 'Flags',
        accessorFn: flags,
        size: 150,
        meta: { className: 'text-[12px] text-muted' },
        cell: ({ getValue }) => String(getValue()) || '—',
      },
      {
        id: 'created',
        header: 'Created',
        accessorFn: (network) => {
          const ms = new Date(network.Created).getTime();
          return Number.isNaN(ms) ? 0 : ms;
        },
        size: 130,
        sortDescFirst: true,
        cell: ({ row: { original: network }, getValue }) => {
          const ms = Number(getValue());
          return ms === 0 ? (
            <span className="text-faint">—</span>
          ) : (
            <time
              className="text-muted"
              dateTime={network.Created}
              title={new Date(ms).toLocaleString()}
            >
              {formatAgo(ms)}
            </time>
          );
        },
      },
    ],
    [endpointId],
  );
}
