import { describe, expect, it } from 'vitest';
import {
  checkpointCreateBody,
  checkpointNames,
  upgradeBody,
  validateCheckpointDir,
  validateCheckpointId,
  validateUpgrade,
} from './pouch';

describe('checkpoints (PouchContainer)', () => {
  it("reads pouchd's list: null when empty, names or Checkpoint objects", () => {
    expect(checkpointNames(null)).toEqual([]);
    expect(checkpointNames(['cp1', 'cp2'])).toEqual(['cp1', 'cp2']);
    expect(checkpointNames([{ CheckpointName: 'cp3', ContainerID: 'abc' }])).toEqual(['cp3']);
  });

  it('sends CheckpointCreateOptions with Exit and the directory only when given', () => {
    expect(checkpointCreateBody({ id: ' cp1 ', dir: '', exit: true })).toEqual({
      CheckpointID: 'cp1',
      Exit: true,
    });
    expect(checkpointCreateBody({ id: 'cp1', dir: '/var/cp', exit: false })).toEqual({
      CheckpointID: 'cp1',
      CheckpointDir: '/var/cp',
      Exit: false,
    });
  });

  it('validates the name and directory with messages a person can act on', () => {
    expect(validateCheckpointId('')).toBe('Name the checkpoint.');
    expect(validateCheckpointId('../x')).toMatch(/Letters, digits/);
    expect(validateCheckpointId('cp-1.a_b')).toBeNull();
    expect(validateCheckpointDir('relative/dir')).toBe('An absolute path on the engine host.');
    expect(validateCheckpointDir('')).toBeNull();
  });
});

describe('upgrade (PouchContainer)', () => {
  const current = 'registry.hub.docker.com/library/busybox:latest';

  it('refuses the image the container runs, as pouchd would ("image not changed")', () => {
    expect(validateUpgrade({ image: 'busybox', cmd: '', entrypoint: '' }, current).image).toMatch(
      /image the container runs/,
    );
    expect(validateUpgrade({ image: 'busybox:1.36', cmd: '', entrypoint: '' }, current)).toEqual(
      {},
    );
    expect(validateUpgrade({ image: '', cmd: '', entrypoint: '' }, current).image).toBe(
      'Name the new image.',
    );
  });

  it('says which command line does not parse', () => {
    expect(
      validateUpgrade({ image: 'busybox:1.36', cmd: 'sh -c "echo', entrypoint: '' }, current).cmd,
    ).toBeTruthy();
  });

  it('sends Image and only the Cmd/Entrypoint given, split like a shell', () => {
    expect(upgradeBody({ image: ' busybox:1.36 ', cmd: '', entrypoint: '' })).toEqual({
      Image: 'busybox:1.36',
    });
    expect(
      upgradeBody({ image: 'busybox:1.36', cmd: 'sh -c "sleep 1"', entrypoint: '/bin/env' }),
    ).toEqual({ Image: 'busybox:1.36', Cmd: ['sh', '-c', 'sleep 1'], Entrypoint: ['/bin/env'] });
  });
});
