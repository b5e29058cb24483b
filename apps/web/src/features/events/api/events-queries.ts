import { endpointKeys } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import { engine } from '@/lib/api-client';

/** Events of the last `sinceSeconds`, newest first; the window ends when the query runs. */
export function recentEventsQueryOptions(endpointId: string, sinceSeconds: number) {
  return queryOptions({
    queryKey: endpointKeys.eventList(endpointId, { sinceSeconds }),
    queryFn: async ({ signal }) => {
      const until = Math.floor(Date.now() / 1000);
      const events = await engine(endpointId).listEvents(
        { since: until - sinceSeconds, until },
        signal,
      );
      return events.reverse();
    },
  });
}
