import { useQuery } from '@tanstack/react-query';
import { HardDrive, Plus, Scissors } from 'lucide-react';
import { useCallback, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CapabilityNote } from '@/components/ui/capability-note';
import { EmptyState } from '@/components/ui/empty-state';
import { ListPage } from '@/components/ui/list-page';
import { DataTable, useDataTable } from '@/components/ui/data-table';
import { useCapabilities } from '@/hooks/use-capabilities';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useEnginePermission } from '@/hooks/use-me';
import { useContainerSummaries } from '@/lib/container-summaries-query';
import { useVolumeList } from '@/lib/model-lists';
import { diskUsageQueryOptions, endpointsQueryOptions, findEndpoint } from '@/lib/queries';
import { mountsByVolume, prunePreview, pruneSparesNamed } from '../api/volumes-api';
import {
  CreateVolumeDialog,
  InspectVolumeDialog,
  PruneVolumesDialog,
  RemoveVolumeDialog,
} from '../components/volume-dialogs';
import { useVolumeColumns } from '../components/volume-columns';
import type { VolumeRow } from '../components/volume-columns';

type DialogState =
  | { kind: 'create' }
  | { kind: 'prune' }
  | { kind: 'inspect'; row: VolumeRow }
  | { kind: 'remove'; row: VolumeRow }
  | null;

export function VolumesRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Volumes');
  const query = useVolumeList(endpointId);
  const engine = useCapabilities(endpointId);
  // Sizes come from /system/df, which PouchContainer has not: not asked for there.
  const df = useQuery({ ...diskUsageQueryOptions(endpointId), enabled: engine.has('systemDf') });
  const containers = useContainerSummaries(endpointId);
  const endpoints = useQuery(endpointsQueryOptions());
  const sparesNamed = pruneSparesNamed(findEndpoint(endpoints.data, endpointId)?.apiVersion);
  const can = useEnginePermission();
  const canRemove = can('DELETE', '/volumes/any').allowed;
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<DialogState>(null);

  const used = useMemo(() => mountsByVolume(containers.data ?? []), [containers.data]);
  const usage = useMemo(
    () => new Map((df.data?.Volumes ?? []).map((v) => [v.Name, v.UsageData ?? null])),
    [df.data],
  );
  const rows = useMemo<VolumeRow[]>(
    () =>
      (query.data ?? []).map((volume) => {
        const data = usage.get(volume.Name) ?? volume.UsageData ?? null;
        return {
          ...volume,
          size: data && data.Size >= 0 ? data.Size : null,
          refCount: data && data.RefCount >= 0 ? data.RefCount : null,
          usedBy: used.get(volume.Name) ?? [],
        };
      }),
    [query.data, usage, used],
  );
  const onInspect = useCallback((row: VolumeRow) => setDialog({ kind: 'inspect', row }), []);
  const onRemove = useCallback((row: VolumeRow) => setDialog({ kind: 'remove', row }), []);
  const columns = useVolumeColumns({ canRemove, onInspect, onRemove });
  const table = useDataTable({
    id: 'volumes',
    columns,
    data: rows,
    getRowId: (volume) => volume.Name,
    globalFilter: filter,
    defaultSorting: [{ id: 'created', desc: true }],
  });

  return (
    <>
      <ListPage
        title="Volumes"
        noun="volumes"
        query={query}
        filter={filter}
        onFilter={setFilter}
        table={table}
        actions={
          <>
            {can('POST', '/volumes/prune').allowed && !engine.has('prune') && (
              <CapabilityNote
                engineName={engine.engineName}
                missing={[['Prune', engine.reason('prune')]]}
              />
            )}
            {can('POST', '/volumes/prune').allowed && engine.has('prune') && (
              <Button
                size="sm"
                icon={<Scissors className="size-3.5" aria-hidden />}
                disabled={!containers.data}
                onClick={() => setDialog({ kind: 'prune' })}
              >
                Prune volumes
              </Button>
            )}
            {can('POST', '/volumes/create').allowed && (
              <Button
                size="sm"
                variant="primary"
                icon={<Plus className="size-3.5" aria-hidden />}
                onClick={() => setDialog({ kind: 'create' })}
              >
                Create volume
              </Button>
            )}
          </>
        }
        empty={
          <EmptyState icon={<HardDrive className="size-8" aria-hidden />} title="No volumes">
            Create one with “Create volume”, or mount a new one when you create a container.
          </EmptyState>
        }
      >
        <DataTable
          table={table}
          label="Volumes"
          rowName={(volume) => volume.Name}
          resetScrollKey={filter}
        />
      </ListPage>
      {dialog?.kind === 'create' && (
        <CreateVolumeDialog endpointId={endpointId} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'inspect' && (
        <InspectVolumeDialog
          endpointId={endpointId}
          volume={dialog.row}
          usedBy={dialog.row.usedBy}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveVolumeDialog
          endpointId={endpointId}
          name={dialog.row.Name}
          usedBy={dialog.row.usedBy}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'prune' && (
        <PruneVolumesDialog
          endpointId={endpointId}
          preview={(all) => prunePreview(query.data ?? [], used, all, sparesNamed)}
          sparesNamed={sparesNamed}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
