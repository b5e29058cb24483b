// queryOptions factories for data several views read (header, dashboard, system, lists), so
// they share one cache entry per key. Container queries live in features/containers/api.
import { endpointKeys, gatewayKeys, isEngineError } from '@berth/api';
import type { DiskUsage, EndpointSummary, Me, RegistrySummary } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import { engine, gateway, http } from './api-client';

/**
 * Who is logged in, or null when nobody is: "logged out" is an answer, not an error. It only
 * changes by logging in or out (a lowered role or a new password ends the session: a 401), so it
 * never goes stale by itself.
 */
export function meQueryOptions() {
  return queryOptions({
    queryKey: gatewayKeys.me(),
    queryFn: async ({ signal }): Promise<Me | null> => {
      try {
        return await gateway.getMe(signal);
      } catch (error) {
        if (isEngineError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

/** Berth's users (admin only): the users page, and the audit page's user suggestions. */
export function usersQueryOptions() {
  return queryOptions({
    queryKey: gatewayKeys.users(),
    queryFn: ({ signal }) => gateway.listUsers(signal),
  });
}

/** Whether Berth still needs its first admin; asked afresh each time a guard needs it. */
export function setupStatusQueryOptions() {
  return queryOptions({
    queryKey: gatewayKeys.setup(),
    queryFn: ({ signal }) => gateway.getSetupStatus(signal),
    staleTime: 0,
  });
}

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

/** `/system/df`: sizes and reference counts of images, containers, volumes and build cache. */
export function diskUsageQueryOptions(endpointId: string) {
  return queryOptions({
    queryKey: endpointKeys.diskUsage(endpointId),
    queryFn: ({ signal }) => engine(endpointId).json<DiskUsage>('GET', '/system/df', { signal }),
    staleTime: 15_000,
  });
}

/** Saved registries (operator+): names and users only, never passwords. */
export function registriesQueryOptions() {
  return queryOptions({
    queryKey: gatewayKeys.registries(),
    queryFn: ({ signal }) => http.json<RegistrySummary[]>('/api/registries', { signal }),
  });
}
