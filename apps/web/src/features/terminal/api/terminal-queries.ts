import { endpointKeys, isEngineError } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import { engine } from '@/lib/api-client';

/** The container's inspect data: the same key and fetcher as the container page, one cache entry. */
export function terminalContainerQueryOptions(endpointId: string, containerId: string) {
  return queryOptions({
    queryKey: endpointKeys.container(endpointId, containerId),
    queryFn: ({ signal }) => engine(endpointId).inspectContainer(containerId, signal),
  });
}

/**
 * Whether a file exists in the container (`HEAD …/archive?path=`: a stat, no content), to offer
 * `/bin/bash` only where the image has it. Unknown (an error other than 404) counts as absent.
 */
export function pathExistsQueryOptions(endpointId: string, containerId: string, path: string) {
  return queryOptions({
    queryKey: [...endpointKeys.container(endpointId, containerId), 'path-exists', path] as const,
    queryFn: async ({ signal }) => {
      try {
        await engine(endpointId).send('HEAD', '/containers/{id}/archive', {
          params: { id: containerId },
          query: { path },
          signal,
        });
        return true;
      } catch (error) {
        // A 401 still goes to the query cache, which sends the user to the login page.
        if (isEngineError(error) && error.status !== 401) return false;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}
