import type { EngineEvent } from '@berth/api';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { liveEndpoint } from './live-endpoint';
import type { LiveEndpoint, LiveStatus } from './live-endpoint';

/** Holds the endpoint's live connection open while the component is mounted. */
export function useLiveEndpoint(endpointId: string): LiveEndpoint {
  const queryClient = useQueryClient();
  const live = liveEndpoint(queryClient, endpointId);
  useEffect(() => live.retain(), [live]);
  return live;
}

const CONNECTING: LiveStatus = { socket: 'connecting', engine: 'unknown' };

/** The events socket's and the engine's state, for the banner and indicators. */
export function useLiveStatus(live: LiveEndpoint): LiveStatus {
  return useSyncExternalStore(
    (onChange) => live.onStatus(onChange),
    () => live.status,
    () => CONNECTING,
  );
}

/**
 * Calls `listener` for every engine event of the endpoint as it arrives (noise included). The
 * latest listener is used without resubscribing.
 */
export function useEngineEvents(
  endpointId: string,
  listener: (event: EngineEvent) => void,
): LiveStatus {
  const live = useLiveEndpoint(endpointId);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => live.subscribe((event) => latest.current(event)), [live]);
  return useLiveStatus(live);
}
