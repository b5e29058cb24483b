import { describe, expect, it } from 'vitest';
import { emptyNetworkForm, networkFormSchema, toNetworkCreate } from './network-form';

describe('the create-network form', () => {
  it('maps IPAM, flags, labels and options to the engine body', () => {
    const values = networkFormSchema.parse({
      ...emptyNetworkForm(),
      name: 'front',
      ipam: [{ subnet: '172.30.0.0/16', gateway: '172.30.0.1', ipRange: '' }],
      internal: true,
      labels: [{ key: 'team', value: 'ops' }],
      options: [{ key: 'com.docker.network.bridge.name', value: 'br-front' }],
    });
    expect(toNetworkCreate(values)).toEqual({
      Name: 'front',
      Driver: 'bridge',
      Internal: true,
      Attachable: false,
      EnableIPv6: false,
      Labels: { team: 'ops' },
      Options: { 'com.docker.network.bridge.name': 'br-front' },
      IPAM: { Driver: 'default', Config: [{ Subnet: '172.30.0.0/16', Gateway: '172.30.0.1' }] },
    });
  });

  it('sends no IPAM when no subnet row is given (the engine picks one)', () => {
    const values = networkFormSchema.parse({ ...emptyNetworkForm(), name: 'back' });
    expect(toNetworkCreate(values)).not.toHaveProperty('IPAM');
  });

  it('names each field that is wrong, row by row', () => {
    const result = networkFormSchema.safeParse({
      ...emptyNetworkForm(),
      name: '',
      ipam: [{ subnet: '10.0.0.0', gateway: 'x y', ipRange: '' }],
    });
    expect(result.success).toBe(false);
    const byPath = Object.fromEntries(
      (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
    );
    expect(byPath).toEqual({
      name: expect.any(String),
      'ipam.0.subnet': 'A subnet like 172.30.0.0/16.',
      'ipam.0.gateway': 'An IP address.',
    });
  });
});
