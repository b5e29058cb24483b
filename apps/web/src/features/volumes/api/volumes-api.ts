import { encodeFilters, endpointKeys } from '@berth/api';
import type { ContainerSummary, Volume, VolumeCreateBody } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
import { engine } from '@/lib/api-client';

export function createVolume(endpointId: string, body: VolumeCreateBody) {
  return engine(endpointId).json<Volume>('POST', '/volumes/create', { body });
}

/** Creating a volume: the list and the disk usage change. */
export function createVolumeMutation(
  endpointId: string,
): UseMutationOptions<Volume, Error, VolumeCreateBody> {
  return {
    mutationFn: (body) => createVolume(endpointId, body),
    meta: { invalidates: [endpointKeys.volumes(endpointId), endpointKeys.diskUsage(endpointId)] },
  };
}

export function removeVolume(endpointId: string, name: string, force: boolean) {
  return engine(endpointId).json('DELETE', '/volumes/{name}', {
    params: { name },
    query: { force: force || undefined },
  });
}

export function pruneVolumes(endpointId: string, all: boolean) {
  // Older engines reject unknown filters: only send `all` when it is asked for (and supported).
  return engine(endpointId).json<{ VolumesDeleted: string[] | null; SpaceReclaimed: number }>(
    'POST',
    '/volumes/prune',
    { query: { filters: all ? encodeFilters({ all: ['true'] }) : undefined } },
  );
}

/** Volume name -> names of the containers that mount it (running or not). */
export function mountsByVolume(containers: readonly ContainerSummary[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const container of containers) {
    const name = (container.Names[0] ?? container.Id).replace(/^\//, '');
    for (const mount of container.Mounts ?? []) {
      if (mount.Type !== 'volume' || !mount.Name) continue;
      const list = out.get(mount.Name) ?? [];
      list.push(name);
      out.set(mount.Name, list);
    }
  }
  return out;
}

/** API 1.42 (Docker 23) made prune spare named volumes unless asked (`all`); before, it took all. */
export function pruneSparesNamed(apiVersion: string | null | undefined): boolean {
  const [major = 0, minor = 0] = (apiVersion ?? '1.41').split('.').map(Number);
  return major > 1 || (major === 1 && minor >= 42);
}

/** What `volumes/prune` removes: unused volumes; on newer engines without `all`, anonymous ones. */
export function prunePreview(
  volumes: readonly Volume[],
  used: ReadonlyMap<string, string[]>,
  all: boolean,
  sparesNamed = true,
): string[] {
  return volumes
    .filter((v) => !used.get(v.Name)?.length)
    .filter(
      (v) => all || !sparesNamed || Object.hasOwn(v.Labels ?? {}, 'com.docker.volume.anonymous'),
    )
    .map((v) => v.Name)
    .sort();
}

/** VolumeInspect (Docker and pouchd `GET /volumes/{name}`): the engine's answer, `Status` included. */
export function volumeInspectQueryOptions(endpointId: string, name: string) {
  return queryOptions({
    queryKey: [...endpointKeys.volumes(endpointId), 'inspect', name],
    queryFn: ({ signal }) =>
      engine(endpointId).json<Volume>('GET', '/volumes/{name}', { params: { name }, signal }),
  });
}
