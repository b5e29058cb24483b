import type { ModelKind, ModelRows } from '@berth/api';
import { useEffect, useSyncExternalStore } from 'react';
import type { LiveEndpoint } from './live-endpoint';
import { useLiveEndpoint, useLiveStatus } from './use-live-endpoint';

export interface ModelRowsResult<K extends ModelKind> {
  /** The rows once the model's snapshot is complete; undefined before. */
  rows: readonly ModelRows[K][] | undefined;
  /**
   * The model cannot answer now (the socket failed, or the engine is down and no snapshot came yet):
   * read the list from the engine instead.
   */
  fallback: boolean;
  live: LiveEndpoint;
}

/** One kind of the endpoint's live model, kept current by deltas while mounted. */
export function useModelRows<K extends ModelKind>(endpointId: string, kind: K): ModelRowsResult<K> {
  const live = useLiveEndpoint(endpointId);
  const status = useLiveStatus(live);
  useEffect(() => live.model.retain(), [live]);
  const rows = useSyncExternalStore(
    (onChange) => live.model.onChange(onChange),
    () => (live.model.state === 'ready' ? live.model.rows(kind) : undefined),
    () => undefined,
  );
  // While the socket is first connecting the model's snapshot is a moment away: waiting for it
  // spares the engine a whole list call (3 MB at 5,000 containers) on every page load. Once
  // the socket has failed (a proxy without websockets, the gateway restarting), the list call.
  const fallback =
    rows === undefined &&
    (status.socket === 'reconnecting' ||
      status.socket === 'closed' ||
      status.engine === 'down' ||
      live.model.error !== null);
  return { rows, fallback, live };
}
