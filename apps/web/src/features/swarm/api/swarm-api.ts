import {
  EngineError,
  encodeFilters,
  endpointKeys,
  isEngineError,
  readDistribution,
} from '@berth/api';
import type {
  DistributionInspect,
  ModelTask,
  NodeSpec,
  ServiceSpec,
  SwarmDataObject,
  SwarmInspect,
  SwarmNode,
  SwarmService,
  SwarmSpec,
  SwarmTask,
} from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import { useCallback } from 'react';
import { engine } from '@/lib/api-client';
import type { ListSource } from '@/lib/list-source';
import { useModelList } from '@/lib/model-lists';
import type { ServiceListItem, ServiceModeSpec } from './swarm-lists';

const keys = (endpointId: string) => endpointKeys.swarm(endpointId);

export type DataKind = 'secrets' | 'configs';

export function swarmQueryOptions(endpointId: string) {
  return queryOptions({
    queryKey: [...keys(endpointId), 'inspect'],
    queryFn: ({ signal }) => engine(endpointId).json<SwarmInspect>('GET', '/swarm', { signal }),
  });
}

export function nodesQueryOptions(endpointId: string) {
  return queryOptions({
    queryKey: [...keys(endpointId), 'nodes'],
    queryFn: ({ signal }) => engine(endpointId).json<SwarmNode[]>('GET', '/nodes', { signal }),
  });
}

export function servicesQueryOptions(endpointId: string) {
  return queryOptions({
    queryKey: [...keys(endpointId), 'services'],
    queryFn: ({ signal }) =>
      engine(endpointId).json<SwarmService[]>('GET', '/services', { signal }),
  });
}

export function serviceQueryOptions(endpointId: string, serviceId: string) {
  return queryOptions({
    queryKey: [...keys(endpointId), 'service', serviceId],
    queryFn: ({ signal }) =>
      engine(endpointId).json<SwarmService>('GET', '/services/{id}', {
        params: { id: serviceId },
        signal,
      }),
  });
}

/**
 * Tasks change state on every node without an event reaching this engine (only container events
 * of this node do), so task lists also refresh on a slow timer while they are on screen.
 */
export function tasksQueryOptions(endpointId: string, filter: { service?: string; node?: string }) {
  const filters: Record<string, string[]> = {};
  if (filter.service) filters.service = [filter.service];
  if (filter.node) filters.node = [filter.node];
  return queryOptions({
    queryKey: [...keys(endpointId), 'tasks', filters],
    queryFn: ({ signal }) =>
      engine(endpointId).json<SwarmTask[]>('GET', '/tasks', {
        signal,
        query: { filters: Object.keys(filters).length ? encodeFilters(filters) : undefined },
      }),
    // …but not while the engine refuses (e.g. this node left the swarm): no polling a 503.
    refetchInterval: (query) => (query.state.status === 'error' ? false : 3000),
  });
}

export function dataQueryOptions(endpointId: string, kind: DataKind) {
  return queryOptions({
    queryKey: [...keys(endpointId), kind],
    queryFn: ({ signal }) =>
      engine(endpointId).json<SwarmDataObject[]>('GET', `/${kind}` as const, { signal }),
  });
}

/** NodeInspect: the full node (Description.Resources, Engine, TLSInfo, ManagerStatus). */
export function nodeInspectQueryOptions(endpointId: string, nodeId: string) {
  return queryOptions({
    queryKey: [...keys(endpointId), 'node', nodeId],
    queryFn: ({ signal }) =>
      engine(endpointId).json<SwarmNode>('GET', '/nodes/{id}', { params: { id: nodeId }, signal }),
  });
}

/** TaskInspect: the task as the engine has it now (Status.ContainerStatus, NetworksAttachments). */
export function taskInspectQueryOptions(endpointId: string, taskId: string) {
  return queryOptions({
    queryKey: [...keys(endpointId), 'task', taskId],
    queryFn: ({ signal }) =>
      engine(endpointId).json<SwarmTask>('GET', '/tasks/{id}', { params: { id: taskId }, signal }),
  });
}

/** SecretInspect / ConfigInspect: one object by id. */
export function dataInspectQueryOptions(endpointId: string, kind: DataKind, id: string) {
  return queryOptions({
    queryKey: [...keys(endpointId), kind, 'inspect', id],
    queryFn: ({ signal }) =>
      engine(endpointId).json<SwarmDataObject>('GET', `/${kind}/{id}` as const, {
        params: { id },
        signal,
      }),
  });
}

export function initSwarm(endpointId: string, body: Record<string, unknown>) {
  return engine(endpointId).json<string>('POST', '/swarm/init', { body });
}

export function joinSwarm(endpointId: string, body: Record<string, unknown>) {
  return engine(endpointId).json<undefined>('POST', '/swarm/join', { body });
}

export function leaveSwarm(endpointId: string, force: boolean) {
  return engine(endpointId).json<undefined>('POST', '/swarm/leave', {
    query: { force: force || undefined },
  });
}

export function updateSwarm(
  endpointId: string,
  version: number,
  spec: SwarmSpec,
  rotate: { worker?: boolean; manager?: boolean; unlockKey?: boolean } = {},
) {
  return versioned(
    engine(endpointId).json<undefined>('POST', '/swarm/update', {
      body: spec,
      query: {
        version,
        rotateWorkerToken: rotate.worker || undefined,
        rotateManagerToken: rotate.manager || undefined,
        rotateManagerUnlockKey: rotate.unlockKey || undefined,
      },
    }),
  );
}

export function getUnlockKey(endpointId: string) {
  return engine(endpointId).json<{ UnlockKey: string }>('GET', '/swarm/unlockkey');
}

export function unlockSwarm(endpointId: string, key: string) {
  return engine(endpointId).json<undefined>('POST', '/swarm/unlock', {
    body: { UnlockKey: key },
  });
}

export function updateNode(endpointId: string, node: SwarmNode, spec: NodeSpec) {
  return versioned(
    engine(endpointId).json<undefined>('POST', '/nodes/{id}/update', {
      params: { id: node.ID },
      body: spec,
      query: { version: node.Version.Index },
    }),
  );
}

export function removeNode(endpointId: string, id: string, force: boolean) {
  return engine(endpointId).json<undefined>('DELETE', '/nodes/{id}', {
    params: { id },
    query: { force: force || undefined },
  });
}

/** `name:tag@sha256:…` → `name:tag`: a pinned image is re-resolved from its tag. */
export function imageTag(image: string): string {
  return image.replace(/@sha256:[0-9a-f]+$/, '');
}

/**
 * What `QueryRegistry` does: since API 1.30 the engine no longer asks the registry itself, the
 * client does (`GET /distribution/{image}/json`) and pins the spec's image to the digest, so every
 * node runs the same image even if the tag moves. An image the registry can't tell about (a
 * local build, no credentials) keeps its tag, with a warning, as the docker CLI does.
 */
export async function resolveImage(
  endpointId: string,
  spec: ServiceSpec,
): Promise<{ spec: ServiceSpec; warning?: string }> {
  const image = spec.TaskTemplate.ContainerSpec?.Image;
  if (!image) return { spec };
  const tag = imageTag(image);
  try {
    const answer = await engine(endpointId).json<DistributionInspect>(
      'GET',
      '/distribution/{name*}/json',
      { params: { name: tag } },
    );
    const { digest } = readDistribution(answer);
    if (!digest) return { spec };
    return {
      spec: {
        ...spec,
        TaskTemplate: {
          ...spec.TaskTemplate,
          ContainerSpec: { ...spec.TaskTemplate.ContainerSpec, Image: `${tag}@${digest}` },
        },
      },
    };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      spec,
      warning: `${tag} could not be resolved in its registry (${why}); nodes may run different versions of it.`,
    };
  }
}

export async function createService(endpointId: string, spec: ServiceSpec, queryRegistry: boolean) {
  const resolved = queryRegistry ? await resolveImage(endpointId, spec) : { spec };
  const created = await engine(endpointId).json<{ ID: string; Warning?: string }>(
    'POST',
    '/services/create',
    { body: resolved.spec },
  );
  const warnings = [resolved.warning, created.Warning].filter((w): w is string => Boolean(w));
  return { ID: created.ID, warnings };
}

export async function updateService(
  endpointId: string,
  service: SwarmService,
  spec: ServiceSpec,
  options: { rollback?: boolean; queryRegistry?: boolean } = {},
): Promise<{ warnings: string[] }> {
  const resolved =
    options.queryRegistry && !options.rollback ? await resolveImage(endpointId, spec) : { spec };
  const answer = await versioned(
    engine(endpointId).json<{ Warnings?: string[] | null } | undefined>(
      'POST',
      '/services/{id}/update',
      {
        params: { id: service.ID },
        body: resolved.spec,
        query: {
          version: service.Version.Index,
          rollback: options.rollback ? 'previous' : undefined,
        },
      },
    ),
  );
  return {
    warnings: [resolved.warning, ...(answer?.Warnings ?? [])].filter((w): w is string =>
      Boolean(w),
    ),
  };
}

/**
 * The service as the engine has it now: its whole spec and version, which a change sends back
 * (the list's rows carry neither). Read at the moment of the change, so the version is current.
 */
export function inspectService(endpointId: string, serviceId: string) {
  return engine(endpointId).json<SwarmService>('GET', '/services/{id}', {
    params: { id: serviceId },
  });
}

export function removeService(endpointId: string, id: string) {
  return engine(endpointId).json<undefined>('DELETE', '/services/{id}', { params: { id } });
}

export function createData(endpointId: string, kind: DataKind, spec: Record<string, unknown>) {
  return engine(endpointId).json<{ ID: string }>('POST', `/${kind}/create` as const, {
    body: spec,
  });
}

export function updateData(
  endpointId: string,
  kind: DataKind,
  object: SwarmDataObject,
  labels: Record<string, string>,
) {
  return versioned(
    engine(endpointId).json<undefined>('POST', `/${kind}/{id}/update` as const, {
      params: { id: object.ID },
      // Only labels may change; the engine wants the rest of the spec as it is.
      body: { ...object.Spec, Labels: labels },
      query: { version: object.Version.Index },
    }),
  );
}

export function removeData(endpointId: string, kind: DataKind, id: string) {
  return engine(endpointId).json<undefined>('DELETE', `/${kind}/{id}` as const, { params: { id } });
}

// ── pure helpers ───────────────────────────────────────────────────────────

export const CONFLICT_MESSAGE = 'This object changed meanwhile, reload and try again.';

/** The engine's "update out of sequence" means someone else changed the object first. */
export function versionConflictMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /update out of sequence/i.test(message) ? CONFLICT_MESSAGE : message;
}

/** Updates carry the object's version; a stale one fails in words a person can act on. */
function versioned<T>(call: Promise<T>): Promise<T> {
  return call.catch((error: unknown) => {
    if (isVersionConflict(error)) throw new EngineError(409, CONFLICT_MESSAGE);
    throw error;
  });
}

export function isVersionConflict(error: unknown): boolean {
  return isEngineError(error) && /update out of sequence/i.test(error.message);
}

/** A service's desired replicas (null for a global service). */
export function desiredReplicas(service: { Spec: { Mode?: ServiceModeSpec } }): number | null {
  const mode = service.Spec.Mode;
  return mode?.Global || mode?.GlobalJob ? null : (mode?.Replicated?.Replicas ?? 1);
}

export function runningCount(tasks: readonly TaskListItem[], serviceId: string): number {
  return tasks.filter(
    (t) =>
      t.ServiceID === serviceId && t.DesiredState === 'running' && t.Status.State === 'running',
  ).length;
}

/** Scale a replicated service: the rest of its spec goes back as it is. */
export function scaledSpec(spec: ServiceSpec, replicas: number): ServiceSpec {
  return { ...spec, Mode: { Replicated: { Replicas: replicas } } };
}

/** Force-update: bump ForceUpdate so every task is replaced though nothing else changed. */
export function forcedSpec(spec: ServiceSpec): ServiceSpec {
  return {
    ...spec,
    TaskTemplate: { ...spec.TaskTemplate, ForceUpdate: (spec.TaskTemplate.ForceUpdate ?? 0) + 1 },
  };
}

/** UTF-8 text to base64 (a secret's or config's Data). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(data: string): string {
  const binary = atob(data.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Which services use each secret or config (by ID), for the lists' "Used by" column. */
export function usageByData(services: readonly ServiceListItem[], kind: DataKind) {
  const out = new Map<string, string[]>();
  for (const service of services) {
    const spec = service.Spec.TaskTemplate.ContainerSpec;
    const refs =
      kind === 'secrets'
        ? (spec?.Secrets ?? []).map((s) => s.SecretID)
        : (spec?.Configs ?? []).map((c) => c.ConfigID);
    for (const id of refs) out.set(id, [...(out.get(id) ?? []), service.Spec.Name]);
  }
  return out;
}

/** Task states in the order a person reads them, with the tone of their badge. */
export function taskTone(state: string): 'ok' | 'busy' | 'bad' | 'idle' {
  if (state === 'running' || state === 'complete') return 'ok';
  if (['failed', 'rejected', 'orphaned', 'remove'].includes(state)) return 'bad';
  if (['shutdown'].includes(state)) return 'idle';
  return 'busy';
}

export function shortId(id: string): string {
  return id.slice(0, 12);
}

/** What the task lists show of a task: the live model's fields, in the engine's names. */
export type TaskListItem = Pick<
  SwarmTask,
  'ID' | 'ServiceID' | 'NodeID' | 'Slot' | 'Status' | 'DesiredState' | 'UpdatedAt'
>;

/**
 * One list item per model row object: the replica replaces a row only when it changes, so a
 * task that did not change keeps its item, and a memoised card (the cluster view's 200) skips
 * its render when another task moves.
 */
const taskItems = new WeakMap<ModelTask, TaskListItem>();

export function taskFromRow(row: ModelTask): TaskListItem {
  let item = taskItems.get(row);
  if (!item) {
    item = toTaskListItem(row);
    taskItems.set(row, item);
  }
  return item;
}

function toTaskListItem(row: ModelTask): TaskListItem {
  return {
    ID: row.id,
    ServiceID: row.serviceId,
    NodeID: row.nodeId || undefined,
    Slot: row.slot ?? undefined,
    Status: {
      State: row.state,
      Message: row.message,
      Err: row.error || undefined,
      ContainerStatus: row.containerId ? { ContainerID: row.containerId } : undefined,
    },
    DesiredState: row.desiredState,
    UpdatedAt: row.updatedAt,
  };
}

const sameTasks = (tasks: SwarmTask[]): TaskListItem[] => tasks;

/**
 * The swarm's tasks (all, one service's or one node's) from the gateway's live model, which
 * reads them for every viewer at once (on events and every 2 s); the engine's list, polled, only
 * while the model cannot answer.
 */
export function useTaskList(
  endpointId: string,
  filter: { service?: string; node?: string },
): ListSource<TaskListItem[]> {
  const { service, node } = filter;
  const fromRows = useCallback(
    (rows: readonly ModelTask[]) =>
      rows
        .filter((row) => (!service || row.serviceId === service) && (!node || row.nodeId === node))
        .map(taskFromRow),
    [service, node],
  );
  return useModelList(
    endpointId,
    'tasks',
    tasksQueryOptions(endpointId, { service, node }),
    fromRows,
    sameTasks,
    { swarm: true },
  );
}
