import { endpointKeys } from '@berth/api';
import type { SwarmService } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { History, Pencil, RefreshCw, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { JsonView } from '@/components/ui/json-view';
import { Tabs } from '@/components/ui/tabs';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEnginePermission } from '@/hooks/use-me';
import {
  desiredReplicas,
  forcedSpec,
  runningCount,
  serviceQueryOptions,
  useTaskList,
  updateService,
} from '../api/swarm-api';
import { PageHeader } from '@/components/ui/page-header';
import { RemoveServiceDialog } from '../components/remove-service-dialog';
import { ScaleControl } from '../components/scale-control';
import { ServiceOverview } from '../components/service-overview';
import { ConfirmDialog, QueryFallback } from '../components/swarm-bits';
import { TaskTable } from '../components/task-table';
import { UpdateServiceDialog } from '../components/update-service-dialog';

export type ServiceTab = 'overview' | 'tasks' | 'logs' | 'inspect';

/** The logs feature's viewer, passed in by the app (features don't import each other). */
export type RenderServiceLogs = (props: {
  endpointId: string;
  /** A service's ID, or one task's. */
  id: string;
  kind: 'service' | 'task';
  name: string;
}) => ReactNode;

const route = getRouteApi('/_app/endpoints/$endpointId/swarm/services/$serviceId');

export function ServiceRoute({ renderLogs }: { renderLogs: RenderServiceLogs }) {
  const { endpointId, serviceId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const tab = search.tab ?? 'overview';
  const service = useQuery(serviceQueryOptions(endpointId, serviceId));
  const tasks = useTaskList(endpointId, { service: serviceId });
  const can = useEnginePermission();
  const canChange = can('POST', '/services/x/update').allowed;
  const [dialog, setDialog] = useState<'edit' | 'remove' | 'rollback' | null>(null);
  const [taskLogs, setTaskLogs] = useState<{ id: string; name: string } | null>(null);
  useDocumentTitle(service.data?.Spec.Name ?? 'Service');

  const force = useMutation({
    mutationFn: (s: SwarmService) => updateService(endpointId, s, forcedSpec(s.Spec)),
    meta: {
      errorTitle: 'Could not force an update',
      invalidates: [endpointKeys.swarm(endpointId)],
    },
  });

  if (!service.isSuccess)
    return (
      <QueryFallback
        query={service}
        rows={6}
        loading="Loading the service"
        failed="Could not inspect the service"
      />
    );
  const s = service.data;
  const spec = s.Spec;
  const desired = desiredReplicas(s);
  const running = runningCount(tasks.data ?? [], s.ID);
  const closeDialog = () => setDialog(null);

  return (
    <div className="flex h-full min-h-0 flex-col">
      <PageHeader
        title={spec.Name}
        description={
          <>
            <Link
              to="/endpoints/$endpointId/swarm/services"
              params={{ endpointId }}
              className="text-accent-text hover:underline"
            >
              Services
            </Link>{' '}
            · {spec.TaskTemplate.ContainerSpec?.Image.replace(/@sha256:.*$/, '')} ·{' '}
            <span aria-label="Replicas running">
              {running}/{desired ?? '∞'} running
            </span>
          </>
        }
        actions={
          canChange && (
            <>
              <ScaleControl endpointId={endpointId} service={s} />
              <Button
                size="sm"
                icon={<Pencil className="size-3.5" aria-hidden />}
                onClick={() => setDialog('edit')}
              >
                Update
              </Button>
              <Button
                size="sm"
                icon={<RefreshCw className="size-3.5" aria-hidden />}
                loading={force.isPending}
                onClick={() => force.mutate(s)}
              >
                Force update
              </Button>
              <Button
                size="sm"
                icon={<History className="size-3.5" aria-hidden />}
                disabled={!s.PreviousSpec}
                title={s.PreviousSpec ? undefined : 'No previous spec to roll back to'}
                onClick={() => setDialog('rollback')}
              >
                Roll back
              </Button>
              <Button
                size="sm"
                variant="danger"
                icon={<Trash2 className="size-3.5" aria-hidden />}
                onClick={() => setDialog('remove')}
              >
                Remove
              </Button>
            </>
          )
        }
      />
      <Tabs
        label="Service"
        value={tab}
        onChange={(next) =>
          void navigate({
            to: '.',
            search: next === 'overview' ? {} : { tab: next },
            replace: true,
          })
        }
        items={[
          { value: 'overview', label: 'Overview' },
          { value: 'tasks', label: `Tasks (${tasks.data?.length ?? '…'})` },
          { value: 'logs', label: 'Logs' },
          { value: 'inspect', label: 'Inspect' },
        ]}
      >
        {tab === 'overview' && <ServiceOverview service={s} />}
        {tab === 'tasks' && (
          <div className="h-full overflow-auto">
            <TaskTable
              endpointId={endpointId}
              tasks={tasks.data ?? []}
              show="node"
              onLogs={(task, name) => setTaskLogs({ id: task.ID, name })}
            />
          </div>
        )}
        {tab === 'logs' && (
          <div className="h-full min-h-0">
            {renderLogs({ endpointId, id: s.ID, kind: 'service', name: spec.Name })}
          </div>
        )}
        {tab === 'inspect' && (
          <div className="overflow-auto p-6">
            <JsonView label={`Inspect of service ${spec.Name}`} text={JSON.stringify(s, null, 2)} />
          </div>
        )}
      </Tabs>
      {taskLogs && (
        <Dialog
          open
          onClose={() => setTaskLogs(null)}
          title={`Logs of task ${taskLogs.name}`}
          className="sm:max-w-5xl"
        >
          <div className="h-[60vh] min-h-0">
            {renderLogs({ endpointId, id: taskLogs.id, kind: 'task', name: taskLogs.name })}
          </div>
        </Dialog>
      )}
      {dialog === 'edit' && (
        <UpdateServiceDialog endpointId={endpointId} service={s} onClose={closeDialog} />
      )}
      {dialog === 'rollback' && (
        <ConfirmDialog
          title={`Roll ${spec.Name} back?`}
          description="The service returns to its previous spec; its tasks are replaced by the rollback policy."
          confirm="Roll back"
          action={() => updateService(endpointId, s, spec, { rollback: true })}
          invalidates={[endpointKeys.swarm(endpointId)]}
          onClose={closeDialog}
        />
      )}
      {dialog === 'remove' && (
        <RemoveServiceDialog
          endpointId={endpointId}
          service={s}
          onClose={closeDialog}
          onDone={() =>
            void navigate({ to: '/endpoints/$endpointId/swarm/services', params: { endpointId } })
          }
        />
      )}
    </div>
  );
}
