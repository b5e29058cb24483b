import type { ContainerAction, ContainerRow } from '@berth/api';
import type { SortingState } from '@tanstack/react-table';
import { Link } from '@tanstack/react-router';
import { Boxes, Plus, RotateCw } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { ColumnsMenu, useDataTable } from '@/components/ui/data-table';
import { CheckboxField } from '@/components/ui/checkbox';
import { EmptyState } from '@/components/ui/empty-state';
import { PanelErrorBoundary } from '@/components/ui/error-boundary';
import { ErrorState } from '@/components/ui/error-state';
import { Select } from '@/components/ui/input';
import { FilterInput } from '@/components/ui/list-page';
import { PageHeader } from '@/components/ui/page-header';
import { RoleNote } from '@/components/ui/role-note';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useEnginePermission } from '@/hooks/use-me';
import { useCapabilities } from '@/hooks/use-capabilities';
import { useNow } from '@/hooks/use-now';
import { actionRequest } from '../api/container-actions';
import { useContainerList } from '../api/containers-queries';
import { useBulkAction } from '../api/use-bulk-action';
import { BulkResultDialog } from '../components/bulk-result-dialog';
import { BULK_ACTIONS, BulkToolbar } from '../components/bulk-toolbar';
import { ContainersTable, useContainerColumns } from '../components/containers-table';
import { filterRows, sortRows } from '../components/filter-sort';
import type { SortKey, StateFilter } from '../components/filter-sort';
import { RemoveDialog } from '../components/remove-dialog';
import { useContainersSearch } from './use-containers-search';

const STATE_OPTIONS: Array<{ value: StateFilter; label: string }> = [
  { value: 'all', label: 'All states' },
  { value: 'running', label: 'Running' },
  { value: 'paused', label: 'Paused' },
  { value: 'restarting', label: 'Restarting' },
  { value: 'created', label: 'Created' },
  { value: 'exited', label: 'Exited' },
  { value: 'dead', label: 'Dead' },
  { value: 'unhealthy', label: 'Unhealthy' },
];

export function ContainersRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Containers');
  return (
    <div className="flex h-full min-h-0 flex-col">
      <PanelErrorBoundary title="The containers list failed to render">
        <ContainersView endpointId={endpointId} />
      </PanelErrorBoundary>
    </div>
  );
}

function ContainersView({ endpointId }: { endpointId: string }) {
  const {
    text,
    setText,
    state,
    setState,
    showStopped,
    setShowStopped,
    sortKey,
    sortDirection,
    setSort,
    clearFilters,
  } = useContainersSearch(endpointId);
  const sorting = useMemo<SortingState>(
    () => [{ id: sortKey, desc: sortDirection === 'desc' }],
    [sortKey, sortDirection],
  );

  const [confirmRemove, setConfirmRemove] = useState(false);
  const now = useNow(30_000);

  const query = useContainerList(endpointId, { all: showStopped });
  const bulk = useBulkAction(endpointId);

  // The route table is per path shape, not per container: any id answers for all of them.
  const can = useEnginePermission();
  const permissions = BULK_ACTIONS.map((action) => {
    const { method, path } = actionRequest(action, 'any');
    return { action, ...can(method, path) };
  });
  // Actions the engine lacks (kill on PouchContainer) are not offered; the toolbar says why.
  const engine = useCapabilities(endpointId);
  const permitted = new Set(
    permissions
      .filter((p) => p.allowed && (p.action !== 'kill' || engine.has('kill')))
      .map((p) => p.action),
  );
  const refused = permissions.find((p) => !p.allowed);
  const selectable = permitted.size > 0;

  // Sorted once per change of the list or the sort, then filtered in that order: a keystroke
  // in the filter box costs one pass over the rows, never a sort of 5,000 of them.
  const sorted = useMemo(
    () => sortRows(query.data ?? [], { key: sortKey, direction: sortDirection }),
    [query.data, sortKey, sortDirection],
  );
  const rows = useMemo(() => filterRows(sorted, { text, state }), [sorted, text, state]);
  const columns = useContainerColumns({ endpointId, hostname: window.location.hostname, now });
  const table = useDataTable({
    id: 'containers',
    columns,
    data: rows,
    getRowId: (row) => row.id,
    selectable,
    sorting,
    manualSorting: true,
    onSortingChange: (next) => {
      const first = next[0];
      if (first) setSort(first.id as SortKey, first.desc ? 'desc' : 'asc');
    },
  });
  // The selection only ever holds containers that still exist and are on screen.
  const selection = table.getFilteredSelectedRowModel().rows.map((row) => row.original);

  function runBulk(action: ContainerAction, rowsToRun: ContainerRow[], removeOptions = {}) {
    bulk.start(
      { action, rows: rowsToRun, removeOptions },
      { onSuccess: () => action === 'remove' && table.resetRowSelection() },
    );
  }

  const total = query.data?.length ?? 0;
  const filtered = text.trim() !== '' || state !== 'all';
  const busy = bulk.run?.running ?? false;

  return (
    <>
      <PageHeader
        title="Containers"
        count={query.data ? (filtered ? `${rows.length} of ${total}` : total) : undefined}
        actions={
          <>
            <Button
              size="sm"
              variant="ghost"
              icon={<RotateCw className="size-3.5" aria-hidden />}
              loading={query.isFetching && !query.isPending}
              onClick={() => void query.refetch()}
            >
              Refresh
            </Button>
            {can('POST', '/containers/create').allowed && (
              <Link
                to="/endpoints/$endpointId/containers/new"
                params={{ endpointId }}
                className={buttonClasses('primary', 'sm')}
              >
                <Plus className="size-3.5" aria-hidden />
                Create container
              </Link>
            )}
          </>
        }
      >
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex flex-wrap items-center gap-2">
            <FilterInput
              noun="containers"
              placeholder="Filter by name, image or ID"
              value={text}
              onChange={setText}
              className="w-72 pr-8 pl-8"
            />
            <Select
              aria-label="State"
              value={state}
              onChange={(event) => setState(event.target.value as StateFilter)}
            >
              {STATE_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
            <div className="pl-1">
              <CheckboxField
                label="Show stopped"
                checked={showStopped}
                onChange={(event) => setShowStopped(event.target.checked)}
              />
            </div>
            <ColumnsMenu table={table} label="Containers" />
          </div>
          {selectable ? (
            <BulkToolbar
              selection={selection}
              busy={busy}
              permitted={permitted}
              notOffered={
                engine.has('kill') || !can('POST', '/containers/any/kill').allowed
                  ? undefined
                  : { engineName: engine.engineName, missing: [['Kill', engine.reason('kill')]] }
              }
              onAction={(action) => runBulk(action, selection)}
              onRemove={() => setConfirmRemove(true)}
            />
          ) : (
            <RoleNote needed={refused?.needed ?? 'operator'} what="changing containers" />
          )}
        </div>
      </PageHeader>

      {query.isPending ? (
        <SkeletonRows rows={8} label="Loading containers" />
      ) : query.isError ? (
        <ErrorState
          title="Could not list containers"
          message={query.error.message}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : total === 0 ? (
        <EmptyState icon={<Boxes className="size-8" aria-hidden />} title="No containers">
          {showStopped ? (
            <>
              Create one with{' '}
              <code className="rounded bg-subtle px-1 py-0.5 font-mono text-[12px]">
                docker run -d --name web -p 8080:80 nginx
              </code>{' '}
              and it appears here.
            </>
          ) : (
            <>
              Nothing is running.{' '}
              <button
                type="button"
                className="text-accent-text underline"
                onClick={() => setShowStopped(true)}
              >
                Show stopped containers
              </button>
            </>
          )}
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title="No containers match">
          <button type="button" className="text-accent-text underline" onClick={clearFilters}>
            Clear filters
          </button>
        </EmptyState>
      ) : (
        <ContainersTable
          table={table}
          viewKey={`${text}|${state}|${sortKey}|${sortDirection}|${showStopped}`}
        />
      )}

      <RemoveDialog
        open={confirmRemove}
        names={selection.map((row) => row.name)}
        anyRunning={selection.some((row) => row.state === 'running' || row.state === 'paused')}
        onClose={() => setConfirmRemove(false)}
        onConfirm={(options) => {
          setConfirmRemove(false);
          runBulk('remove', selection, options);
        }}
      />
      <BulkResultDialog run={bulk.run} onClose={bulk.dismiss} />
    </>
  );
}
