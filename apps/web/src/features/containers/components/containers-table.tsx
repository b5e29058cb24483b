import { formatAgo } from '@berth/api';
import type { ContainerRow, PublishedPort } from '@berth/api';
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { LiveStatCell } from '@/components/stats/live-stat-cell';
import { DataTable } from '@/components/ui/data-table';
import type { DataColumn, DataTableInstance } from '@/components/ui/data-table';
import { collator, compareRows } from './filter-sort';
import type { SortKey } from './filter-sort';
import { HealthBadge, StateBadge } from './state-badge';

export const ROW_HEIGHT = 44;

/** Sorts by one of the list's keys, ties by name, so the order is stable across updates. */
const sortBy =
  (key: SortKey) =>
  (a: { original: ContainerRow }, b: { original: ContainerRow }): number =>
    compareRows(a.original, b.original, key) || collator.compare(a.original.name, b.original.name);

/**
 * The containers list's columns. Live CPU and memory are not sortable here (the Stats page sorts
 * by them); the rest sort by the URL's `sort` key.
 */
export function useContainerColumns({
  endpointId,
  hostname,
  now,
}: {
  endpointId: string;
  /** Host for published-port links: the machine the browser reached Berth on. */
  hostname: string;
  now: number;
}): DataColumn<ContainerRow>[] {
  return useMemo<DataColumn<ContainerRow>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        accessorFn: (row) => row.name,
        sortingFn: sortBy('name'),
        size: 240,
        cell: ({ row: { original: row } }) => (
          <span className="flex min-w-0 flex-col items-start leading-tight">
            <Link
              to="/endpoints/$endpointId/containers/$containerId"
              params={{ endpointId, containerId: row.id }}
              className="max-w-full truncate font-medium text-fg hover:text-accent-text hover:underline"
              title={row.name}
            >
              {row.name}
            </Link>
            <span className="font-mono text-[11px] text-faint">{row.shortId}</span>
          </span>
        ),
      },
      {
        id: 'image',
        header: 'Image',
        accessorFn: (row) => row.image,
        sortingFn: sortBy('image'),
        size: 190,
        cell: ({ row: { original: row } }) => (
          <span className="block truncate font-mono text-[12px] text-muted" title={row.image}>
            {row.image}
          </span>
        ),
      },
      {
        // State and health share a column: health is a compact mark, and nothing spills.
        id: 'state',
        header: 'State',
        accessorFn: (row) => row.state,
        sortingFn: sortBy('state'),
        size: 160,
        cell: ({ row: { original: row } }) => (
          <span className="flex min-w-0 items-center gap-1">
            <StateBadge state={row.state} className="min-w-0" />
            <HealthBadge health={row.health} compact />
          </span>
        ),
      },
      {
        id: 'status',
        header: 'Status',
        accessorFn: (row) => row.status,
        sortingFn: sortBy('status'),
        size: 160,
        cell: ({ row: { original: row } }) => (
          <span className="block truncate text-muted" title={row.status}>
            {row.status}
          </span>
        ),
      },
      {
        id: 'cpu',
        header: 'CPU',
        size: 128,
        enableSorting: false,
        cell: ({ row: { original: row } }) => (
          <LiveStatCell
            endpointId={endpointId}
            containerId={row.state === 'running' ? row.id : null}
            metric="cpu"
          />
        ),
      },
      {
        id: 'memory',
        header: 'Memory',
        size: 140,
        enableSorting: false,
        cell: ({ row: { original: row } }) => (
          <LiveStatCell
            endpointId={endpointId}
            containerId={row.state === 'running' ? row.id : null}
            metric="memory"
          />
        ),
      },
      {
        id: 'ports',
        header: 'Ports',
        accessorFn: (row) => row.ports[0]?.hostPort ?? row.ports[0]?.containerPort ?? null,
        sortingFn: sortBy('ports'),
        size: 150,
        cell: ({ row: { original: row } }) => <Ports ports={row.ports} hostname={hostname} />,
      },
      {
        id: 'ips',
        header: 'IP addresses',
        accessorFn: (row) => row.ips.join(', '),
        sortingFn: sortBy('ips'),
        size: 140,
        cell: ({ row: { original: row } }) => (
          <span
            className="block truncate font-mono text-[12px] text-muted"
            title={row.ips.join(', ')}
          >
            {row.ips.length ? row.ips.join(', ') : <span className="text-faint">—</span>}
          </span>
        ),
      },
      {
        id: 'created',
        header: 'Created',
        accessorFn: (row) => row.created,
        sortingFn: sortBy('created'),
        sortDescFirst: true,
        size: 120,
        cell: ({ row: { original: row } }) => {
          const created = new Date(row.created);
          return (
            <time
              dateTime={created.toISOString()}
              title={created.toLocaleString()}
              className="block truncate text-muted"
            >
              {formatAgo(row.created, now)}
            </time>
          );
        },
      },
    ],
    [endpointId, hostname, now],
  );
}

/** The containers list: thousands of rows stay smooth (virtualised); `data-state` per row. */
export function ContainersTable({
  table,
  viewKey,
}: {
  table: DataTableInstance<ContainerRow>;
  /** Changes when the filter or sort does: the list then starts again from the top. */
  viewKey?: string;
}) {
  return (
    <DataTable
      table={table}
      label="Containers"
      rowName={(row) => row.name}
      rowHeight={ROW_HEIGHT}
      rowAttributes={(row) => ({ 'data-state': row.state })}
      resetScrollKey={viewKey}
    />
  );
}

function Ports({ ports, hostname }: { ports: PublishedPort[]; hostname: string }) {
  if (ports.length === 0) return <span className="text-faint">—</span>;
  const shown = ports.slice(0, 2);
  const rest = ports.length - shown.length;
  const all = ports
    .map((p) =>
      p.hostPort
        ? `${p.hostPort}→${p.containerPort}/${p.protocol}`
        : `${p.containerPort}/${p.protocol}`,
    )
    .join(', ');
  return (
    <span className="flex min-w-0 items-center gap-1.5 font-mono text-[12px]" title={all}>
      {shown.map((port) => (
        <PortLink
          key={`${port.hostPort}:${port.containerPort}/${port.protocol}`}
          port={port}
          hostname={hostname}
        />
      ))}
      {rest > 0 && <span className="text-faint">+{rest}</span>}
    </span>
  );
}

export function PortLink({ port, hostname }: { port: PublishedPort; hostname: string }) {
  const label = port.hostPort
    ? `${port.hostPort}→${port.containerPort}${port.protocol === 'tcp' ? '' : `/${port.protocol}`}`
    : `${port.containerPort}/${port.protocol}`;
  if (!port.hostPort || port.protocol !== 'tcp') {
    return <span className="whitespace-nowrap text-muted">{label}</span>;
  }
  return (
    <a
      href={`http://${hostname}:${port.hostPort}`}
      target="_blank"
      rel="noreferrer"
      className="whitespace-nowrap text-accent-text hover:underline"
      aria-label={`Open port ${port.hostPort} (container port ${port.containerPort}) in a new tab`}
    >
      {label}
    </a>
  );
}
