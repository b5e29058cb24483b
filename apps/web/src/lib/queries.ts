// queryOptions factories for data several views read (header, dashboard, system, lists), so
// they share one cache entry per key. Container queries live in features/containers/api.
import { endpointKeys, gatewayKeys } from '@berth/api';
import type { EndpointSummary } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import { engine, gateway } from './api-client';

export function endpointsQueryOptions() {
  return queryOptions({
    queryKey: gatewayKeys.endpoints(),
    queryFn: () => gateway.listEndpoints(),
    staleTime: 2_000,
    // Poll the gateway's view of engine health: briskly while something is wrong, so the banner
    // clears itself soon after the engine returns; gently otherwise.
    refetchInterval: (query) => {
      const data = query.state.data;
      const unhealthy = query.state.status === 'error' || data?.some((e) => e.status !== 'up');
      return unhealthy ? 5_000 : 30_000;
    },
    refetchIntervalInBackground: false,
  });
}

export function findEndpoint(
  endpoints: EndpointSummary[] | undefined,
  endpointId: string,
): EndpointSummary | undefined {
  return endpoints?.find((endpoint) => endpoint.id === endpointId);
}

export function infoQueryOptions(endpointId: string) {
  return queryOptions({
    queryKey: endpointKeys.info(endpointId),
    queryFn: ({ signal }) => engine(endpointId).getInfo(signal),
  });
}

export function versionQueryOptions(endpointId: string) {
  return queryOptions({
    queryKey: endpointKeys.version(endpointId),
    queryFn: ({ signal }) => engine(endpointId).getVersion(signal),
    staleTime: 60_000,
  });
}

export function imagesQueryOptions(endpointId: string) {
  return queryOptions({
    queryKey: endpointKeys.imageList(endpointId),
    queryFn: ({ signal }) => engine(endpointId).listImages({}, signal),
  });
}

export function networksQueryOptions(endpointId: string) {
  return queryOptions({
    queryKey: endpointKeys.networkList(endpointId),
    queryFn: ({ signal }) => engine(endpointId).listNetworks(signal),
  });
}

export function volumesQueryOptions(endpointId: string) {
  return queryOptions({
    queryKey: endpointKeys.volumeList(endpointId),
    queryFn: ({ signal }) => engine(endpointId).listVolumes(signal),
  });
}
