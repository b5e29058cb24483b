import { describe, expect, it } from 'vitest';
import { readDistribution } from './swarm-types';

describe('readDistribution', () => {
  it('reads the OCI lower-case answer of current engines and the 1.33 capitalised one alike', () => {
    const modern = readDistribution({
      Descriptor: {
        mediaType: 'application/vnd.oci.image.index.v1+json',
        digest: 'sha256:a',
        size: 9,
      },
      Platforms: [{ architecture: 'arm64', os: 'linux', variant: 'v8' }],
    });
    const old = readDistribution({
      Descriptor: {
        MediaType: 'application/vnd.oci.image.index.v1+json',
        Digest: 'sha256:a',
        Size: 9,
      },
      Platforms: [{ Architecture: 'arm64', OS: 'linux', Variant: 'v8' }],
    });
    expect(modern).toEqual(old);
    expect(modern).toEqual({
      digest: 'sha256:a',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: 9,
      platforms: ['linux/arm64/v8'],
    });
    expect(readDistribution({ Descriptor: {}, Platforms: null }).platforms).toEqual([]);
  });
});
