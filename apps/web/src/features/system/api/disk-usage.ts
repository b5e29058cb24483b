// `/system/df` summed by kind the way `docker system df` does, reclaimable included.
import type { DiskUsage } from '@berth/api';

export type UsageKind = 'images' | 'containers' | 'volumes' | 'buildCache';

export interface UsageSummary {
  kind: UsageKind;
  label: string;
  count: number;
  active: number;
  size: number;
  reclaimable: number;
}

export function summariseDiskUsage(df: DiskUsage): UsageSummary[] {
  const images = df.Images ?? [];
  const containers = df.Containers ?? [];
  const volumes = df.Volumes ?? [];
  const cache = df.BuildCache ?? [];
  const imageSize =
    df.LayersSize ?? images.reduce((sum, image) => sum + Math.max(0, image.Size), 0);
  const unusedImages = images.filter((image) => image.Containers === 0);
  const imageReclaimable = unusedImages.reduce(
    (sum, image) => sum + Math.max(0, image.Size - Math.max(0, image.SharedSize)),
    0,
  );
  const running = (state: string) => state === 'running' || state === 'paused';
  const volumeSize = (v: (typeof volumes)[number]) => Math.max(0, v.UsageData?.Size ?? 0);
  return [
    {
      kind: 'images',
      label: 'Images',
      count: images.length,
      active: images.length - unusedImages.length,
      size: imageSize,
      reclaimable: Math.min(imageReclaimable, imageSize),
    },
    {
      kind: 'containers',
      label: 'Containers',
      count: containers.length,
      active: containers.filter((c) => running(c.State)).length,
      size: containers.reduce((sum, c) => sum + (c.SizeRw ?? 0), 0),
      reclaimable: containers
        .filter((c) => !running(c.State))
        .reduce((sum, c) => sum + (c.SizeRw ?? 0), 0),
    },
    {
      kind: 'volumes',
      label: 'Local volumes',
      count: volumes.length,
      active: volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length,
      size: volumes.reduce((sum, v) => sum + volumeSize(v), 0),
      reclaimable: volumes
        .filter((v) => (v.UsageData?.RefCount ?? 0) === 0)
        .reduce((sum, v) => sum + volumeSize(v), 0),
    },
    {
      kind: 'buildCache',
      label: 'Build cache',
      count: cache.length,
      active: cache.filter((c) => c.InUse).length,
      size: cache.reduce((sum, c) => sum + c.Size, 0),
      reclaimable: cache.filter((c) => !c.InUse && !c.Shared).reduce((s, c) => s + c.Size, 0),
    },
  ];
}
