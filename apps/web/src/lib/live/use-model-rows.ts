import type { ModelKind, ModelRows } from '@berth/api';
import { useEffect, useSyncExternalStore } from 'react';
import type { LiveEndpoint } from './live-endpoint';
import { useLiveEndpoint, useLiveStatus } from './use-live-endpoint';

export interface ModelRowsResult<K extends ModelKind> {
  /** The rows once the model's snapshot is complete; undefined before. */
  rows: readonly ModelRows[K][] | undefined;
  /**
   * The model cannot answer now (no socket, or the engine is down and no snapshot came yet):
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
  const fallback =
    rows === undefined &&
    (status.socket !== 'open' || status.engine === 'down' || live.model.error !== null);
  return { rows, fallback, live };
}
