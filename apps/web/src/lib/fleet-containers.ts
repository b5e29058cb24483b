// The containers of several endpoints at once (the fleet page's search), painted from each
// endpoint's live model like every other list (#15): a container started anywhere arrives as a
// delta, so no event asks any engine for its whole list again. An endpoint whose model cannot
// answer (its socket failed, its engine is down) is read with the list call instead.
import type { ContainerRow } from '@berth/api';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { containerListQueryOptions } from './container-list-query';
import { liveEndpoint } from './live/live-endpoint';
import type { LiveEndpoint } from './live/live-endpoint';

interface FleetModels {
  /** Each endpoint's rows once its model is complete. */
  rows: Array<readonly ContainerRow[] | undefined>;
  /** Which endpoints' models cannot answer now (read from the engine instead). */
  fallback: boolean[];
}

/** The same rule as `useModelRows`, for a model reached without a hook per endpoint. */
export function modelCannotAnswer(live: LiveEndpoint): boolean {
  const { socket, engine } = live.status;
  return (
    live.model.state !== 'ready' &&
    (socket === 'reconnecting' ||
      socket === 'closed' ||
      engine === 'down' ||
      live.model.error !== null)
  );
}

function read(lives: readonly LiveEndpoint[]): FleetModels {
  return {
    rows: lives.map((live) =>
      live.model.state === 'ready' ? live.model.rows('containers') : undefined,
    ),
    fallback: lives.map(modelCannotAnswer),
  };
}

function same(a: FleetModels, b: FleetModels): boolean {
  return (
    a.rows.length === b.rows.length &&
    a.rows.every((rows, i) => rows === b.rows[i]) &&
    a.fallback.every((value, i) => value === b.fallback[i])
  );
}

/** Every endpoint's containers, in the order of `endpointIds`; undefined while one loads. */
export function useFleetContainers(
  endpointIds: readonly string[],
): Array<readonly ContainerRow[] | undefined> {
  const queryClient = useQueryClient();
  const key = endpointIds.join('\n');
  const lives = useMemo(
    () => (key ? key.split('\n') : []).map((id) => liveEndpoint(queryClient, id)),
    [queryClient, key],
  );
  useEffect(() => {
    const releases = lives.flatMap((live) => [live.retain(), live.model.retain()]);
    return () => releases.forEach((release) => release());
  }, [lives]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const offs = lives.flatMap((live) => [
        live.model.onChange(onChange),
        live.onStatus(onChange),
      ]);
      return () => offs.forEach((off) => off());
    },
    [lives],
  );
  // useSyncExternalStore wants the same object while nothing changed: keep the last reading.
  const last = useRef<FleetModels | null>(null);
  const snapshot = useCallback(() => {
    const next = read(lives);
    if (last.current && same(last.current, next)) return last.current;
    last.current = next;
    return next;
  }, [lives]);
  const models = useSyncExternalStore(subscribe, snapshot, snapshot);
  const lists = useQueries({
    queries: lives.map((live, i) => ({
      ...containerListQueryOptions(live.endpointId, { all: true }),
      enabled: models.fallback[i] === true,
    })),
  });
  return lives.map((_live, i) => models.rows[i] ?? lists[i]?.data);
}
