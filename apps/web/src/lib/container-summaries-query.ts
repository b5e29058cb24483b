import { endpointKeys } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import { engine } from './api-client';

/**
 * Every container as the engine lists it (networks and mounts included): the networks and
 * volumes pages count and name the containers using each one. Under the containers key, so
 * container events refresh it.
 */
export function containerSummariesQueryOptions(endpointId: string) {
  return queryOptions({
    queryKey: [...endpointKeys.containers(endpointId), 'summaries'] as const,
    queryFn: ({ signal }) => engine(endpointId).listContainers({ all: true }, signal),
  });
}
