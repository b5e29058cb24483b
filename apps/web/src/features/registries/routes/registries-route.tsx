import { engineRouteRole, formatAgo, roleAtLeast } from '@berth/api';
import type { RegistrySummary } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { CheckCircle2, KeyRound, Pencil, Plus, Trash2, XCircle } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { InlineAlert } from '@/components/ui/inline-alert';
import { ListPage } from '@/components/ui/list-page';
import { RoleNote } from '@/components/ui/role-note';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { Spinner } from '@/components/ui/spinner';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useMe } from '@/hooks/use-me';
import { registriesQueryOptions } from '@/lib/queries';
import { deleteRegistry, registryKeys, testRegistryLogin } from '../api/registries-api';
import { RegistryDialog } from '../components/registry-dialog';

type Open =
  | null
  | { kind: 'edit'; registry: RegistrySummary | null }
  | { kind: 'delete'; registry: RegistrySummary };

export function RegistriesRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Registries');
  const me = useMe();
  const isAdmin = me?.role === 'admin';
  // Test login is the engine's SystemAuth: the route table says who may (the gateway asks it too).
  const canTestLogin = me ? roleAtLeast(me.role, engineRouteRole('SystemAuth')) : false;
  const query = useQuery(registriesQueryOptions());
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<Open>(null);
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (query.data ?? []).filter(
      (r) =>
        !needle ||
        r.name.toLowerCase().includes(needle) ||
        r.server.toLowerCase().includes(needle) ||
        r.username.toLowerCase().includes(needle),
    );
  }, [query.data, filter]);

  const columns: Column<RegistrySummary>[] = [
    {
      key: 'name',
      header: 'Name',
      cellClassName: 'font-medium text-fg',
      cell: (registry) => registry.name,
    },
    {
      key: 'server',
      header: 'Server',
      cellClassName: 'font-mono text-[12.5px] text-fg',
      cell: (registry) => registry.server,
    },
    { key: 'user', header: 'User', cellClassName: 'text-muted', cell: (r) => r.username },
    {
      key: 'viewers',
      header: 'Used by',
      cellClassName: 'text-muted',
      cell: (registry) => (registry.viewers ? 'Operators and viewers' : 'Operators'),
    },
    {
      key: 'added',
      header: 'Added',
      cellClassName: 'text-muted',
      cell: (registry) => formatAgo(registry.createdAt),
    },
  ];
  if (isAdmin || canTestLogin)
    columns.push({
      key: 'actions',
      header: 'Actions',
      cell: (registry) => (
        <RegistryActions
          registry={registry}
          endpointId={endpointId}
          canTestLogin={canTestLogin}
          canEdit={isAdmin}
          onEdit={() => setOpen({ kind: 'edit', registry })}
          onDelete={() => setOpen({ kind: 'delete', registry })}
        />
      ),
    });

  return (
    <>
      <ListPage
        title="Registries"
        noun="registries"
        description="Saved credentials for pulling and pushing. Passwords stay in the gateway and go only to their own registry."
        query={query}
        filter={filter}
        onFilter={setFilter}
        visibleCount={rows.length}
        actions={
          isAdmin ? (
            <Button
              variant="primary"
              icon={<Plus className="size-3.5" />}
              onClick={() => setOpen({ kind: 'edit', registry: null })}
            >
              Add registry
            </Button>
          ) : (
            <RoleNote needed="admin" what="adding or changing registries" />
          )
        }
        empty={
          <EmptyState
            icon={<KeyRound className="size-8" aria-hidden />}
            title="No saved registries"
          >
            {isAdmin
              ? 'Add one to pull and push private images; choose it in the pull and push dialogs.'
              : 'An admin can add registry credentials here.'}
          </EmptyState>
        }
      >
        <SimpleTable
          label="Registries"
          columns={columns}
          rows={rows}
          rowKey={(registry) => String(registry.id)}
          minWidth={760}
          rowAttributes={() => ({ className: 'align-top' })}
        />
      </ListPage>
      {open?.kind === 'edit' && (
        <RegistryDialog existing={open.registry} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'delete' && (
        <DeleteRegistryDialog registry={open.registry} onClose={() => setOpen(null)} />
      )}
    </>
  );
}

function RegistryActions({
  registry,
  endpointId,
  canTestLogin,
  canEdit,
  onEdit,
  onDelete,
}: {
  registry: RegistrySummary;
  endpointId: string;
  canTestLogin: boolean;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const login = useMutation({
    mutationFn: () => testRegistryLogin(endpointId, registry.id),
    meta: { toastOnError: false },
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canTestLogin && (
        <Button size="sm" onClick={() => login.mutate()} loading={login.isPending}>
          Test login
        </Button>
      )}
      {canEdit && (
        <>
          <Button
            size="sm"
            icon={<Pencil className="size-3" />}
            onClick={onEdit}
            aria-label={`Edit ${registry.name}`}
          >
            Edit
          </Button>
          <Button
            size="sm"
            variant="ghost"
            icon={<Trash2 className="size-3" />}
            onClick={onDelete}
            aria-label={`Delete ${registry.name}`}
          >
            Delete
          </Button>
        </>
      )}
      <span aria-live="polite" className="text-[12px]">
        {login.isPending && <Spinner label="Logging in" />}
        {login.isSuccess && (
          <span className="inline-flex items-center gap-1 text-emerald-700 dark:text-emerald-400">
            <CheckCircle2 className="size-3.5" aria-hidden />
            {login.data.status}
          </span>
        )}
        {login.isError && (
          <span className="inline-flex items-center gap-1 font-mono text-danger">
            <XCircle className="size-3.5 shrink-0" aria-hidden />
            {login.error.message}
          </span>
        )}
      </span>
    </div>
  );
}

function DeleteRegistryDialog({
  registry,
  onClose,
}: {
  registry: RegistrySummary;
  onClose: () => void;
}) {
  const mutation = useMutation({
    mutationFn: () => deleteRegistry(registry.id),
    meta: { toastOnError: false, invalidates: [registryKeys.all()] },
    onSuccess: onClose,
  });
  return (
    <Dialog
      open
      role="alertdialog"
      onClose={onClose}
      busy={mutation.isPending}
      title={`Delete ${registry.name}?`}
      description="Its stored credentials are erased. Images already pulled stay."
      footer={
        <>
          <Button onClick={onClose} disabled={mutation.isPending} data-autofocus>
            Cancel
          </Button>
          <Button
            variant="danger"
            loading={mutation.isPending}
            onClick={() => mutation.mutate()}
            icon={<Trash2 className="size-3.5" />}
          >
            Delete registry
          </Button>
        </>
      }
    >
      {mutation.isError && <InlineAlert>{mutation.error.message}</InlineAlert>}
    </Dialog>
  );
}
