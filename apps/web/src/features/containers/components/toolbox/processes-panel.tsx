import { useQuery } from '@tanstack/react-query';
import { RotateCw } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { TextInput } from '@/components/ui/input';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { SkeletonRows } from '@/components/ui/skeleton';
import { topQueryOptions } from '../../api/toolbox';

/** `docker top`: the container's processes as ps sees them, with the ps arguments to use. */
export function ProcessesPanel({
  endpointId,
  containerId,
  running,
}: {
  endpointId: string;
  containerId: string;
  running: boolean;
}) {
  const [draft, setDraft] = useState('');
  const [psArgs, setPsArgs] = useState('');
  const query = useQuery({ ...topQueryOptions(endpointId, containerId, psArgs), enabled: running });

  if (!running) {
    return (
      <EmptyState title="Not running">
        Processes are listed while the container runs. Start it to see them.
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-3 p-6">
      <form
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (draft === psArgs) void query.refetch();
          else setPsArgs(draft);
        }}
      >
        <label className="flex flex-col gap-1.5 text-[12.5px] font-medium text-fg">
          ps arguments
          <TextInput
            value={draft}
            placeholder="-ef (default), aux, -o pid,comm,rss"
            onChange={(event) => setDraft(event.target.value)}
            className="w-72 font-mono"
          />
        </label>
        <Button
          type="submit"
          icon={<RotateCw className="size-3.5" aria-hidden />}
          loading={query.isFetching}
        >
          Refresh
        </Button>
      </form>
      {query.isPending ? (
        <SkeletonRows rows={4} label="Loading processes" />
      ) : query.isError ? (
        <ErrorState title="Could not list processes" message={query.error.message} />
      ) : (
        <div className="overflow-auto rounded-lg border border-line">
          <SimpleTable
            label="Processes"
            density="compact"
            columns={query.data.Titles.map((title, i): Column<string[]> => ({
              key: `${i}`,
              header: title,
              cellClassName: 'font-mono text-[12.5px] whitespace-pre text-fg',
              cell: (row) => row[i],
            }))}
            rows={query.data.Processes ?? []}
            rowKey={(_, index) => String(index)}
          />
        </div>
      )}
    </div>
  );
}
