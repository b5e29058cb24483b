import type { DiskUsage, ImageSummary } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { summariseDiskUsage } from './disk-usage';

const image = (id: string, size: number, shared: number, containers: number): ImageSummary => ({
  Id: id,
  ParentId: '',
  RepoTags: null,
  RepoDigests: null,
  Created: 0,
  Size: size,
  SharedSize: shared,
  Labels: null,
  Containers: containers,
});

describe('summariseDiskUsage', () => {
  it('sums each kind and what pruning would reclaim', () => {
    const df: DiskUsage = {
      LayersSize: 1000,
      Images: [image('a', 600, 100, 1), image('b', 500, 100, 0)],
      Containers: [
        { Id: '1', Names: [], Image: 'a', ImageID: 'a', State: 'running', SizeRw: 10 },
        { Id: '2', Names: [], Image: 'a', ImageID: 'a', State: 'exited', SizeRw: 5 },
      ],
      Volumes: [
        { Name: 'v1', Driver: 'local', Mountpoint: '', UsageData: { Size: 70, RefCount: 1 } },
        { Name: 'v2', Driver: 'local', Mountpoint: '', UsageData: { Size: 30, RefCount: 0 } },
      ],
      BuildCache: [
        { ID: 'c1', Type: 'regular', InUse: false, Shared: false, Size: 8 },
        { ID: 'c2', Type: 'regular', InUse: true, Shared: false, Size: 2 },
      ],
    };
    const [images, containers, volumes, cache] = summariseDiskUsage(df);
    expect(images).toMatchObject({ count: 2, active: 1, size: 1000, reclaimable: 400 });
    expect(containers).toMatchObject({ count: 2, active: 1, size: 15, reclaimable: 5 });
    expect(volumes).toMatchObject({ count: 2, active: 1, size: 100, reclaimable: 30 });
    expect(cache).toMatchObject({ count: 2, active: 1, size: 10, reclaimable: 8 });
  });
});
