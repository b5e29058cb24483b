import { allowedActions } from '@berth/api';
import type { ContainerAction, ContainerRow, RemoveContainerOptions } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { runParallel } from '@/lib/run-parallel';
import { containerMutationKeys, runContainerAction } from './container-actions';

export type BulkItemStatus =
  | { kind: 'pending' }
  | { kind: 'ok' }
  | { kind: 'failed'; message: string }
  | { kind: 'skipped'; reason: string };

export interface BulkItem {
  id: string;
  name: string;
  status: BulkItemStatus;
}

export interface BulkRun {
  action: ContainerAction;
  items: BulkItem[];
  /** How many of the runnable items have finished. */
  done: number;
  total: number;
  running: boolean;
}

/** Up to 8 engine calls at once: fast for hundreds of containers without flooding the engine. */
export const BULK_CONCURRENCY = 8;

export function useBulkAction(endpointId: string) {
  const [run, setRun] = useState<BulkRun | null>(null);

  const mutation = useMutation({
    mutationFn: async ({
      action,
      rows,
      removeOptions,
    }: {
      action: ContainerAction;
      rows: ContainerRow[];
      removeOptions?: RemoveContainerOptions;
    }) => {
      // Only act where the action makes sense; say why the others were left alone.
      const runnable = rows.filter((row) => allowedActions(row.state)[action]);
      const items: BulkItem[] = rows.map((row) => ({
        id: row.id,
        name: row.name,
        status: allowedActions(row.state)[action]
          ? { kind: 'pending' }
          : { kind: 'skipped', reason: `Skipped: ${row.state}` },
      }));
      setRun({ action, items, done: 0, total: runnable.length, running: true });

      const results = await runParallel(
        runnable,
        (row) => runContainerAction(endpointId, row.id, action, removeOptions),
        {
          limit: BULK_CONCURRENCY,
          onResult: (result, done) =>
            setRun((current) =>
              current
                ? {
                    ...current,
                    done,
                    items: current.items.map((item) =>
                      item.id === result.item.id
                        ? {
                            ...item,
                            status: result.ok
                              ? { kind: 'ok' }
                              : { kind: 'failed', message: result.message },
                          }
                        : item,
                    ),
                  }
                : current,
            ),
        },
      );
      setRun((current) => (current ? { ...current, running: false } : current));
      return results;
    },
    // Failures are listed per item in the result dialog, not toasted one by one.
    meta: { toastOnError: false, invalidates: containerMutationKeys(endpointId) },
  });

  return {
    run,
    start: mutation.mutate,
    dismiss: () => setRun(null),
  };
}
