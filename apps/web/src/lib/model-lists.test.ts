import { describe, expect, it } from 'vitest';
import { imageFromRow, networkFromRow, volumeFromRow } from './model-lists';

describe('model rows in the engine list shapes', () => {
  it('an image keeps names, size and time; its users stay unknown (-1) to be counted by the page', () => {
    const image = imageFromRow({
      id: 'sha256:aa',
      tags: ['web:1'],
      digests: ['web@sha256:bb'],
      created: 1_700_000_000,
      size: 4096,
      labels: { team: 'a' },
    });
    expect(image).toMatchObject({
      Id: 'sha256:aa',
      RepoTags: ['web:1'],
      Size: 4096,
      Containers: -1,
    });
  });

  it('a network and a volume keep what their lists show', () => {
    expect(
      networkFromRow({
        id: 'n1',
        name: 'back',
        driver: 'bridge',
        scope: 'local',
        internal: true,
        attachable: false,
        ingress: false,
        ipv6: false,
        created: '2026-12-07T10:00:00Z',
        subnets: ['10.1.0.0/24'],
        labels: {},
      }),
    ).toMatchObject({
      Name: 'back',
      Internal: true,
      IPAM: { Config: [{ Subnet: '10.1.0.0/24' }] },
    });
    expect(
      volumeFromRow({
        id: 'data',
        driver: 'local',
        mountpoint: '/var/lib/docker/volumes/data/_data',
        scope: 'local',
        created: '',
        labels: {},
      }),
    ).toMatchObject({ Name: 'data', Scope: 'local', CreatedAt: undefined });
  });
});
