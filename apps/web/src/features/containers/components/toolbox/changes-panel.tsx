import { useQuery } from '@tanstack/react-query';
import { RotateCw } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { TextInput } from '@/components/ui/input';
import { SkeletonRows } from '@/components/ui/skeleton';
import { cn } from '@/lib/cn';
import { CHANGE_KIND, changesQueryOptions } from '../../api/toolbox';

const KIND_LABEL = { A: 'Added', C: 'Changed', D: 'Deleted' } as const;
const KIND_CLASS = {
  A: 'text-emerald-700 dark:text-emerald-400',
  C: 'text-amber-700 dark:text-amber-300',
  D: 'text-danger',
} as const;
const LIMIT = 5_000;

/** `docker diff`: paths added, changed or deleted in the container's writable layer. */
export function ChangesPanel({
  endpointId,
  containerId,
}: {
  endpointId: string;
  containerId: string;
}) {
  const query = useQuery(changesQueryOptions(endpointId, containerId));
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const needle = filter.trim();
    return (query.data ?? []).filter((change) => !needle || change.Path.includes(needle));
  }, [query.data, filter]);

  return (
    <div className="flex flex-col gap-3 p-6">
      <div className="flex items-center gap-2">
        <TextInput
          type="search"
          aria-label="Filter changes"
          placeholder="Filter paths"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          className="w-72"
        />
        <Button
          icon={<RotateCw className="size-3.5" aria-hidden />}
          loading={query.isFetching}
          onClick={() => void query.refetch()}
        >
          Refresh
        </Button>
        {query.data && (
          <span className="text-[12.5px] text-muted">
            {(['A', 'C', 'D'] as const)
              .map(
                (k) =>
                  `${query.data.filter((c) => CHANGE_KIND[c.Kind] === k).length} ${KIND_LABEL[k].toLowerCase()}`,
              )
              .join(' · ')}
          </span>
        )}
      </div>
      {query.isPending ? (
        <SkeletonRows rows={4} label="Loading changes" />
      ) : query.isError ? (
        <ErrorState title="Could not read the changes" message={query.error.message} />
      ) : query.data.length === 0 ? (
        <EmptyState title="No changes">
          The container's filesystem is as its image made it.
        </EmptyState>
      ) : (
        <>
          <ul
            aria-label="Changes"
            className="rounded-lg border border-line font-mono text-[12.5px]"
          >
            {rows.slice(0, LIMIT).map((change) => {
              const kind = CHANGE_KIND[change.Kind];
              return (
                <li
                  key={change.Path}
                  className="flex gap-3 border-b border-line px-3 py-1 last:border-0"
                >
                  <abbr
                    title={KIND_LABEL[kind]}
                    className={cn('w-3 font-semibold no-underline', KIND_CLASS[kind])}
                  >
                    {kind}
                  </abbr>
                  <span className="text-fg">{change.Path}</span>
                </li>
              );
            })}
          </ul>
          {rows.length > LIMIT && (
            <p className="text-[12.5px] text-muted">
              Showing the first {LIMIT.toLocaleString()} of {rows.length.toLocaleString()}; filter
              to narrow it.
            </p>
          )}
        </>
      )}
    </div>
  );
}
