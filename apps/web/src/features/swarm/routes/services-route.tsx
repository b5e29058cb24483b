import { formatAgo } from '@berth/api';
import { Link } from '@tanstack/react-router';
import { Boxes, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { buttonClasses, IconButton } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ListPage } from '@/components/ui/list-page';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useEnginePermission } from '@/hooks/use-me';
import { desiredReplicas, runningCount, useTaskList } from '../api/swarm-api';
import { serviceModeName, useServiceList } from '../api/swarm-lists';
import type { ServiceListItem } from '../api/swarm-lists';
import { RemoveServiceDialog } from '../components/remove-service-dialog';
import { actionsColumn } from '../components/row-actions';
import { ScaleControl } from '../components/scale-control';
import { ServiceLink, StateBadge } from '../components/swarm-bits';
import { bySpecName, matchesSpecName, useListFilter } from '../components/use-list-filter';

const matchesService = (s: ServiceListItem, needle: string) =>
  matchesSpecName(s, needle) ||
  (s.Spec.TaskTemplate.ContainerSpec?.Image ?? '').toLowerCase().includes(needle);

export function ServicesRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Services');
  const query = useServiceList(endpointId);
  const tasks = useTaskList(endpointId, {});
  const can = useEnginePermission();
  const canChange = can('POST', '/services/x/update').allowed;
  const [removing, setRemoving] = useState<ServiceListItem | null>(null);
  const { rows, listProps } = useListFilter(query.data, matchesService, bySpecName);

  const columns: Column<ServiceListItem>[] = [
    {
      key: 'name',
      header: 'Name',
      cell: (s) => (
        <ServiceLink
          endpointId={endpointId}
          serviceId={s.ID}
          className="font-medium text-fg hover:text-accent-text hover:underline"
        >
          {s.Spec.Name}
        </ServiceLink>
      ),
    },
    {
      key: 'image',
      header: 'Image',
      cell: (s) => (
        <span
          className="block max-w-[22rem] truncate font-mono text-[12.5px] text-muted"
          title={s.Spec.TaskTemplate.ContainerSpec?.Image}
        >
          {(s.Spec.TaskTemplate.ContainerSpec?.Image ?? '').replace(/@sha256:.*$/, '')}
        </span>
      ),
    },
    {
      key: 'mode',
      header: 'Mode',
      cell: (s) => <span className="text-muted">{serviceModeName(s)}</span>,
    },
    {
      key: 'replicas',
      header: 'Replicas',
      className: 'tabular-nums',
      cell: (s) => {
        const running = runningCount(tasks.data ?? [], s.ID);
        const desired = desiredReplicas(s);
        return (
          <span
            aria-label={`${running} of ${desired ?? 'all nodes'} running`}
            className={running === desired ? 'text-fg' : 'text-amber-600 dark:text-amber-300'}
          >
            {running}/{desired ?? '∞'}
          </span>
        );
      },
    },
    {
      key: 'ports',
      header: 'Ports',
      cell: (s) => (
        <span className="font-mono text-[12px] text-muted">
          {(s.Endpoint?.Ports ?? [])
            .map((p) => `${p.PublishedPort ?? ''}→${p.TargetPort}/${p.Protocol ?? 'tcp'}`)
            .join(', ') || '—'}
        </span>
      ),
    },
    {
      key: 'updated',
      header: 'Updated',
      cell: (s) => (
        <span className="inline-flex items-center gap-1.5 text-muted">
          {formatAgo(new Date(s.UpdatedAt).getTime())}
          <UpdateState state={s.UpdateStatus?.State} />
        </span>
      ),
    },
    actionsColumn((s) =>
      canChange ? (
        <span className="inline-flex items-center gap-1">
          <ScaleControl endpointId={endpointId} service={s} />
          <IconButton size="sm" aria-label={`Remove ${s.Spec.Name}`} onClick={() => setRemoving(s)}>
            <Trash2 className="size-3.5" />
          </IconButton>
        </span>
      ) : null,
    ),
  ];

  return (
    <>
      <ListPage
        title="Services"
        noun="services"
        query={query}
        {...listProps}
        actions={
          can('POST', '/services/create').allowed && (
            <Link
              to="/endpoints/$endpointId/swarm/services/new"
              params={{ endpointId }}
              className={buttonClasses('primary', 'sm')}
            >
              <Plus className="size-3.5" aria-hidden />
              Create service
            </Link>
          )
        }
        empty={
          <EmptyState icon={<Boxes className="size-8" aria-hidden />} title="No services">
            A service runs replicas of an image across the swarm. Start one with “Create service”.
          </EmptyState>
        }
      >
        <SimpleTable label="Services" columns={columns} rows={rows} rowKey={(s) => s.ID} />
      </ListPage>
      {removing && (
        <RemoveServiceDialog
          endpointId={endpointId}
          service={removing}
          onClose={() => setRemoving(null)}
        />
      )}
    </>
  );
}

/** A rolling update under way, paused or rolled back; a finished one (or none) says nothing. */
function UpdateState({ state }: { state: string | undefined }) {
  if (!state || state === 'completed') return null;
  const tone = state === 'updating' || state === 'rollback_started' ? 'busy' : 'bad';
  return (
    <StateBadge
      state={state.replace('_', ' ')}
      tone={state === 'rollback_completed' ? 'idle' : tone}
    />
  );
}
