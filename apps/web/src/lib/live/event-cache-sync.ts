// Engine events drive the query cache (DESIGN.md: "Live data patches the cache"). A burst of
// events (a compose project starting, `docker rm $(docker ps -aq)`) becomes one refetch per list
// within a frame; a container's inspect is refetched once at a time, again if more events came
// meanwhile.
import { endpointKeys } from '@berth/api';
import type { ContainerInspect, ContainerRow, EngineEvent } from '@berth/api';
import { hashKey } from '@tanstack/react-query';
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import { eventEffects } from './event-effects';
import type { StatePatch } from './event-effects';

export type Schedule = (run: () => void) => void;

/**
 * The next animation frame, or 100 ms at most: rAF alone stalls in a background tab, and the
 * cache should still be right when the user comes back.
 */
export const nextFrame: Schedule = (run) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    run();
  };
  const timer = setTimeout(once, 100);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
};

export interface EventCacheSync {
  handle(event: EngineEvent): void;
  /** Everything events cover may have changed while no events came (socket or engine was down). */
  resync(): void;
  dispose(): void;
}

function matchesContainer(query: Query, id: string, name: string | undefined): boolean {
  const key = query.queryKey[4];
  if (typeof key !== 'string' || !key) return false;
  // The page URL may name a container by id, short id or name.
  if (key === id || (key.length >= 12 && id.startsWith(key)) || (name && key === name)) return true;
  const data = query.state.data as ContainerInspect | undefined;
  return data?.Id === id;
}

export function createEventCacheSync(
  queryClient: QueryClient,
  endpointId: string,
  schedule: Schedule = nextFrame,
): EventCacheSync {
  const prefixes = new Map<string, QueryKey>();
  let scheduled = false;
  let disposed = false;
  /** Detail queries being refetched, and those that need one more round after that. */
  const running = new Set<string>();
  const again = new Set<string>();

  function flush() {
    scheduled = false;
    if (disposed) return;
    const keys = [...prefixes.values()];
    prefixes.clear();
    for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
  }

  function invalidateSoon(queryKey: QueryKey) {
    prefixes.set(hashKey(queryKey), queryKey);
    if (!scheduled) {
      scheduled = true;
      schedule(flush);
    }
  }

  async function refreshDetail(query: Query) {
    const hash = query.queryHash;
    if (running.has(hash)) {
      again.add(hash);
      return;
    }
    running.add(hash);
    try {
      do {
        again.delete(hash);
        // Not cancelRefetch: a fetch in flight finishes, and the loop asks once more after it.
        await queryClient.invalidateQueries(
          { queryKey: query.queryKey, exact: true },
          { cancelRefetch: false },
        );
      } while (again.has(hash) && !disposed);
    } finally {
      running.delete(hash);
    }
  }

  /** Shows a state the event told at once, in the lists and the container's inspect. */
  function patchState({ id, state, status }: StatePatch, details: Query[]) {
    const lists = [...endpointKeys.containers(endpointId), 'list'];
    // A fetch already in flight started before this event: its answer must not undo the patch.
    // (The frame's invalidation fetches again.)
    void queryClient.cancelQueries({ queryKey: lists });
    queryClient.setQueriesData<ContainerRow[]>(
      { queryKey: [...endpointKeys.containers(endpointId), 'list'] },
      (rows) =>
        rows?.some((row) => row.id === id)
          ? rows.map((row) => (row.id === id ? { ...row, state, status } : row))
          : rows,
    );
    for (const query of details) {
      const data = query.state.data as ContainerInspect | undefined;
      if (data?.Id !== id || !data.State) continue;
      queryClient.setQueryData<ContainerInspect>(query.queryKey, {
        ...data,
        State: {
          ...data.State,
          Status: state,
          Running: state !== 'exited',
          Paused: state === 'paused',
        },
      });
    }
  }

  function removeRow(id: string) {
    queryClient.setQueriesData<ContainerRow[]>(
      { queryKey: [...endpointKeys.containers(endpointId), 'list'] },
      (rows) => rows?.filter((row) => row.id !== id),
    );
  }

  return {
    handle(event) {
      if (disposed) return;
      const effects = eventEffects(endpointId, event);
      if (!effects) return;
      if (effects.removedContainer) removeRow(effects.removedContainer);
      for (const key of effects.invalidate) invalidateSoon(key);
      if (effects.containers.length === 0) return;
      const details = queryClient
        .getQueryCache()
        .findAll({ queryKey: [...endpointKeys.containers(endpointId), 'detail'] })
        .filter((query) => query.queryKey.length === 5);
      if (effects.statePatch) patchState(effects.statePatch, details);
      for (const { id, name } of effects.containers) {
        for (const query of details) {
          if (matchesContainer(query, id, name)) void refreshDetail(query);
        }
      }
    },
    resync() {
      for (const key of liveKeys(endpointId)) invalidateSoon(key);
    },
    dispose() {
      disposed = true;
    },
  };
}

/** The subtrees events keep fresh: while the socket is up they need no refetch on their own. */
export function liveKeys(endpointId: string): QueryKey[] {
  return [
    endpointKeys.containers(endpointId),
    endpointKeys.images(endpointId),
    endpointKeys.networks(endpointId),
    endpointKeys.volumes(endpointId),
    endpointKeys.info(endpointId),
    endpointKeys.stacks(endpointId),
  ];
}
