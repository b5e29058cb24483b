import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { LogSession } from '../api/log-session';
import type { BackfillState } from '../api/log-backfill';
import type { LogRange, LogSource, SourceStatus } from '../api/log-session';

/**
 * A log session for these containers and range, connected while mounted. A new one (an empty
 * store) whenever the containers, the range or the line limit change.
 */
export function useLogSession(
  endpointId: string,
  sources: LogSource[],
  range: LogRange,
  capacity: number,
  /** Newest lines first, older ones after (off for engines without an exact `until`). */
  backfill = true,
): LogSession {
  const sourcesKey = sources.map((s) => `${s.id}:${s.name}`).join(',');
  const rangeKey = `${range.tail}|${range.since ?? ''}|${range.until ?? ''}`;
  const session = useMemo(
    () => new LogSession({ endpointId, sources, range, capacity, backfill }),
    // Keyed by value: callers pass fresh arrays and objects each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [endpointId, sourcesKey, rangeKey, capacity, backfill],
  );
  useEffect(() => {
    session.start();
    return () => session.stop();
  }, [session]);
  return session;
}

/** The store's version: a render when lines arrive (at most once a frame). */
export function useStoreVersion(session: LogSession): number {
  return useSyncExternalStore(
    (onChange) => session.store.subscribe(onChange),
    () => session.store.version,
  );
}

/** Each source's connection state, rendered when it changes. */
export function useSourceStatuses(session: LogSession): readonly SourceStatus[] {
  return useSyncExternalStore(
    (onChange) => session.onStatus(onChange),
    () => session.statuses,
  );
}

/** How reading the older lines of "All lines" goes, rendered when it changes (once a frame). */
export function useBackfill(session: LogSession): BackfillState {
  return useSyncExternalStore(
    (onChange) => session.onStatus(onChange),
    () => session.backfill,
  );
}
