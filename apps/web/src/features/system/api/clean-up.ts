// What each prune would remove, computed from the lists the engine gives, and the prune calls.
import type { ContainerSummary, DiskUsage, EnginePath, Network, PruneResponse } from '@berth/api';
import { engine } from '@/lib/api-client';

export type PruneKind = 'containers' | 'networks' | 'images' | 'volumes' | 'buildCache';

export interface PreviewItem {
  id: string;
  name: string;
  size: number | null;
}

export interface PrunePreview {
  kind: PruneKind;
  items: PreviewItem[];
  space: number;
}

const BUILTIN_NETWORKS = new Set(['bridge', 'host', 'none']);

function total(items: PreviewItem[]): number {
  return items.reduce((sum, item) => sum + (item.size ?? 0), 0);
}

export function previewPrunes(input: {
  containers: ContainerSummary[];
  networks: Network[];
  df: DiskUsage;
  allImages: boolean;
}): Record<PruneKind, PrunePreview> {
  const { containers, networks, df, allImages } = input;
  const sizes = new Map((df.Containers ?? []).map((c) => [c.Id, c.SizeRw ?? null]));
  const stopped = containers
    .filter((c) => c.State !== 'running' && c.State !== 'paused' && c.State !== 'restarting')
    .map((c) => ({
      id: c.Id,
      name: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
      size: sizes.get(c.Id) ?? null,
    }));
  const used = new Set<string>();
  for (const c of containers) {
    for (const name of Object.keys(c.NetworkSettings?.Networks ?? {})) used.add(name);
    if (c.HostConfig?.NetworkMode) used.add(c.HostConfig.NetworkMode);
  }
  const unusedNetworks = networks
    .filter((n) => !BUILTIN_NETWORKS.has(n.Name) && !used.has(n.Name) && !used.has(n.Id))
    .filter((n) => n.Scope === 'local' || !n.Scope)
    .map((n) => ({ id: n.Id, name: n.Name, size: null }));
  const images = (df.Images ?? [])
    .filter((image) => image.Containers === 0)
    .filter((image) => {
      const tags = (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>');
      return allImages || tags.length === 0;
    })
    .map((image) => ({
      id: image.Id,
      name:
        (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>').join(', ') ||
        `<none> ${image.Id.replace(/^sha256:/, '').slice(0, 12)}`,
      size: Math.max(0, image.Size - Math.max(0, image.SharedSize)),
    }));
  const volumes = (df.Volumes ?? [])
    .filter((v) => (v.UsageData?.RefCount ?? 0) === 0)
    .map((v) => ({ id: v.Name, name: v.Name, size: Math.max(0, v.UsageData?.Size ?? 0) }));
  const cache = (df.BuildCache ?? [])
    .filter((c) => !c.InUse)
    .map((c) => ({
      id: c.ID,
      name: c.Description || `${c.Type} ${c.ID.slice(0, 12)}`,
      size: c.Size,
    }));
  const make = (kind: PruneKind, items: PreviewItem[]): PrunePreview => ({
    kind,
    items,
    space: total(items),
  });
  return {
    containers: make('containers', stopped),
    networks: make('networks', unusedNetworks),
    images: make('images', images),
    volumes: make('volumes', volumes),
    buildCache: make('buildCache', cache),
  };
}

export const PRUNE_PATHS = {
  containers: '/containers/prune',
  networks: '/networks/prune',
  images: '/images/prune',
  volumes: '/volumes/prune',
  buildCache: '/build/prune',
} as const satisfies Record<PruneKind, EnginePath>;

/** Engine API 1.42 made volume prune skip named volumes unless `all`; the preview counts them. */
export function runPrune(
  endpointId: string,
  kind: PruneKind,
  options: { allImages: boolean; apiVersion: string | undefined },
): Promise<PruneResponse> {
  let filters: string | undefined;
  let all: boolean | undefined;
  if (kind === 'images')
    filters = JSON.stringify({ dangling: [options.allImages ? 'false' : 'true'] });
  if (kind === 'volumes' && Number(options.apiVersion ?? '0') >= 1.42)
    filters = JSON.stringify({ all: ['true'] });
  if (kind === 'buildCache') all = true;
  return engine(endpointId).json<PruneResponse>('POST', PRUNE_PATHS[kind], {
    query: { filters, all },
  });
}

/** How many things a prune's answer says it removed. */
export function removedCount(kind: PruneKind, response: PruneResponse): number {
  switch (kind) {
    case 'containers':
      return response.ContainersDeleted?.length ?? 0;
    case 'networks':
      return response.NetworksDeleted?.length ?? 0;
    case 'images':
      return response.ImagesDeleted?.filter((item) => item.Deleted).length ?? 0;
    case 'volumes':
      return response.VolumesDeleted?.length ?? 0;
    case 'buildCache':
      return response.CachesDeleted?.length ?? 0;
  }
}
