import { endpointKeys } from '@berth/api';
import type { Network, NetworkCreateBody } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
import { engine } from '@/lib/api-client';

/** Networks Docker makes itself: never removed, never pruned. */
export const BUILTIN_NETWORKS = new Set(['bridge', 'host', 'none']);

export function networkQueryOptions(endpointId: string, networkId: string) {
  return queryOptions({
    queryKey: [...endpointKeys.networks(endpointId), 'detail', networkId] as const,
    queryFn: ({ signal }) =>
      engine(endpointId).json<Network>('GET', '/networks/{id}', {
        params: { id: networkId },
        signal,
      }),
    retry: false,
  });
}

export function createNetwork(endpointId: string, body: NetworkCreateBody) {
  return engine(endpointId).json<NetworkCreated>('POST', '/networks/create', { body });
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
  return engine(endpointId).json('DELETE', '/networks/{id}', { params: { id: networkId } });
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
  return engine(endpointId).json('POST', '/networks/{id}/connect', {
    params: { id: networkId },
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
  return engine(endpointId).json('POST', '/networks/{id}/disconnect', {
    params: { id: networkId },
    body: { Container: container, Force: force },
  });
}

export function pruneNetworks(endpointId: string) {
  return engine(endpointId).json<{ NetworksDeleted: string[] | null }>('POST', '/networks/prune');
}
