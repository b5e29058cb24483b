import { endpointKeys } from '@berth/api';
import type { Network, NetworkCreateBody } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
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

export function createNetwork(endpointId: string, body: NetworkCreateBody) {
  return http.json<NetworkCreated>(`${base(endpointId)}/networks/create`, {
    method: 'POST',
    body,
  });
}

interface NetworkCreated {
  Id: string;
  Warning?: string;
}

/** Creating a network changes the list. */
export function createNetworkMutation(
  endpointId: string,
): UseMutationOptions<NetworkCreated, Error, NetworkCreateBody> {
  return {
    mutationFn: (body) => createNetwork(endpointId, body),
    meta: { invalidates: [endpointKeys.networks(endpointId)] },
  };
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
