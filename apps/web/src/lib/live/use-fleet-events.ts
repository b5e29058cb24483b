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

export interface FleetEvents {
  /** Newest first, at most the ring's capacity. */
  events: FleetEvent[];
  /** Every endpoint's events socket is open and its engine up. */
  live: boolean;
}

/**
 * The newest engine events of several endpoints, newest first, in a bounded ring: the fleet page
 * and the wall's ticker. It holds each endpoint's live connection open (which also keeps their
 * container lists current) and re-renders at most every `throttleMs`.
 */
export function useFleetEvents(
  endpointIds: readonly string[],
  { capacity = 50, throttleMs = 1000 }: { capacity?: number; throttleMs?: number } = {},
): FleetEvents {
  const queryClient = useQueryClient();
  const [events, setEvents] = useState<FleetEvent[]>([]);
  const [live, setLive] = useState(false);
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
    const lives = ids.map((endpointId) => liveEndpoint(queryClient, endpointId));
    const checkLive = () =>
      setLive(lives.every((l) => l.status.socket === 'open' && l.status.engine === 'up'));
    const cleanups = ids.flatMap((endpointId, i) => {
      const live = lives[i] as (typeof lives)[number];
      const release = live.retain();
      const offStatus = live.onStatus(checkLive);
      const unsubscribe = live.subscribe((event) => {
        // exec_* and health-check chatter would drown what matters on a ticker
        if (isNoise(event)) return;
        ring.push({ key: ++counter, endpointId, event });
        timer ??= setTimeout(publish, throttleMs);
      });
      return [unsubscribe, offStatus, release];
    });
    // Sockets other pages opened may be live already: no status change would say so.
    const initial = setTimeout(checkLive, 0);
    return () => {
      clearTimeout(initial);
      if (timer) clearTimeout(timer);
      for (const cleanup of cleanups) cleanup();
      ring.clear();
    };
  }, [queryClient, key, capacity, throttleMs]);

  return { events, live };
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
