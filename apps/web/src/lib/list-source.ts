/**
 * What a list page reads: the part of a TanStack query result the pages use, so a list can come
 * from the live model or, while that cannot answer, from a query.
 */
export type ListSource<T> = {
  data: T | undefined;
  isPending: boolean;
  isFetching: boolean;
  refetch: () => Promise<unknown>;
} & ({ isError: true; error: Error } | { isError: false; error: null });

/** A query result, narrowed to a ListSource. */
export function fromQuery<T>(query: {
  data: T | undefined;
  isPending: boolean;
  isFetching: boolean;
  error: Error | null;
  refetch: () => Promise<unknown>;
}): ListSource<T> {
  const common = {
    data: query.data,
    isPending: query.isPending,
    isFetching: query.isFetching,
    refetch: query.refetch,
  };
  return query.error
    ? { ...common, isError: true, error: query.error }
    : { ...common, isError: false, error: null };
}

/** Rows from the live model. */
export function fromModel<T>(data: T | undefined, refresh: () => void): ListSource<T> {
  return {
    data,
    isPending: data === undefined,
    isFetching: false,
    refetch: () => {
      refresh();
      return Promise.resolve();
    },
    isError: false,
    error: null,
  };
}
