import { endpointKeys, toContainerRow } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import { engine } from '@/lib/api-client';

export function containerListQueryOptions(endpointId: string, params: { all: boolean }) {
  return queryOptions({
    queryKey: endpointKeys.containerList(endpointId, params),
    queryFn: async ({ signal }) => {
      const list = await engine(endpointId).listContainers({ all: params.all }, signal);
      return list.map(toContainerRow);
    },
  });
}

export function containerQueryOptions(endpointId: string, containerId: string) {
  return queryOptions({
    queryKey: endpointKeys.container(endpointId, containerId),
    queryFn: ({ signal }) => engine(endpointId).inspectContainer(containerId, signal),
  });
}
