import { useQuery } from '@tanstack/react-query';
import { FileKey, Plus } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ListPage } from '@/components/ui/list-page';
import { SimpleTable } from '@/components/ui/simple-table';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useEnginePermission } from '@/hooks/use-me';
import { dataQueryOptions, usageByData } from '../api/swarm-api';
import { useServiceList } from '../api/swarm-lists';
import type { DataKind } from '../api/swarm-api';
import { dataColumns } from '../components/data-columns';
import type { DataDialog } from '../components/data-columns';
import { DATA_NOUN, DataDialogs } from '../components/data-dialogs';
import { bySpecName, matchesSpecName, useListFilter } from '../components/use-list-filter';

/** Secrets and configs: the same shape and actions; a secret's content is never shown. */
export function DataRoute({ kind }: { kind: DataKind }) {
  const endpointId = useEndpointId();
  const noun = DATA_NOUN[kind];
  const title = kind === 'secrets' ? 'Secrets' : 'Configs';
  useDocumentTitle(title);
  const query = useQuery(dataQueryOptions(endpointId, kind));
  const services = useServiceList(endpointId);
  const can = useEnginePermission();
  const isAdmin = can('POST', `/${kind}/create`).allowed;
  const [dialog, setDialog] = useState<DataDialog | null>(null);
  const usage = useMemo(() => usageByData(services.data ?? [], kind), [services.data, kind]);
  const { rows, listProps } = useListFilter(query.data, matchesSpecName, bySpecName);
  const columns = dataColumns({ usage, canChange: isAdmin, open: setDialog });

  return (
    <>
      <ListPage
        title={title}
        noun={kind}
        query={query}
        {...listProps}
        actions={
          isAdmin && (
            <Button
              size="sm"
              variant="primary"
              icon={<Plus className="size-3.5" aria-hidden />}
              onClick={() => setDialog({ kind: 'create' })}
            >
              Create {noun}
            </Button>
          )
        }
        empty={
          <EmptyState icon={<FileKey className="size-8" aria-hidden />} title={`No ${kind}`}>
            {kind === 'secrets'
              ? 'A secret is data a service reads from /run/secrets; the engine never shows it again.'
              : 'A config is a file a service reads, kept by the swarm.'}
          </EmptyState>
        }
      >
        <SimpleTable label={title} columns={columns} rows={rows} rowKey={(o) => o.ID} />
      </ListPage>
      {dialog && (
        <DataDialogs
          endpointId={endpointId}
          kind={kind}
          dialog={dialog}
          usage={usage}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}

export function SecretsRoute() {
  return <DataRoute kind="secrets" />;
}

export function ConfigsRoute() {
  return <DataRoute kind="configs" />;
}
