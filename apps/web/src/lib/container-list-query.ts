import { endpointKeys, statusAt, toContainerRow } from '@berth/api';
import type { ContainerRow, ModelContainer } from '@berth/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useNow } from '@/hooks/use-now';
import { engine } from './api-client';
import { fromModel, fromQuery, type ListSource } from './list-source';
import { useModelRows } from './live/use-model-rows';

/**
 * The containers list as display rows, read from the engine: the fallback of `useContainerList`
 * while the live model cannot answer. One definition, one cache entry per `all`.
 */
export function containerListQueryOptions(endpointId: string, params: { all: boolean }) {
  return queryOptions({
    queryKey: endpointKeys.containerList(endpointId, params),
    queryFn: async ({ signal }) => {
      const list = await engine(endpointId).listContainers({ all: params.all }, signal);
      return list.map(toContainerRow);
    },
  });
}

/** What `docker ps` without `-a` lists. */
const LISTED_WITHOUT_ALL = new Set(['running', 'paused', 'restarting']);

/** Rows from the model, status texts written for `now` ("Up 3 hours", not "Up 2 seconds"). */
export function containerRowsAt(
  rows: readonly ModelContainer[],
  all: boolean,
  now: number,
): ContainerRow[] {
  const out: ContainerRow[] = [];
  for (const row of rows) {
    if (!all && !LISTED_WITHOUT_ALL.has(row.state)) continue;
    const status = statusAt(row.status, row.since, now);
    out.push(status === row.status ? row : { ...row, status });
  }
  return out;
}

/**
 * The containers list, painted from the gateway's live model (no refetch on events); from the
 * engine's list only while the model cannot answer. The containers page, the stats page, the
 * merged logs and the dashboard read it.
 */
export function useContainerList(
  endpointId: string,
  params: { all: boolean },
): ListSource<ContainerRow[]> & { live: boolean } {
  const model = useModelRows(endpointId, 'containers');
  const query = useQuery({
    ...containerListQueryOptions(endpointId, params),
    enabled: model.fallback,
  });
  const now = useNow(30_000);
  const rows = model.rows;
  const data = useMemo(
    () => (rows ? containerRowsAt(rows, params.all, now) : undefined),
    [rows, params.all, now],
  );
  if (data) return { ...fromModel(data, () => model.live.model.refresh()), live: true };
  // Read before the socket opened (a first load straight onto this page): shown until the
  // model's snapshot is complete, so the list never flashes back to loading.
  if (model.fallback || query.data) return { ...fromQuery(query), live: false };
  return { ...fromModel<ContainerRow[]>(undefined, () => model.live.model.refresh()), live: false };
}
