import { describe, expect, it } from 'vitest';
import {
  emptyNetworkConnectForm,
  networkConnectFormSchema,
  toNetworkConnect,
} from './network-connect-form';

describe('network connect form', () => {
  it('needs a container and well-formed addresses, each at its field', () => {
    const result = networkConnectFormSchema.safeParse({
      ...emptyNetworkConnectForm(),
      ipv4: '172.30.0.300',
      ipv6: 'fd00-1',
    });
    expect(result.success).toBe(false);
    expect(
      Object.fromEntries(result.error?.issues.map((i) => [i.path.join('.'), i.message]) ?? []),
    ).toEqual({
      container: 'Choose a container.',
      ipv4: expect.stringMatching(/IPv4/),
      ipv6: expect.stringMatching(/IPv6/),
    });
  });

  it('sends only what was typed: aliases split on commas and spaces, trimmed addresses', () => {
    const bare = networkConnectFormSchema.parse({ ...emptyNetworkConnectForm(), container: 'c1' });
    expect(toNetworkConnect(bare)).toEqual({ Container: 'c1', EndpointConfig: {} });
    const full = networkConnectFormSchema.parse({
      container: 'c1',
      aliases: 'web, www  api',
      ipv4: ' 172.30.0.10 ',
      ipv6: 'fd00::10',
    });
    expect(toNetworkConnect(full)).toEqual({
      Container: 'c1',
      EndpointConfig: {
        Aliases: ['web', 'www', 'api'],
        IPAMConfig: { IPv4Address: '172.30.0.10', IPv6Address: 'fd00::10' },
      },
    });
  });
});
