import { endpointKeys } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import { engine } from '@/lib/api-client';

// The list is shared with the stats page and the dashboard: one definition, one cache entry.
export { containerListQueryOptions, useContainerList } from '@/lib/container-list-query';

export function containerQueryOptions(endpointId: string, containerId: string) {
  return queryOptions({
    queryKey: endpointKeys.container(endpointId, containerId),
    queryFn: ({ signal }) => engine(endpointId).inspectContainer(containerId, signal),
  });
}
