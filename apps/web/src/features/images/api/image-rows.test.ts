import type { ContainerSummary, ImageSummary } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { filterSortImages, toImageRows } from './image-rows';

const image = (id: string, tags: string[] | null, size: number, created: number): ImageSummary => ({
  Id: `sha256:${id}`,
  ParentId: '',
  RepoTags: tags,
  RepoDigests: null,
  Created: created,
  Size: size,
  SharedSize: -1,
  Labels: null,
  Containers: -1,
});

describe('image rows', () => {
  const images = [
    image('aaa', ['berth/busybox:latest'], 100, 3),
    image('bbb', ['<none>:<none>'], 50, 2),
    image('ccc', ['web:1', 'web:latest'], 300, 1),
  ];
  const usage = {
    Images: [{ ...image('aaa', null, 100, 3), Containers: 2, SharedSize: 10 }],
    Containers: [],
    Volumes: [],
    BuildCache: [],
  };

  it('takes container counts and shared size from disk usage', () => {
    const rows = toImageRows(images, usage);
    expect(rows[0]).toMatchObject({ containers: 2, sharedSize: 10, dangling: false });
    expect(rows[1]).toMatchObject({ containers: null, dangling: true, label: '<none>' });
    const legacy = toImageRows(
      [{ ...image('ddd', null, 1, 1), RepoDigests: ['<none>@<none>'] }],
      usage,
    );
    expect(legacy[0]?.label).toBe('<none>');
  });

  it('filters dangling, by text and id, and sorts', () => {
    const rows = toImageRows(images, usage);
    const bySize = { key: 'size', direction: 'desc' } as const;
    expect(filterSortImages(rows, '', false, bySize).map((r) => r.id)).toEqual([
      'sha256:ccc',
      'sha256:aaa',
      'sha256:bbb',
    ]);
    expect(filterSortImages(rows, '', true, bySize).map((r) => r.id)).toEqual(['sha256:bbb']);
    expect(filterSortImages(rows, 'web:latest', false, bySize)).toHaveLength(1);
    expect(filterSortImages(rows, 'aa', false, bySize)[0]?.id).toBe('sha256:aaa');
  });
});

describe('users of an image', () => {
  const image = {
    Id: 'sha256:aa',
    ParentId: '',
    RepoTags: ['web:1'],
    RepoDigests: [],
    Created: 1,
    Size: 1,
    SharedSize: -1,
    Labels: null,
    Containers: -1,
  };
  it('are counted from the live containers when given, else left unknown', () => {
    const user = { Id: 'c1', ImageID: 'sha256:aa' } as ContainerSummary;
    expect(toImageRows([image], undefined, [user, { ...user, Id: 'c2' }])[0]?.containers).toBe(2);
    expect(toImageRows([image], undefined, [])[0]?.containers).toBe(0);
    expect(toImageRows([image], undefined)[0]?.containers).toBeNull();
  });
});
