// From the engine's list answers to the model's compact rows: only what the lists show.
import type {
  ContainerSummary,
  ImageSummary,
  ModelContainer,
  ModelImage,
  ModelKind,
  ModelNetwork,
  ModelNode,
  ModelRow,
  ModelService,
  ModelTask,
  ModelVolume,
  Network,
  SwarmNode,
  SwarmService,
  SwarmTask,
  Volume,
} from '@berth/api';
import {
  shortImageName,
  statusAt,
  statusSince,
  toContainerRow,
  toImageSummaries,
} from '@berth/api';

export function containerRow(summary: ContainerSummary, readAt = Date.now()): ModelContainer {
  const networks = Object.values(summary.NetworkSettings?.Networks ?? {})
    .map((settings) => settings.NetworkID ?? '')
    .filter(Boolean);
  const volumes = (summary.Mounts ?? [])
    .filter((mount) => mount.Type === 'volume' && mount.Name)
    .map((mount) => mount.Name ?? '');
  return {
    ...toContainerRow(summary),
    networks,
    volumes,
    imageId: summary.ImageID ?? '',
    since: statusSince(summary.Status, readAt),
  };
}

export function imageRow(image: ImageSummary): ModelImage {
  return {
    id: image.Id,
    // An untagged image lists `<none>:<none>` on older engines: that is no tag.
    tags: (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>'),
    digests: (image.RepoDigests ?? []).filter((digest) => digest !== '<none>@<none>'),
    created: image.Created,
    size: image.Size,
    labels: image.Labels ?? {},
  };
}

export function networkRow(network: Network): ModelNetwork {
  return {
    id: network.Id,
    name: network.Name,
    driver: network.Driver,
    scope: network.Scope,
    internal: Boolean(network.Internal),
    attachable: Boolean(network.Attachable),
    ingress: Boolean((network as Network & { Ingress?: boolean }).Ingress),
    ipv6: Boolean(network.EnableIPv6),
    created: network.Created ?? '',
    subnets: (network.IPAM?.Config ?? []).map((c) => c.Subnet ?? '').filter(Boolean),
    labels: network.Labels ?? {},
  };
}

export function volumeRow(volume: Volume): ModelVolume {
  return {
    id: volume.Name,
    driver: volume.Driver,
    mountpoint: volume.Mountpoint,
    scope: volume.Scope,
    created: volume.CreatedAt ?? '',
    labels: volume.Labels ?? {},
  };
}

export function serviceRow(service: SwarmService): ModelService {
  const mode = service.Spec.Mode as
    | {
        Replicated?: { Replicas?: number };
        Global?: object;
        ReplicatedJob?: object;
        GlobalJob?: object;
      }
    | undefined;
  return {
    id: service.ID,
    name: service.Spec.Name,
    image: shortImageName(service.Spec.TaskTemplate.ContainerSpec?.Image ?? ''),
    mode: mode?.Global
      ? 'global'
      : mode?.ReplicatedJob
        ? 'replicated-job'
        : mode?.GlobalJob
          ? 'global-job'
          : 'replicated',
    replicas: mode?.Global || mode?.GlobalJob ? null : (mode?.Replicated?.Replicas ?? 1),
    ports: (service.Endpoint?.Ports ?? []).map((port) => ({
      hostIp: '',
      hostPort: port.PublishedPort ?? null,
      containerPort: port.TargetPort,
      protocol: port.Protocol ?? 'tcp',
    })),
    updatedAt: service.UpdatedAt,
    updateState: service.UpdateStatus?.State ?? '',
    labels: service.Spec.Labels ?? {},
    secrets: (service.Spec.TaskTemplate.ContainerSpec?.Secrets ?? []).map((ref) => ref.SecretID),
    configs: (service.Spec.TaskTemplate.ContainerSpec?.Configs ?? []).map((ref) => ref.ConfigID),
  };
}

export function taskRow(task: SwarmTask): ModelTask {
  return {
    id: task.ID,
    serviceId: task.ServiceID,
    nodeId: task.NodeID ?? '',
    slot: task.Slot ?? null,
    state: task.Status.State,
    desiredState: task.DesiredState,
    message: task.Status.Message ?? '',
    error: task.Status.Err ?? '',
    containerId: task.Status.ContainerStatus?.ContainerID ?? '',
    updatedAt: task.UpdatedAt,
  };
}

export function nodeRow(node: SwarmNode): ModelNode {
  return {
    id: node.ID,
    hostname: node.Description.Hostname,
    role: node.Spec.Role,
    availability: node.Spec.Availability,
    state: node.Status.State,
    addr: node.Status.Addr ?? '',
    leader: Boolean(node.ManagerStatus?.Leader),
    reachability: node.ManagerStatus?.Reachability ?? '',
    engineVersion: node.Description.Engine?.EngineVersion ?? '',
    nanoCpus: node.Description.Resources?.NanoCPUs ?? 0,
    memoryBytes: node.Description.Resources?.MemoryBytes ?? 0,
    labels: node.Spec.Labels ?? {},
  };
}

/**
 * The fields of `next` that differ from `previous` (compared by value), or null when none do.
 * Rows are small and flat-ish, so comparing nested values as JSON is cheap and exact.
 */
export function changedFields(previous: ModelRow, next: ModelRow): Partial<ModelRow> | null {
  const before = previous as unknown as Record<string, unknown>;
  const after = next as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let changed = false;
  for (const [key, value] of Object.entries(after)) {
    const old = before[key];
    const same =
      old === value ||
      (typeof value === 'object' &&
        value !== null &&
        typeof old === 'object' &&
        JSON.stringify(old) === JSON.stringify(value));
    if (!same) {
      out[key] = value;
      changed = true;
    }
  }
  return changed ? (out as Partial<ModelRow>) : null;
}

/** What each kind's engine list call answers, mapped to rows. */
export type RowMapper = (raw: unknown) => ModelRow;

export const ROW_MAPPERS: Record<ModelKind, RowMapper> = {
  containers: (raw) => containerRow(raw as ContainerSummary),
  // pouchd lists full image records (CreatedAt, no Created): the shared adapter makes summaries.
  images: (raw) => imageRow(toImageSummaries([raw])[0] as ImageSummary),
  networks: (raw) => networkRow(raw as Network),
  volumes: (raw) => volumeRow(raw as Volume),
  services: (raw) => serviceRow(raw as SwarmService),
  tasks: (raw) => taskRow(raw as SwarmTask),
  nodes: (raw) => nodeRow(raw as SwarmNode),
};

/**
 * Picks the most exact `since` for a container read again: the time of the event that began its
 * state when there is one, else the previous value while it still explains the new status text
 * (the text has seconds-to-years granularity, so each read would otherwise move it a little).
 */
export function settleSince(
  previous: ModelContainer | undefined,
  next: ModelContainer,
  eventAt: number | undefined,
  readAt: number,
): ModelContainer {
  if (eventAt !== undefined && next.since !== null) return { ...next, since: eventAt };
  if (
    previous?.since !== undefined &&
    previous.since !== null &&
    previous.state === next.state &&
    statusAt(next.status, previous.since, readAt) === next.status
  ) {
    return { ...next, since: previous.since };
  }
  return next;
}
