import { endpointKeys } from '@berth/api';
import type { Network, NetworkConnectBody, NetworkCreateBody } from '@berth/api';
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

/** Connecting changes the network's containers and the container's networks. */
export function connectContainerMutation(
  endpointId: string,
  networkId: string,
): UseMutationOptions<unknown, Error, NetworkConnectBody> {
  return {
    mutationFn: (body) =>
      engine(endpointId).json('POST', '/networks/{id}/connect', {
        params: { id: networkId },
        body,
      }),
    meta: {
      invalidates: [endpointKeys.networks(endpointId), endpointKeys.containers(endpointId)],
    },
  };
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
