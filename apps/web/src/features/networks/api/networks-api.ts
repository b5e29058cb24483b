import { endpointKeys } from '@berth/api';
import type { Network } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import { http } from '@/lib/api-client';

const base = (endpointId: string) => `/api/endpoints/${encodeURIComponent(endpointId)}/docker`;

/** Networks Docker makes itself: never removed, never pruned. */
export const BUILTIN_NETWORKS = new Set(['bridge', 'host', 'none']);

export function networkQueryOptions(endpointId: string, networkId: string) {
  return queryOptions({
    queryKey: [...endpointKeys.networks(endpointId), 'detail', networkId] as const,
    queryFn: ({ signal }) =>
      http.json<Network>(`${base(endpointId)}/networks/${encodeURIComponent(networkId)}`, {
        signal,
      }),
    retry: false,
  });
}

export interface IpamRow {
  subnet: string;
  gateway: string;
  ipRange: string;
}

export interface NetworkForm {
  name: string;
  driver: string;
  ipam: IpamRow[];
  internal: boolean;
  attachable: boolean;
  ipv6: boolean;
  labels: Array<{ key: string; value: string }>;
  options: Array<{ key: string; value: string }>;
}

export function emptyNetworkForm(): NetworkForm {
  return {
    name: '',
    driver: 'bridge',
    ipam: [],
    internal: false,
    attachable: false,
    ipv6: false,
    labels: [],
    options: [],
  };
}

const CIDR = /^[0-9a-fA-F:.]+\/\d{1,3}$/;
const IP = /^[0-9a-fA-F:.]+$/;

export function validateNetworkForm(form: NetworkForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(form.name.trim())) {
    errors.name = 'A name of letters, digits, _ . - (starting with a letter or digit).';
  }
  form.ipam.forEach((row, i) => {
    if (!CIDR.test(row.subnet.trim())) errors[`ipam.${i}.subnet`] = 'A subnet like 172.30.0.0/16.';
    if (row.gateway.trim() && !IP.test(row.gateway.trim()))
      errors[`ipam.${i}.gateway`] = 'An IP address.';
    if (row.ipRange.trim() && !CIDR.test(row.ipRange.trim())) {
      errors[`ipam.${i}.ipRange`] = 'A range like 172.30.5.0/24.';
    }
  });
  return errors;
}

const map = (rows: Array<{ key: string; value: string }>) =>
  Object.fromEntries(rows.filter((r) => r.key.trim()).map((r) => [r.key.trim(), r.value]));

export function toNetworkCreate(form: NetworkForm): Record<string, unknown> {
  return {
    Name: form.name.trim(),
    Driver: form.driver.trim() || 'bridge',
    Internal: form.internal,
    Attachable: form.attachable,
    EnableIPv6: form.ipv6,
    Labels: map(form.labels),
    Options: map(form.options),
    ...(form.ipam.length
      ? {
          IPAM: {
            Driver: 'default',
            Config: form.ipam.map((row) => ({
              Subnet: row.subnet.trim(),
              ...(row.gateway.trim() ? { Gateway: row.gateway.trim() } : {}),
              ...(row.ipRange.trim() ? { IPRange: row.ipRange.trim() } : {}),
            })),
          },
        }
      : {}),
  };
}

export function createNetwork(endpointId: string, body: Record<string, unknown>) {
  return http.json<{ Id: string; Warning?: string }>(`${base(endpointId)}/networks/create`, {
    method: 'POST',
    body,
  });
}

export function removeNetwork(endpointId: string, networkId: string) {
  return http.json(`${base(endpointId)}/networks/${encodeURIComponent(networkId)}`, {
    method: 'DELETE',
  });
}

export function connectContainer(
  endpointId: string,
  networkId: string,
  container: string,
  options: { aliases: string[]; ipv4: string; ipv6: string },
) {
  const ipam: Record<string, string> = {};
  if (options.ipv4.trim()) ipam.IPv4Address = options.ipv4.trim();
  if (options.ipv6.trim()) ipam.IPv6Address = options.ipv6.trim();
  return http.json(`${base(endpointId)}/networks/${encodeURIComponent(networkId)}/connect`, {
    method: 'POST',
    body: {
      Container: container,
      EndpointConfig: {
        ...(options.aliases.length ? { Aliases: options.aliases } : {}),
        ...(Object.keys(ipam).length ? { IPAMConfig: ipam } : {}),
      },
    },
  });
}

export function disconnectContainer(
  endpointId: string,
  networkId: string,
  container: string,
  force: boolean,
) {
  return http.json(`${base(endpointId)}/networks/${encodeURIComponent(networkId)}/disconnect`, {
    method: 'POST',
    body: { Container: container, Force: force },
  });
}

export function pruneNetworks(endpointId: string) {
  return http.json<{ NetworksDeleted: string[] | null }>(`${base(endpointId)}/networks/prune`, {
    method: 'POST',
  });
}
