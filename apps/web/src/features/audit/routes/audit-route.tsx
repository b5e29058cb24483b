import { auditCsvPath } from '@berth/api';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Download, RotateCw, ScrollText } from 'lucide-react';
import { useCallback, useMemo, useState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PanelErrorBoundary } from '@/components/ui/error-boundary';
import { ErrorState } from '@/components/ui/error-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { auditQueryOptions } from '../api/audit-queries';
import { isFiltered, parseAuditSearch } from '../api/audit-search';
import type { AuditSearch } from '../api/audit-search';
import { AuditFilters } from '../components/audit-filters';
import { AuditTable } from '../components/audit-table';

const route = getRouteApi('/_app/admin/audit');

export function AuditRoute() {
  useDocumentTitle('Audit log');
  const search = route.useSearch();
  const navigate = useNavigate();
  // Remounts the filter fields (their typed drafts) when the filters are cleared.
  const [formKey, setFormKey] = useState(0);
  const query = useInfiniteQuery(auditQueryOptions(search));

  const update = useCallback(
    (patch: AuditSearch) =>
      void navigate({
        to: '/admin/audit',
        search: (previous) => parseAuditSearch({ ...previous, ...patch }),
        replace: true,
      }),
    [navigate],
  );

  const entries = useMemo(() => {
    // Pages are pinned to one time window, but a deleted-and-rewritten offset could still repeat
    // a row; keep each entry once.
    const seen = new Set<number>();
    return (query.data?.pages ?? [])
      .flatMap((page) => page.entries)
      .filter((entry) => !seen.has(entry.id) && seen.add(entry.id));
  }, [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;
  const filtered = isFiltered(search);
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = query;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  // The export takes the filters of what is on screen, time window included.
  const shownFilters = query.data?.pages[0]?.filters;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex flex-col gap-3 border-b border-line px-6 pt-5 pb-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="min-w-0">
            <h1 className="flex items-baseline gap-2 text-[17px] font-semibold text-fg">
              Audit log
              {query.data && (
                <span
                  className="text-[13px] font-normal text-muted tabular-nums"
                  data-testid="audit-total"
                >
                  {total.toLocaleString()} {total === 1 ? 'entry' : 'entries'}
                </span>
              )}
            </h1>
            <p className="mt-0.5 text-[12.5px] text-muted">
              Every login, every change and every exec or attach session, newest first.
            </p>
          </div>
          <div className="flex items-center gap-2">
            <Button
              size="sm"
              variant="ghost"
              icon={<RotateCw className="size-3.5" aria-hidden />}
              loading={query.isFetching && !query.isPending && !isFetchingNextPage}
              onClick={() => void query.refetch()}
            >
              Refresh
            </Button>
            {shownFilters ? (
              <a
                href={auditCsvPath(shownFilters)}
                download
                className={buttonClasses('secondary', 'sm')}
              >
                <Download className="size-3.5" aria-hidden />
                Export CSV
              </a>
            ) : (
              <Button size="sm" disabled icon={<Download className="size-3.5" aria-hidden />}>
                Export CSV
              </Button>
            )}
          </div>
        </div>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <AuditFilters key={formKey} search={search} onChange={update} />
          {filtered && (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                setFormKey((k) => k + 1);
                void navigate({ to: '/admin/audit', search: {}, replace: true });
              }}
            >
              Clear filters
            </Button>
          )}
        </div>
      </div>

      <PanelErrorBoundary title="The audit log failed to render">
        {query.isPending ? (
          <SkeletonRows rows={10} label="Loading the audit log" />
        ) : query.isError ? (
          <ErrorState
            title="Could not read the audit log"
            message={query.error.message}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        ) : entries.length === 0 ? (
          <EmptyState
            icon={<ScrollText className="size-8" aria-hidden />}
            title={filtered ? 'No entries match these filters' : 'Nothing recorded in this window'}
          >
            {filtered ? (
              'Widen the time range or clear a filter.'
            ) : (
              <>
                Logins, changes and exec sessions appear here.{' '}
                <button
                  type="button"
                  className="text-accent-text underline"
                  onClick={() => update({ range: 'all' })}
                >
                  Show all time
                </button>
              </>
            )}
          </EmptyState>
        ) : (
          <AuditTable
            entries={entries}
            total={total}
            hasMore={hasNextPage}
            loadingMore={isFetchingNextPage}
            onLoadMore={loadMore}
            viewKey={JSON.stringify(search)}
          />
        )}
      </PanelErrorBoundary>
    </div>
  );
}
