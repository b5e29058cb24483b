import { Server } from 'lucide-react';
import { useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { ListPage } from '@/components/ui/list-page';
import { SimpleTable } from '@/components/ui/simple-table';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useEnginePermission } from '@/hooks/use-me';
import { useNodeList } from '../api/swarm-lists';
import type { NodeListItem } from '../api/swarm-lists';
import { nodeColumns } from '../components/node-columns';
import type { NodeDialog } from '../components/node-columns';
import { NodeDialogs } from '../components/node-dialogs';
import { useListFilter } from '../components/use-list-filter';

const matchesNode = (n: NodeListItem, needle: string) =>
  n.Description.Hostname.toLowerCase().includes(needle) ||
  n.ID.startsWith(needle) ||
  Object.entries(n.Spec.Labels ?? {}).some(([k, v]) => `${k}=${v}`.includes(needle));

export function NodesRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Nodes');
  const query = useNodeList(endpointId);
  const can = useEnginePermission();
  const canChange = can('POST', '/nodes/x/update').allowed;
  const [dialog, setDialog] = useState<NodeDialog | null>(null);
  const { rows, listProps } = useListFilter(query.data, matchesNode);
  const columns = nodeColumns({ canChange, open: setDialog });

  return (
    <>
      <ListPage
        title="Nodes"
        noun="nodes"
        query={query}
        {...listProps}
        empty={
          <EmptyState icon={<Server className="size-8" aria-hidden />} title="No nodes">
            A swarm always has this node; if the list is empty the engine may have just left.
          </EmptyState>
        }
      >
        <SimpleTable label="Nodes" columns={columns} rows={rows} rowKey={(n) => n.ID} />
      </ListPage>
      {dialog && (
        <NodeDialogs endpointId={endpointId} dialog={dialog} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
