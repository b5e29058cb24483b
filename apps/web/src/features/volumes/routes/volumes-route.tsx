import { formatAgo, formatBytes, volumeCreatedMs } from '@berth/api';
import type { Volume } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Eye, HardDrive, Plus, Scissors, Trash2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button, IconButton } from '@/components/ui/button';
import { CapabilityNote } from '@/components/ui/capability-note';
import { EmptyState } from '@/components/ui/empty-state';
import { ListPage } from '@/components/ui/list-page';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { useCapabilities } from '@/hooks/use-capabilities';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useEnginePermission } from '@/hooks/use-me';
import { useContainerSummaries } from '@/lib/container-summaries-query';
import {
  diskUsageQueryOptions,
  endpointsQueryOptions,
  findEndpoint,
  volumesQueryOptions,
} from '@/lib/queries';
import { mountsByVolume, prunePreview, pruneSparesNamed } from '../api/volumes-api';
import {
  CreateVolumeDialog,
  InspectVolumeDialog,
  PruneVolumesDialog,
  RemoveVolumeDialog,
} from '../components/volume-dialogs';

type Row = Volume & { size: number | null; refCount: number | null; usedBy: string[] };
type DialogState =
  | { kind: 'create' }
  | { kind: 'prune' }
  | { kind: 'inspect'; row: Row }
  | { kind: 'remove'; row: Row }
  | null;

export function VolumesRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Volumes');
  const query = useQuery({
    ...volumesQueryOptions(endpointId),
    select: (data) => data.Volumes ?? [],
  });
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
  const rows = useMemo<Row[]>(() => {
    const needle = filter.trim().toLowerCase();
    return (query.data ?? [])
      .filter((volume) => !needle || volume.Name.toLowerCase().includes(needle))
      .map((volume) => {
        const data = usage.get(volume.Name) ?? volume.UsageData ?? null;
        return {
          ...volume,
          size: data && data.Size >= 0 ? data.Size : null,
          refCount: data && data.RefCount >= 0 ? data.RefCount : null,
          usedBy: used.get(volume.Name) ?? [],
        };
      })
      .sort((a, b) => (b.CreatedAt ?? '').localeCompare(a.CreatedAt ?? ''));
  }, [query.data, filter, usage, used]);

  const columns: Column<Row>[] = [
    {
      key: 'name',
      header: 'Name',
      cell: (volume) => (
        <span
          className="block max-w-[24rem] truncate font-mono text-[12.5px] text-fg"
          title={volume.Name}
        >
          {volume.Name}
        </span>
      ),
    },
    {
      key: 'driver',
      header: 'Driver',
      cell: (volume) => <span className="font-mono text-[12.5px] text-muted">{volume.Driver}</span>,
    },
    {
      key: 'size',
      header: 'Size',
      className: 'text-right tabular-nums',
      cell: (volume) => (
        <span className="text-muted">{volume.size === null ? '—' : formatBytes(volume.size)}</span>
      ),
    },
    {
      key: 'refs',
      header: 'Containers',
      className: 'text-right tabular-nums',
      cell: (volume) => (
        <span className="text-muted">{volume.refCount ?? volume.usedBy.length}</span>
      ),
    },
    {
      key: 'usedBy',
      header: 'Mounted by',
      cell: (volume) =>
        volume.usedBy.length ? (
          <span
            className="block max-w-[16rem] truncate text-[12.5px] text-fg"
            title={volume.usedBy.join(', ')}
          >
            {volume.usedBy.join(', ')}
          </span>
        ) : (
          <span className="text-faint">unused</span>
        ),
    },
    {
      key: 'created',
      header: 'Created',
      cell: (volume) => {
        // pouchd writes `2026-11-23 17:27:56` (no zone), Docker RFC 3339: the adapter reads both.
        const ms = volumeCreatedMs(volume.CreatedAt);
        const created = ms === null ? null : new Date(ms);
        return created ? (
          <time className="text-muted" dateTime={volume.CreatedAt} title={created.toLocaleString()}>
            {formatAgo(created.getTime())}
          </time>
        ) : (
          <span className="text-faint">—</span>
        );
      },
    },
    {
      key: 'actions',
      header: '',
      className: 'text-right',
      cell: (volume) => (
        <span className="inline-flex gap-1">
          <IconButton
            aria-label={`Inspect ${volume.Name}`}
            size="sm"
            onClick={() => setDialog({ kind: 'inspect', row: volume })}
          >
            <Eye className="size-3.5" />
          </IconButton>
          {canRemove && (
            <IconButton
              aria-label={`Remove ${volume.Name}`}
              size="sm"
              onClick={() => setDialog({ kind: 'remove', row: volume })}
            >
              <Trash2 className="size-3.5" />
            </IconButton>
          )}
        </span>
      ),
    },
  ];

  return (
    <>
      <ListPage
        title="Volumes"
        noun="volumes"
        query={query}
        filter={filter}
        onFilter={setFilter}
        visibleCount={rows.length}
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
        <SimpleTable
          label="Volumes"
          columns={columns}
          rows={rows}
          rowKey={(volume) => volume.Name}
        />
      </ListPage>
      {dialog?.kind === 'create' && (
        <CreateVolumeDialog endpointId={endpointId} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'inspect' && (
        <InspectVolumeDialog
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
