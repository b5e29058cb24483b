import { endpointKeys, toContainerRow } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import { engine } from './api-client';

/**
 * The containers list as display rows: the containers page, the stats page and the dashboard
 * read it, so it is defined once here and they share one cache entry per `all`.
 */
export function containerListQueryOptions(endpointId: string, params: { all: boolean }) {
  return queryOptions({
    queryKey: endpointKeys.containerList(endpointId, params),
    queryFn: async ({ signal }) => {
      const list = await engine(endpointId).listContainers({ all: params.all }, signal);
      return list.map(toContainerRow);
    },
  });
}
