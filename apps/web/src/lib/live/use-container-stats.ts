import type { StatsSample } from '@berth/api';
import { useEffect, useRef, useState } from 'react';
import { statsClient } from './stats-client';
import type { StatsListener } from './stats-client';

export interface ContainerStatsState {
  /** The latest sample per container id; absent until one arrives. */
  latest: ReadonlyMap<string, StatsSample>;
  /** The gateway's or engine's words per container that could not be read. */
  errors: ReadonlyMap<string, string>;
}

const EMPTY: ContainerStatsState = { latest: new Map(), errors: new Map() };

/**
 * Live stats for `ids` over the endpoint's shared stats socket: subscribes while mounted,
 * unsubscribes containers that leave `ids`. Re-renders at most every `throttleMs`, however many
 * containers report (each reports once a second). Charts that must not re-render per sample use
 * `useStatsSubscription` instead.
 */
export function useContainerStats(
  endpointId: string,
  ids: readonly string[],
  { throttleMs = 1000 }: { throttleMs?: number } = {},
): ContainerStatsState {
  const [state, setState] = useState<ContainerStatsState>(EMPTY);
  const key = [...ids].sort().join(',');

  useEffect(() => {
    const client = statsClient(endpointId);
    const list = key ? key.split(',') : [];
    const latest = new Map<string, StatsSample>();
    const errors = new Map<string, string>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const publish = () => {
      timer = null;
      last = Date.now();
      setState({ latest: new Map(latest), errors: new Map(errors) });
    };
    const schedule = () => {
      if (timer) return;
      timer = setTimeout(publish, Math.max(0, last + throttleMs - Date.now()));
    };
    const unsubscribes = list.map((id) => {
      const listener: StatsListener = (update) => {
        if (update.kind === 'error') {
          errors.set(id, update.message);
        } else {
          const sample = update.series.latest();
          if (sample) latest.set(id, sample);
          errors.delete(id);
        }
        schedule();
      };
      const unsubscribe = client.subscribe(id, listener);
      const known = client.series(id)?.latest();
      if (known) latest.set(id, known);
      return unsubscribe;
    });
    publish();
    return () => {
      if (timer) clearTimeout(timer);
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, [endpointId, key, throttleMs]);

  return state;
}

/**
 * Subscribes `onUpdate` to one container's stats without rendering: for canvases and text nodes
 * that update themselves (charts, sparklines). The latest callback is used without resubscribing.
 */
export function useStatsSubscription(
  endpointId: string,
  containerId: string | null,
  onUpdate: StatsListener,
): void {
  const latest = useRef(onUpdate);
  useEffect(() => {
    latest.current = onUpdate;
  });
  useEffect(() => {
    if (!containerId) return;
    const client = statsClient(endpointId);
    const unsubscribe = client.subscribe(containerId, (update) => latest.current(update));
    const series = client.series(containerId);
    if (series && series.length > 0) latest.current({ kind: 'history', series });
    return unsubscribe;
  }, [endpointId, containerId]);
}
