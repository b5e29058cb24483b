import { psArgsSchema } from '@berth/api';
import type { PsArgsValues } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { RotateCw } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Form, FormTextField, useZodForm } from '@/components/ui/form';
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
  const [psArgs, setPsArgs] = useState('');
  const form = useZodForm(psArgsSchema, { defaultValues: { psArgs: '' } });
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
      <Form
        form={form}
        className="flex-row items-start gap-2"
        aria-label="List processes"
        onSubmit={(event) =>
          void form.handleSubmit((values) => {
            // The same arguments again: the person asks for a fresh list.
            if (values.psArgs === psArgs) void query.refetch();
            else setPsArgs(values.psArgs);
          })(event)
        }
      >
        <div className="w-72">
          <FormTextField<PsArgsValues>
            name="psArgs"
            label="ps arguments"
            placeholder="-ef (default), aux, -o pid,comm,rss"
            className="font-mono"
          />
        </div>
        <Button
          type="submit"
          className="mt-6"
          icon={<RotateCw className="size-3.5" aria-hidden />}
          loading={query.isFetching}
        >
          Refresh
        </Button>
      </Form>
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
