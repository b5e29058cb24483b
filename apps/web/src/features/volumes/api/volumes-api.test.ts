import type { ContainerSummary, Volume } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { mountsByVolume, prunePreview, pruneSparesNamed } from './volumes-api';

const volume = (Name: string, anonymous = false): Volume => ({
  Name,
  Driver: 'local',
  Mountpoint: `/v/${Name}`,
  Scope: 'local',
  Labels: anonymous ? { 'com.docker.volume.anonymous': '' } : null,
  Options: null,
});

describe('volumes', () => {
  it('finds who mounts a volume and previews a prune', () => {
    const containers = [
      {
        Id: '1',
        Names: ['/web'],
        Mounts: [{ Type: 'volume', Name: 'data', Source: '', Destination: '/d' }],
      },
      { Id: '2', Names: ['/job'], Mounts: [{ Type: 'bind', Source: '/x', Destination: '/x' }] },
    ] as unknown as ContainerSummary[];
    const used = mountsByVolume(containers);
    expect(used.get('data')).toEqual(['web']);
    const volumes = [volume('data'), volume('old'), volume('abc123', true)];
    expect(prunePreview(volumes, used, false)).toEqual(['abc123']);
    expect(prunePreview(volumes, used, true)).toEqual(['abc123', 'old']);
    expect(prunePreview(volumes, used, false, false)).toEqual(['abc123', 'old']);
    expect(pruneSparesNamed('1.41')).toBe(false);
    expect(pruneSparesNamed('1.43')).toBe(true);
  });
});
