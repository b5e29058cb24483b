import { endpointKeys, formatAgo } from '@berth/api';
import type { ServiceSpec, SwarmService } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { History, Pencil, RefreshCw, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { TextAreaField, TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { JsonView } from '@/components/ui/json-view';
import { KeyValueList } from '@/components/ui/key-value';
import { Panel } from '@/components/ui/panel';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Tabs } from '@/components/ui/tabs';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEnginePermission } from '@/hooks/use-me';
import {
  desiredReplicas,
  forcedSpec,
  removeService,
  runningCount,
  serviceQueryOptions,
  tasksQueryOptions,
  updateService,
} from '../api/swarm-api';
import { ConfirmDialog, PageHeader } from '../components/swarm-bits';
import { TaskTable } from '../components/task-table';
import { ScaleControl } from './services-route';

export type ServiceTab = 'overview' | 'tasks' | 'logs' | 'inspect';
const TABS: readonly ServiceTab[] = ['overview', 'tasks', 'logs', 'inspect'];

export function parseServiceSearch(search: Record<string, unknown>): { tab?: ServiceTab } {
  const tab = TABS.find((t) => t !== 'overview' && t === search.tab);
  return tab ? { tab } : {};
}

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
  const tasks = useQuery(tasksQueryOptions(endpointId, { service: serviceId }));
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

  if (service.isPending) return <SkeletonRows rows={6} label="Loading the service" />;
  if (service.isError)
    return (
      <ErrorState
        title="Could not inspect the service"
        message={service.error.message}
        onRetry={() => void service.refetch()}
      />
    );
  const s = service.data;
  const spec = s.Spec;
  const container = spec.TaskTemplate.ContainerSpec;
  const desired = desiredReplicas(s);
  const running = runningCount(tasks.data ?? [], s.ID);

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
            · {container?.Image.replace(/@sha256:.*$/, '')} ·{' '}
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
        {tab === 'overview' && (
          <div className="grid gap-4 overflow-auto p-6 lg:grid-cols-2">
            <Panel title="Service" bodyClassName="px-4 py-1">
              <KeyValueList
                items={[
                  { label: 'ID', value: s.ID, mono: true },
                  { label: 'Image', value: container?.Image, mono: true },
                  {
                    label: 'Mode',
                    value: spec.Mode?.Global ? 'global' : `replicated (${desired})`,
                  },
                  { label: 'Command', value: (container?.Command ?? []).join(' '), mono: true },
                  { label: 'Arguments', value: (container?.Args ?? []).join(' '), mono: true },
                  { label: 'Created', value: formatAgo(new Date(s.CreatedAt).getTime()) },
                  { label: 'Updated', value: formatAgo(new Date(s.UpdatedAt).getTime()) },
                  {
                    label: 'Update status',
                    value: s.UpdateStatus
                      ? `${s.UpdateStatus.State ?? ''} ${s.UpdateStatus.Message ?? ''}`
                      : '',
                  },
                ]}
              />
            </Panel>
            <Panel title="Configuration" bodyClassName="px-4 py-1">
              <KeyValueList
                items={[
                  { label: 'Environment', value: (container?.Env ?? []).join('\n'), mono: true },
                  {
                    label: 'Ports',
                    value: (s.Endpoint?.Ports ?? [])
                      .map(
                        (p) =>
                          `${p.PublishedPort}→${p.TargetPort}/${p.Protocol} (${p.PublishMode})`,
                      )
                      .join(', '),
                    mono: true,
                  },
                  {
                    label: 'Secrets',
                    value: (container?.Secrets ?? [])
                      .map((r) => `${r.SecretName} → ${r.File?.Name ?? ''}`)
                      .join(', '),
                  },
                  {
                    label: 'Configs',
                    value: (container?.Configs ?? [])
                      .map((r) => `${r.ConfigName} → ${r.File?.Name ?? ''}`)
                      .join(', '),
                  },
                  {
                    label: 'Constraints',
                    value: (spec.TaskTemplate.Placement?.Constraints ?? []).join(', '),
                    mono: true,
                  },
                ]}
              />
            </Panel>
          </div>
        )}
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
        <UpdateServiceDialog endpointId={endpointId} service={s} onClose={() => setDialog(null)} />
      )}
      {dialog === 'rollback' && (
        <ConfirmDialog
          title={`Roll ${spec.Name} back?`}
          description="The service returns to its previous spec; its tasks are replaced by the rollback policy."
          confirm="Roll back"
          action={() => updateService(endpointId, s, spec, { rollback: true })}
          invalidates={[endpointKeys.swarm(endpointId)]}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'remove' && (
        <ConfirmDialog
          title={`Remove ${spec.Name}?`}
          description="Its tasks are stopped and removed on every node."
          confirm="Remove service"
          action={() => removeService(endpointId, s.ID)}
          invalidates={[endpointKeys.swarm(endpointId)]}
          onClose={() => setDialog(null)}
          onDone={() =>
            void navigate({ to: '/endpoints/$endpointId/swarm/services', params: { endpointId } })
          }
        />
      )}
    </div>
  );
}

/**
 * The fields people change most (image, environment, replicas) as a form, and the whole spec as
 * JSON for everything else; the object's version goes back with it.
 */
function UpdateServiceDialog({
  endpointId,
  service,
  onClose,
}: {
  endpointId: string;
  service: SwarmService;
  onClose: () => void;
}) {
  const spec = service.Spec;
  const [image, setImage] = useState(spec.TaskTemplate.ContainerSpec?.Image ?? '');
  const [env, setEnv] = useState((spec.TaskTemplate.ContainerSpec?.Env ?? []).join('\n'));
  const [replicas, setReplicas] = useState(String(desiredReplicas(service) ?? ''));
  const [queryRegistry, setQueryRegistry] = useState(true);
  const [json, setJson] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (next: ServiceSpec) => updateService(endpointId, service, next, { queryRegistry }),
    meta: { toastOnError: false, invalidates: [endpointKeys.swarm(endpointId)] },
    onSuccess: (answer) => {
      if (!answer.warnings.length) onClose();
    },
  });

  function submit() {
    setProblem(null);
    if (json !== null) {
      try {
        mutation.mutate(JSON.parse(json) as ServiceSpec);
      } catch (error) {
        setProblem(`The spec is not valid JSON: ${(error as Error).message}`);
      }
      return;
    }
    if (!image.trim()) return setProblem('An image is required.');
    if (!spec.Mode?.Global && !/^\d+$/.test(replicas.trim()))
      return setProblem('Replicas must be a whole number.');
    const lines = env
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    mutation.mutate({
      ...spec,
      TaskTemplate: {
        ...spec.TaskTemplate,
        ContainerSpec: { ...spec.TaskTemplate.ContainerSpec, Image: image.trim(), Env: lines },
      },
      ...(spec.Mode?.Global ? {} : { Mode: { Replicated: { Replicas: Number(replicas) } } }),
    });
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Update ${spec.Name}`}
      className="sm:max-w-2xl"
      busy={mutation.isPending}
      footer={
        mutation.isSuccess ? (
          <Button onClick={onClose}>Close</Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button variant="primary" loading={mutation.isPending} onClick={submit}>
              Update service
            </Button>
          </>
        )
      }
    >
      <div className="flex flex-col gap-3">
        {json === null ? (
          <>
            <TextField label="Image" value={image} onChange={(e) => setImage(e.target.value)} />
            {!spec.Mode?.Global && (
              <TextField
                label="Replicas"
                inputMode="numeric"
                value={replicas}
                onChange={(e) => setReplicas(e.target.value)}
              />
            )}
            <TextAreaField
              label="Environment"
              hint="One KEY=value a line."
              value={env}
              onChange={(e) => setEnv(e.target.value)}
            />
            <div>
              <Button size="sm" onClick={() => setJson(JSON.stringify(spec, null, 2))}>
                Edit the whole spec as JSON
              </Button>
            </div>
          </>
        ) : (
          <TextAreaField
            label="Service spec (JSON)"
            rows={18}
            value={json}
            onChange={(e) => setJson(e.target.value)}
          />
        )}
        <CheckboxField
          label="Resolve the image to a digest in its registry"
          checked={queryRegistry}
          onChange={(e) => setQueryRegistry(e.target.checked)}
        />
        {problem && <InlineAlert>{problem}</InlineAlert>}
        {mutation.isError && (
          <InlineAlert title="The engine refused">{mutation.error.message}</InlineAlert>
        )}
        {mutation.data?.warnings.length ? (
          <InlineAlert tone="warning" title="Updated, with a warning">
            {mutation.data.warnings.join(' ')}
          </InlineAlert>
        ) : null}
      </div>
    </Dialog>
  );
}
