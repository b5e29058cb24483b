import { formatAgo } from '@berth/api';
import type { EndpointSummary } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { FolderInput, Lock, Pencil, Plus, Server, Trash2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ListPage } from '@/components/ui/list-page';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useNow } from '@/hooks/use-now';
import { endpointsQueryOptions } from '@/lib/queries';
import { deleteEndpoint, endpointAdminKeys, importContexts } from '../api/endpoints-api';
import type { ImportResult } from '../api/endpoints-api';
import { EndpointDialog } from '../components/endpoint-dialog';
import { EndpointStatusCell } from '../components/endpoint-status';

type Open =
  | null
  | { kind: 'edit'; endpoint: EndpointSummary | null }
  | { kind: 'delete'; endpoint: EndpointSummary }
  | { kind: 'imported'; result: ImportResult };

/** Administration › Endpoints: the engines Berth manages, their live state, and changing them. */
export function EndpointsRoute() {
  useDocumentTitle('Endpoints');
  const now = useNow(5_000);
  // The gateway checks every endpoint every 2 s; this page follows at that pace.
  const query = useQuery({ ...endpointsQueryOptions(), refetchInterval: 2_000 });
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<Open>(null);
  const importing = useMutation({
    mutationFn: importContexts,
    meta: { errorTitle: 'Could not import contexts', invalidates: [endpointAdminKeys.all()] },
    onSuccess: (result) => setOpen({ kind: 'imported', result }),
  });

  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (query.data ?? []).filter(
      (e) =>
        !needle ||
        e.name.toLowerCase().includes(needle) ||
        e.url.toLowerCase().includes(needle) ||
        e.id.includes(needle),
    );
  }, [query.data, filter]);

  const columns: Column<EndpointSummary>[] = [
    {
      key: 'name',
      header: 'Endpoint',
      cell: (e) => (
        <div className="flex flex-col">
          <Link
            to="/endpoints/$endpointId/dashboard"
            params={{ endpointId: e.id }}
            className="font-medium text-fg hover:text-accent-text hover:underline"
          >
            {e.name}
          </Link>
          <span className="font-mono text-[11.5px] text-faint">{e.id}</span>
        </div>
      ),
    },
    {
      key: 'url',
      header: 'URL',
      cell: (e) => (
        <div className="flex flex-col">
          <span className="inline-flex items-center gap-1.5 font-mono text-[12.5px] text-fg">
            {e.tls && <Lock className="size-3 text-emerald-600" aria-label="TLS" />}
            {e.url}
          </span>
          {e.alternates.length > 0 && (
            <span className="font-mono text-[11.5px] text-faint">
              {e.connectedUrl === e.url
                ? `+ ${e.alternates.length} other manager${e.alternates.length === 1 ? '' : 's'}`
                : `failed over: through ${e.connectedUrl}`}
            </span>
          )}
          {e.sshHostKey && (
            // pinned on first use: what an admin compares with `ssh-keygen -lf` on the host
            <span
              className="font-mono text-[11.5px] text-faint"
              title="SSH host key, pinned on first connection"
            >
              host key {e.sshHostKey}
            </span>
          )}
        </div>
      ),
    },
    {
      key: 'status',
      header: 'Status',
      cell: (e) => (
        <div className="flex flex-col">
          <EndpointStatusCell endpoint={e} />
          {e.status === 'down' && e.error && (
            <span className="max-w-[340px] text-[12px] text-muted">{e.error}</span>
          )}
        </div>
      ),
    },
    {
      key: 'engine',
      header: 'Engine',
      cell: (e) =>
        e.engineVersion ? (
          <span className="text-muted">
            <span className="text-fg capitalize">{e.kind}</span> {e.engineVersion}
            {e.apiVersion && (
              <span className="ml-1.5 font-mono text-[11.5px] text-faint">API {e.apiVersion}</span>
            )}
          </span>
        ) : (
          <span className="text-faint">—</span>
        ),
    },
    {
      key: 'checked',
      header: 'Checked',
      cell: (e) => (
        <span className="text-muted">{e.checkedAt ? formatAgo(e.checkedAt, now) : 'never'}</span>
      ),
    },
    {
      key: 'source',
      header: 'Source',
      cell: (e) =>
        e.source === 'environment' ? (
          <span className="text-muted" title="From DOCKER_HOST when the gateway started">
            DOCKER_HOST
          </span>
        ) : (
          <span className="text-muted">Saved</span>
        ),
    },
    {
      key: 'actions',
      header: 'Actions',
      className: 'w-0 whitespace-nowrap',
      cell: (e) =>
        e.source === 'saved' ? (
          <div className="flex items-center justify-end gap-1">
            <Button
              size="sm"
              variant="ghost"
              icon={<Pencil className="size-3" aria-hidden />}
              aria-label={`Edit ${e.name}`}
              onClick={() => setOpen({ kind: 'edit', endpoint: e })}
            >
              Edit
            </Button>
            <Button
              size="sm"
              variant="ghost"
              className="text-danger hover:text-danger"
              icon={<Trash2 className="size-3" aria-hidden />}
              aria-label={`Remove ${e.name}`}
              onClick={() => setOpen({ kind: 'delete', endpoint: e })}
            >
              Remove
            </Button>
          </div>
        ) : (
          <span className="pr-2 text-[12px] text-faint">Set by the gateway's environment</span>
        ),
    },
  ];

  return (
    <>
      <ListPage
        title="Endpoints"
        noun="endpoints"
        description="The engines Berth manages. Each is checked every 2 seconds; a down one never slows the others."
        query={query}
        filter={filter}
        onFilter={setFilter}
        visibleCount={rows.length}
        actions={
          <>
            <Button
              size="sm"
              icon={<FolderInput className="size-3.5" aria-hidden />}
              loading={importing.isPending}
              onClick={() => importing.mutate()}
              title="Reads the Docker CLI's contexts (docker context ls) on the gateway's host"
            >
              Import Docker contexts
            </Button>
            <Button
              variant="primary"
              size="sm"
              icon={<Plus className="size-3.5" aria-hidden />}
              onClick={() => setOpen({ kind: 'edit', endpoint: null })}
            >
              Add endpoint
            </Button>
          </>
        }
        empty={
          <EmptyState icon={<Server className="size-8" aria-hidden />} title="No endpoints">
            Add an engine, or import the Docker CLI's contexts from the gateway's host.
          </EmptyState>
        }
      >
        <SimpleTable label="Endpoints" columns={columns} rows={rows} rowKey={(e) => e.id} />
      </ListPage>
      {open?.kind === 'edit' && (
        <EndpointDialog existing={open.endpoint} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'delete' && (
        <RemoveEndpointDialog endpoint={open.endpoint} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'imported' && (
        <ImportedDialog result={open.result} onClose={() => setOpen(null)} />
      )}
    </>
  );
}

function RemoveEndpointDialog({
  endpoint,
  onClose,
}: {
  endpoint: EndpointSummary;
  onClose: () => void;
}) {
  return (
    <ConfirmDialog
      title={`Remove ${endpoint.name}?`}
      description="Berth forgets this engine and its stored certificates or keys. The engine and its containers are not touched; wall tiles and user grants that name it stop showing it."
      confirm="Remove endpoint"
      action={() => deleteEndpoint(endpoint.id)}
      invalidates={[endpointAdminKeys.all()]}
      onClose={onClose}
    />
  );
}

function ImportedDialog({ result, onClose }: { result: ImportResult; onClose: () => void }) {
  const skipped = result.found - result.created.length;
  return (
    <Dialog
      open
      onClose={onClose}
      title="Docker contexts imported"
      footer={
        <Button variant="primary" onClick={onClose} data-autofocus>
          Done
        </Button>
      }
    >
      <div className="flex flex-col gap-2 text-[13px]">
        {result.found === 0 ? (
          <p className="text-muted">
            No contexts were found on the gateway's host (in <code>$DOCKER_CONFIG</code> or{' '}
            <code>~/.docker</code>). Create one with <code>docker context create</code>, or add the
            endpoint by hand.
          </p>
        ) : (
          <p className="text-muted">
            Found {result.found} context{result.found === 1 ? '' : 's'}: added{' '}
            {result.created.length}
            {skipped > 0 && `, skipped ${skipped} whose name is already here`}.
          </p>
        )}
        {result.created.length > 0 && (
          <ul className="flex flex-col gap-1">
            {result.created.map((e) => (
              <li key={e.id} className="flex items-center gap-2">
                <span className="font-medium text-fg">{e.name}</span>
                <span className="font-mono text-[12px] text-muted">{e.url}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
