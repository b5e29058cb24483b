import type { RowData } from '@tanstack/react-table';
import { Search } from 'lucide-react';
import { useRef } from 'react';
import type { ReactNode } from 'react';
import { useSlashFocus } from '@/hooks/use-slash-focus';
import { ColumnsMenu } from './data-table/columns-menu';
import type { DataTableInstance } from './data-table/use-data-table';
import { EmptyState } from './empty-state';
import { PanelErrorBoundary } from './error-boundary';
import { ErrorState } from './error-state';
import { TextInput } from './input';
import { PageHeader } from './page-header';
import { SkeletonRows } from './skeleton';

/** The filter box of a list ("/" focuses it). */
export function FilterInput({
  noun,
  value,
  onChange,
  placeholder,
  className,
}: {
  noun: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  className?: string;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useSlashFocus(ref);
  return (
    <div className="relative">
      <Search
        className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-faint"
        aria-hidden
      />
      <TextInput
        ref={ref}
        type="search"
        aria-label={`Filter ${noun}`}
        placeholder={placeholder ?? `Filter ${noun}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={className ?? 'w-64 pr-8 pl-8'}
      />
      <kbd
        hidden={value !== ''}
        aria-hidden
        className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 rounded border border-line px-1 font-mono text-[10.5px] text-faint"
      >
        /
      </kbd>
    </div>
  );
}

/**
 * What a list page reads from its list (the rows may be built from it): a query's result, or
 * the live model's rows (lib/list-source).
 */
export interface ListQuery {
  data: readonly unknown[] | undefined;
  isPending: boolean;
  isFetching: boolean;
  isError: boolean;
  error: Error | null;
  refetch: () => Promise<unknown>;
}

/**
 * A list page: header with count, filter box and the Columns menu, then the loading / error /
 * empty / no-match / table states of one engine list.
 */
export function ListPage<T extends RowData>({
  title,
  noun,
  query,
  filter,
  onFilter,
  table,
  visibleCount,
  empty,
  actions,
  toolbar,
  description,
  children,
}: {
  title: string;
  /** Plural noun for the filter's name and the error title ("images"). */
  noun: string;
  query: ListQuery;
  filter: string;
  onFilter: (value: string) => void;
  /** The list's table model: counts and the Columns menu come from it. */
  table?: DataTableInstance<T>;
  /** Without a table: how many rows the filter leaves. */
  visibleCount?: number;
  empty: ReactNode;
  /** Buttons in the header (create, prune). */
  actions?: ReactNode;
  /** Controls beside the filter (a state filter, bulk actions). */
  toolbar?: ReactNode;
  description?: ReactNode;
  children: ReactNode;
}) {
  const total = query.data?.length ?? 0;
  const visible = table ? table.getFilteredRowModel().rows.length : (visibleCount ?? total);
  const filtering = filter.trim() !== '';
  return (
    <div className="flex h-full min-h-0 flex-col">
      <PageHeader
        title={title}
        count={query.data ? (filtering ? `${visible} of ${total}` : total) : undefined}
        description={description}
        actions={actions}
      >
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <FilterInput noun={noun} value={filter} onChange={onFilter} />
            {table && <ColumnsMenu table={table} label={title} />}
          </div>
          {toolbar}
        </div>
      </PageHeader>
      <div className="flex min-h-0 flex-1 flex-col overflow-auto">
        <PanelErrorBoundary title={`The ${noun} list failed to render`}>
          {query.isPending ? (
            <SkeletonRows rows={6} label={`Loading ${noun}`} />
          ) : query.isError ? (
            <ErrorState
              title={`Could not list ${noun}`}
              message={query.error?.message ?? ''}
              onRetry={() => void query.refetch()}
              retrying={query.isFetching}
            />
          ) : total === 0 ? (
            empty
          ) : visible === 0 ? (
            <EmptyState title={`No ${noun} match “${filter}”`}>
              <button
                type="button"
                className="text-accent-text underline"
                onClick={() => onFilter('')}
              >
                Clear the filter
              </button>
            </EmptyState>
          ) : (
            children
          )}
        </PanelErrorBoundary>
      </div>
    </div>
  );
}
