export type ItemResult<T> = { item: T; ok: true } | { item: T; ok: false; message: string };

/**
 * Runs `task` for every item with at most `limit` in flight, and never rejects: each item gets
 * its own result so one failure does not hide the others.
 */
export async function runParallel<T>(
  items: readonly T[],
  task: (item: T) => Promise<unknown>,
  options: { limit?: number; onResult?: (result: ItemResult<T>, done: number) => void } = {},
): Promise<ItemResult<T>[]> {
  const limit = Math.max(1, options.limit ?? 8);
  const results: ItemResult<T>[] = new Array<ItemResult<T>>(items.length);
  let next = 0;
  let done = 0;

  async function worker() {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as T;
      let result: ItemResult<T>;
      try {
        await task(item);
        result = { item, ok: true };
      } catch (error) {
        result = {
          item,
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        };
      }
      results[index] = result;
      done++;
      options.onResult?.(result, done);
    }
  }

  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
