import { describe, expect, it } from 'vitest';
import { emptyVolumeForm, toVolumeCreate, volumeFormSchema } from './volume-form';

describe('the create-volume form', () => {
  it('turns rows into the engine body, dropping blank keys and trimming', () => {
    const values = volumeFormSchema.parse({
      name: ' data ',
      driver: '',
      options: [
        { key: 'type', value: 'tmpfs' },
        { key: '  ', value: 'ignored' },
      ],
      labels: [{ key: 'team', value: 'ops' }],
    });
    expect(toVolumeCreate(values)).toEqual({
      Name: 'data',
      Driver: 'local',
      DriverOpts: { type: 'tmpfs' },
      Labels: { team: 'ops' },
    });
  });

  it('leaves the name to the engine when empty', () => {
    expect(toVolumeCreate(volumeFormSchema.parse(emptyVolumeForm()))).not.toHaveProperty('Name');
  });

  it('names the field the engine would refuse', () => {
    const result = volumeFormSchema.safeParse({ ...emptyVolumeForm(), name: '-x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['name']);
  });
});
