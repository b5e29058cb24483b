import { appUrl } from '@/lib/base-path';
import { roleAtLeast } from '@berth/api';
import type { StackContainer } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { SquareTerminal } from 'lucide-react';
import { ErrorState } from '@/components/ui/error-state';
import { DetailHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointRole } from '@/hooks/use-me';
import { stackQueryOptions } from '../api/stacks-api';
import { useDeploy } from '../api/use-deploy';
import { DeployDialog } from '../components/deploy-dialog';
import { StackOperations } from '../components/stack-operations';
import { ManagedBadge, StackStatus } from '../components/stack-status';
import { StackVersions } from '../components/stack-versions';

const route = getRouteApi('/_app/endpoints/$endpointId/stacks/$stackName');

function containerColumns(endpointId: string, canExec: boolean): Column<StackContainer>[] {
  return [
    {
      key: 'name',
      header: 'Container',
      cell: (c) => (
        <Link
          to="/endpoints/$endpointId/containers/$containerId"
          params={{ endpointId, containerId: c.id }}
          className="font-medium text-fg hover:text-accent-text hover:underline"
        >
          {c.name}
        </Link>
      ),
    },
    {
      key: 'service',
      header: 'Service',
      cell: (c) => <span className="font-mono">{c.service}</span>,
    },
    {
      key: 'state',
      header: 'State',
      cell: (c) => (
        <span
          data-state={c.state}
          className={
            c.state === 'running' ? 'text-emerald-700 dark:text-emerald-300' : 'text-muted'
          }
        >
          {c.status}
        </span>
      ),
    },
    {
      key: 'image',
      header: 'Image',
      cell: (c) => <span className="font-mono text-[12px] text-muted">{c.image}</span>,
    },
    {
      key: 'ports',
      header: 'Ports',
      cell: (c) => (
        <span className="font-mono text-[12px] text-muted">{c.ports.join(', ') || '—'}</span>
      ),
    },
    {
      key: 'terminal',
      header: '',
      cell: (c) =>
        canExec && c.state === 'running' ? (
          <a
            href={appUrl(
              `/endpoints/${encodeURIComponent(endpointId)}/containers/${c.id}/terminal`,
            )}
            target="_blank"
            rel="noopener"
            className="inline-flex items-center gap-1 text-[12px] text-accent-text hover:underline"
            aria-label={`Terminal into ${c.name}`}
          >
            <SquareTerminal className="size-3.5" aria-hidden />
            Terminal
          </a>
        ) : null,
    },
  ];
}

/** One stack: its services and containers, what can be done to it, and its versions. */
export function StackRoute() {
  const { endpointId, stackName } = route.useParams();
  useDocumentTitle(`Stack ${stackName}`);
  const query = useQuery(stackQueryOptions(endpointId, stackName));
  const role = useEndpointRole();
  const deploy = useDeploy(endpointId);
  const canDeploy = role ? roleAtLeast(role, 'operator') : false;
  if (query.isPending) return <SkeletonRows rows={6} label="Loading the stack" />;
  if (query.isError)
    return (
      <ErrorState
        title={`Could not load stack ${stackName}`}
        message={query.error.message}
        onRetry={() => void query.refetch()}
      />
    );
  const stack = query.data;
  return (
    <div className="flex h-full min-h-0 flex-col overflow-auto">
      <DetailHeader
        crumbs={[
          {
            label: 'Stacks',
            link: { to: '/endpoints/$endpointId/stacks', params: { endpointId } },
          },
        ]}
        title={stack.name}
        badges={
          <>
            <StackStatus stack={stack} />
            <ManagedBadge stack={stack} />
          </>
        }
        actions={
          canDeploy && <StackOperations endpointId={endpointId} stack={stack} deploy={deploy} />
        }
      />
      <div className="flex flex-col gap-4 px-6 py-4">
        <Panel title="Services">
          <ul aria-label="Services" className="flex flex-wrap gap-2 text-[12.5px]">
            {stack.services.map((service) => (
              <li
                key={service.name}
                className="rounded-md border border-line px-2 py-1"
                data-service={service.name}
              >
                <span className="font-mono text-fg">{service.name}</span>{' '}
                <span className="text-muted tabular-nums">
                  {service.running}/{service.total} running
                </span>
              </li>
            ))}
            {stack.services.length === 0 && (
              <li className="text-muted">Nothing deployed: the stack is down.</li>
            )}
          </ul>
        </Panel>
        {stack.kind === 'compose' && (
          <Panel title="Containers">
            <SimpleTable
              label="Containers"
              columns={containerColumns(endpointId, canDeploy)}
              rows={stack.containerList}
              rowKey={(c) => c.id}
            />
          </Panel>
        )}
        <Panel title="Versions">
          <StackVersions
            endpointId={endpointId}
            stack={stack}
            deploy={deploy}
            canDeploy={canDeploy}
          />
        </Panel>
      </div>
      <DeployDialog title={`Deploying ${stack.name}`} state={deploy.state} onClose={deploy.reset} />
    </div>
  );
}
