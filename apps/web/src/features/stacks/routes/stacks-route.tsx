import { formatAgo, roleAtLeast } from '@berth/api';
import type { StackSummary } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Layers3, Plus } from 'lucide-react';
import { useMemo, useState } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { DataTable, useDataTable } from '@/components/ui/data-table';
import type { DataColumn } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ListPage } from '@/components/ui/list-page';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useEndpointRole } from '@/hooks/use-me';
import { stacksQueryOptions } from '../api/stacks-api';
import { ManagedBadge, StackStatus } from '../components/stack-status';

function columns(endpointId: string): DataColumn<StackSummary>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      accessorFn: (stack) => stack.name,
      meta: { searchable: true },
      size: 220,
      cell: ({ row }) =>
        row.original.kind === 'compose' ? (
          <Link
            to="/endpoints/$endpointId/stacks/$stackName"
            params={{ endpointId, stackName: row.original.name }}
            className="font-medium text-fg hover:text-accent-text hover:underline"
          >
            {row.original.name}
          </Link>
        ) : (
          <span className="font-medium text-fg">{row.original.name}</span>
        ),
    },
    {
      id: 'managedBy',
      header: 'Managed by',
      accessorFn: (stack) => `${stack.kind} ${stack.managedBy}`,
      size: 110,
      cell: ({ row }) => <ManagedBadge stack={row.original} />,
    },
    {
      id: 'status',
      header: 'Status',
      accessorFn: (stack) => stack.status,
      size: 130,
      cell: ({ row }) => <StackStatus stack={row.original} />,
    },
    {
      id: 'services',
      header: 'Services',
      accessorFn: (stack) => stack.services.map((s) => s.name).join(' '),
      meta: { searchable: true },
      size: 320,
      enableSorting: false,
      cell: ({ row }) => (
        <span className="truncate text-[12.5px] text-muted">
          {row.original.services.map((s) => `${s.name} ${s.running}/${s.total}`).join(' · ') || '—'}
        </span>
      ),
    },
    {
      id: 'updated',
      header: 'Updated',
      accessorFn: (stack) => stack.updatedAt ?? 0,
      size: 120,
      cell: ({ row }) =>
        row.original.updatedAt ? (
          <time
            className="text-muted"
            dateTime={new Date(row.original.updatedAt).toISOString()}
            title={new Date(row.original.updatedAt).toLocaleString()}
          >
            {formatAgo(row.original.updatedAt)}
          </time>
        ) : (
          <span className="text-faint">—</span>
        ),
    },
  ];
}

/** Every compose project of the endpoint (Berth's and the CLI's) and its swarm stacks. */
export function StacksRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Stacks');
  const navigate = useNavigate();
  const query = useQuery(stacksQueryOptions(endpointId));
  const role = useEndpointRole();
  const [filter, setFilter] = useState('');
  const cols = useMemo(() => columns(endpointId), [endpointId]);
  const table = useDataTable({
    id: 'stacks',
    columns: cols,
    data: query.data ?? [],
    getRowId: (stack) => `${stack.kind}:${stack.name}`,
    globalFilter: filter,
    defaultSorting: [{ id: 'name', desc: false }],
  });
  const canDeploy = role ? roleAtLeast(role, 'operator') : false;

  return (
    <ListPage
      title="Stacks"
      noun="stacks"
      query={query}
      filter={filter}
      onFilter={setFilter}
      table={table}
      description="Compose projects on this engine, Berth’s and the compose CLI’s alike; swarm stacks are listed read-only."
      actions={
        canDeploy && (
          <Link
            to="/endpoints/$endpointId/stacks/new"
            params={{ endpointId }}
            className={buttonClasses('primary', 'sm')}
          >
            <Plus className="size-3.5" aria-hidden />
            Create stack
          </Link>
        )
      }
      empty={
        <EmptyState icon={<Layers3 className="size-8" aria-hidden />} title="No stacks">
          {canDeploy
            ? 'Create one with “Create stack”, or bring one up with the compose CLI.'
            : 'Nothing on this engine was made by compose.'}
        </EmptyState>
      }
    >
      <DataTable
        table={table}
        label="Stacks"
        rowName={(stack) => stack.name}
        onRowOpen={(stack) =>
          stack.kind === 'compose' &&
          void navigate({
            to: '/endpoints/$endpointId/stacks/$stackName',
            params: { endpointId, stackName: stack.name },
          })
        }
        rowAttributes={(stack) => ({ 'data-stack': stack.name })}
      />
    </ListPage>
  );
}
