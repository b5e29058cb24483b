import { endpointKeys, normalizeEvent } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import { engine } from '@/lib/api-client';

/** Events between two times (unix seconds), read through the relay; in Docker's field names. */
export function eventHistoryQueryOptions(
  endpointId: string,
  range: { since: number; until: number },
) {
  return queryOptions({
    queryKey: [...endpointKeys.events(endpointId), 'history', range] as const,
    queryFn: async ({ signal }) => {
      const events = await engine(endpointId).listEvents(range, signal);
      return events.map((event) => normalizeEvent(event));
    },
    // A past window never changes; new events come from the socket.
    staleTime: Infinity,
  });
}
