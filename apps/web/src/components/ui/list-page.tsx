import type { UseQueryResult } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { useRef } from 'react';
import type { ReactNode } from 'react';
import { useSlashFocus } from '@/hooks/use-slash-focus';
import { EmptyState } from './empty-state';
import { PanelErrorBoundary } from './error-boundary';
import { ErrorState } from './error-state';
import { TextInput } from './input';
import { SkeletonRows } from './skeleton';

/** Title, filter box, and the loading / error / empty / data states of one engine list. */
export function ListPage<T>({
  title,
  noun,
  query,
  filter,
  onFilter,
  visibleCount,
  empty,
  actions,
  description,
  children,
}: {
  title: string;
  /** Controls beside the filter box (time window, refresh). */
  actions?: ReactNode;
  description?: ReactNode;
  /** Plural noun for the filter's name and the error title ("images"). */
  noun: string;
  query: UseQueryResult<T[]>;
  filter: string;
  onFilter: (value: string) => void;
  visibleCount: number;
  empty: ReactNode;
  children: ReactNode;
}) {
  const filterRef = useRef<HTMLInputElement>(null);
  useSlashFocus(filterRef);
  const total = query.data?.length ?? 0;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line px-6 pt-5 pb-3">
        <div className="min-w-0">
          <h1 className="flex items-baseline gap-2 text-[17px] font-semibold text-fg">
            {title}
            {query.data && (
              <span className="text-[13px] font-normal text-muted tabular-nums">
                {filter.trim() ? `${visibleCount} of ${total}` : total}
              </span>
            )}
          </h1>
          {description && <p className="mt-0.5 text-[12.5px] text-muted">{description}</p>}
        </div>
        <div className="flex items-center gap-2">
          {actions}
          <div className="relative">
            <Search
              className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-faint"
              aria-hidden
            />
            <TextInput
              ref={filterRef}
              type="search"
              aria-label={`Filter ${noun}`}
              placeholder={`Filter ${noun}`}
              value={filter}
              onChange={(event) => onFilter(event.target.value)}
              className="w-64 pl-8"
            />
          </div>
        </div>
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        <PanelErrorBoundary title={`The ${noun} list failed to render`}>
          {query.isPending ? (
            <SkeletonRows rows={6} label={`Loading ${noun}`} />
          ) : query.isError ? (
            <ErrorState
              title={`Could not list ${noun}`}
              message={query.error.message}
              onRetry={() => void query.refetch()}
              retrying={query.isFetching}
            />
          ) : total === 0 ? (
            empty
          ) : visibleCount === 0 ? (
            <EmptyState title={`No ${noun} match “${filter}”`} />
          ) : (
            children
          )}
        </PanelErrorBoundary>
      </div>
    </div>
  );
}
