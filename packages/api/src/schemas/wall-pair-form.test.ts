import { describe, expect, it } from 'vitest';
import { wallPairingApproveSchema } from './gateway-requests';
import { toWallPairing, wallPairFormSchema } from './wall-pair-form';

describe('wall pairing form', () => {
  it('counts only letters and digits of the code, and wants a name', () => {
    const result = wallPairFormSchema.safeParse({ code: 'A-B-C', name: '  ', layoutId: '' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['code', 'Enter the code the wall shows.'],
      ['name', 'Enter a name for the screen'],
    ]);
  });

  it('makes a body the gateway accepts: clean code, trimmed name, the chosen or first layout', () => {
    const values = wallPairFormSchema.parse({ code: 'ab-cd 12', name: ' Ops TV ', layoutId: '' });
    const body = toWallPairing(values, 4);
    expect(body).toEqual({ code: 'abcd12', name: 'Ops TV', layoutId: 4 });
    expect(wallPairingApproveSchema.parse(body)).toEqual(body);
    expect(toWallPairing({ ...values, layoutId: '7' }, 4).layoutId).toBe(7);
  });
});
