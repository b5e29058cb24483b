import type { EngineEvent } from '@berth/api';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { isNoise } from './event-effects';
import { liveEndpoint } from './live-endpoint';
import { Ring } from './ring';

export interface FleetEvent {
  /** Unique within the page: React keys. */
  key: number;
  endpointId: string;
  event: EngineEvent;
}

/**
 * The newest engine events of several endpoints, newest first, in a bounded ring: the fleet page
 * and the wall's ticker. It holds each endpoint's live connection open (which also keeps their
 * container lists current) and re-renders at most every `throttleMs`.
 */
export function useFleetEvents(
  endpointIds: readonly string[],
  { capacity = 50, throttleMs = 1000 }: { capacity?: number; throttleMs?: number } = {},
): FleetEvent[] {
  const queryClient = useQueryClient();
  const [events, setEvents] = useState<FleetEvent[]>([]);
  const key = [...endpointIds].sort().join('\n');

  useEffect(() => {
    const ids = key ? key.split('\n') : [];
    const ring = new Ring<FleetEvent>(capacity);
    let counter = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const publish = () => {
      timer = null;
      setEvents(ring.newest());
    };
    const cleanups = ids.flatMap((endpointId) => {
      const live = liveEndpoint(queryClient, endpointId);
      const release = live.retain();
      const unsubscribe = live.subscribe((event) => {
        // exec_* and health-check chatter would drown what matters on a ticker
        if (isNoise(event)) return;
        ring.push({ key: ++counter, endpointId, event });
        timer ??= setTimeout(publish, throttleMs);
      });
      return [unsubscribe, release];
    });
    return () => {
      if (timer) clearTimeout(timer);
      for (const cleanup of cleanups) cleanup();
      ring.clear();
    };
  }, [queryClient, key, capacity, throttleMs]);

  return events;
}

/** A short human line for an event: "start web-1", "pull nginx:1.27". */
export function describeEvent(event: EngineEvent): { subject: string; action: string } {
  const attributes = event.Actor.Attributes ?? {};
  const subject =
    attributes.name ?? attributes.image ?? (event.Actor.ID ? event.Actor.ID.slice(0, 12) : '');
  const action = event.Action.startsWith('health_status: ')
    ? event.Action.slice('health_status: '.length)
    : (event.Action.split(':')[0] ?? event.Action);
  return { subject, action };
}
