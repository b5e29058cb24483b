import { describe, expect, it } from 'vitest';
import { emptyNetworkForm, toNetworkCreate, validateNetworkForm } from './networks-api';

describe('network create form', () => {
  it('validates and maps IPAM, flags, labels and options', () => {
    const form = {
      ...emptyNetworkForm(),
      name: 'front',
      ipam: [{ subnet: '172.30.0.0/16', gateway: '172.30.0.1', ipRange: '' }],
      internal: true,
      labels: [{ key: 'team', value: 'ops' }],
      options: [{ key: 'com.docker.network.bridge.name', value: 'br-front' }],
    };
    expect(validateNetworkForm(form)).toEqual({});
    expect(toNetworkCreate(form)).toEqual({
      Name: 'front',
      Driver: 'bridge',
      Internal: true,
      Attachable: false,
      EnableIPv6: false,
      Labels: { team: 'ops' },
      Options: { 'com.docker.network.bridge.name': 'br-front' },
      IPAM: { Driver: 'default', Config: [{ Subnet: '172.30.0.0/16', Gateway: '172.30.0.1' }] },
    });
    expect(
      validateNetworkForm({
        ...form,
        name: '',
        ipam: [{ subnet: '10.0.0.0', gateway: 'x y', ipRange: '' }],
      }),
    ).toEqual({
      name: expect.any(String),
      'ipam.0.subnet': 'A subnet like 172.30.0.0/16.',
      'ipam.0.gateway': 'An IP address.',
    });
  });
});
