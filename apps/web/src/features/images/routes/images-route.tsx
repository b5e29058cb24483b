import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import {
  Download,
  FileUp,
  Hammer,
  HardDriveDownload,
  Layers,
  PackagePlus,
  Search,
  Trash2,
} from 'lucide-react';
import { useMemo, useState } from 'react';
import { buttonClasses, Button } from '@/components/ui/button';
import { CapabilityNote } from '@/components/ui/capability-note';
import { CheckboxField } from '@/components/ui/checkbox';
import { useDataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ListPage } from '@/components/ui/list-page';
import { useCapabilities } from '@/hooks/use-capabilities';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useEnginePermission } from '@/hooks/use-me';
import { useNow } from '@/hooks/use-now';
import { cn } from '@/lib/cn';
import { useContainerSummaries } from '@/lib/container-summaries-query';
import { useImageList } from '@/lib/model-lists';
import { diskUsageQueryOptions } from '@/lib/queries';
import { saveImagesHref } from '../api/images-api';
import { filterImages, toImageRows } from '../api/image-rows';
import { ImagesTable, useImageColumns } from '../components/images-table';
import { ImportDialog } from '../components/import-dialog';
import { LoadDialog } from '../components/load-dialog';
import { PruneImagesDialog } from '../components/prune-images-dialog';
import { PullDialog } from '../components/pull-dialog';
import { SearchDialog } from '../components/search-dialog';

type Open = null | 'pull' | 'search' | 'prune' | 'load' | 'import';

export function ImagesRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Images');
  const can = useEnginePermission();
  const now = useNow(30_000);
  const query = useImageList(endpointId);
  const containers = useContainerSummaries(endpointId);
  const engine = useCapabilities(endpointId);
  // No /system/df on PouchContainer: its answer (usage counts) is simply not asked for.
  const usage = useQuery({ ...diskUsageQueryOptions(endpointId), enabled: engine.has('systemDf') });
  const [filter, setFilter] = useState('');
  const [danglingOnly, setDanglingOnly] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const [pullReference, setPullReference] = useState('');

  const allRows = useMemo(
    () => toImageRows(query.data ?? [], usage.data, containers.data),
    [query.data, usage.data, containers.data],
  );
  const rows = useMemo(
    () => filterImages(allRows, filter, danglingOnly),
    [allRows, filter, danglingOnly],
  );
  const columns = useImageColumns({ endpointId, now });
  const table = useDataTable({
    id: 'images',
    columns,
    data: rows,
    getRowId: (row) => row.id,
    selectable: true,
    defaultSorting: [{ id: 'created', desc: true }],
  });
  // Only rows still listed and on screen: a removed or filtered-out image is never saved.
  const chosen = table.getFilteredSelectedRowModel().rows.map((row) => row.original);

  const canPull = can('POST', '/images/create').allowed;
  const mayBuild = can('POST', '/build').allowed;
  const mayPrune = can('POST', '/images/prune').allowed;
  const canBuild = mayBuild && engine.has('build');
  const canLoad = can('POST', '/images/load').allowed;
  const canImport = can('POST', '/images/create').allowed;
  // PouchContainer saves one image at a time (`images/save?name=`), Docker any number.
  const canSave =
    (engine.has('imageGetAll')
      ? can('GET', '/images/get').allowed
      : can('GET', '/images/save').allowed) &&
    (engine.has('imageGetAll') || chosen.length === 1);
  const canPrune = mayPrune && engine.has('prune');
  const notOffered = (
    [
      ['Build', 'build', mayBuild],
      ['Prune', 'prune', mayPrune],
      ['Save several as one tar', 'imageGetAll', chosen.length > 1],
    ] as const
  )
    .filter(([, capability, relevant]) => relevant && !engine.has(capability))
    .map(([label, capability]) => [label, engine.reason(capability)] as const);

  return (
    <>
      <ListPage
        title="Images"
        noun="images"
        query={query}
        filter={filter}
        onFilter={setFilter}
        table={table}
        actions={
          <>
            <CheckboxField
              label="Dangling only"
              checked={danglingOnly}
              onChange={(event) => setDanglingOnly(event.target.checked)}
            />
            <CapabilityNote engineName={engine.engineName} missing={notOffered} />
            {canSave && chosen.length > 0 && (
              <a
                href={saveImagesHref(
                  endpointId,
                  chosen.map((row) => row.tags[0] ?? row.id),
                  engine.kind,
                )}
                download={
                  chosen.length === 1
                    ? `${chosen[0]?.label.replace(/[/:]/g, '_')}.tar`
                    : 'images.tar'
                }
                className={buttonClasses('secondary', 'md')}
              >
                <HardDriveDownload className="size-3.5" aria-hidden />
                Save {chosen.length} as tar
              </a>
            )}
            <Button icon={<Search className="size-3.5" />} onClick={() => setOpen('search')}>
              Search images
            </Button>
            {canLoad && (
              <Button icon={<FileUp className="size-3.5" />} onClick={() => setOpen('load')}>
                Load
              </Button>
            )}
            {canImport && (
              <Button icon={<PackagePlus className="size-3.5" />} onClick={() => setOpen('import')}>
                Import
              </Button>
            )}
            {canPrune && (
              <Button icon={<Trash2 className="size-3.5" />} onClick={() => setOpen('prune')}>
                Prune images
              </Button>
            )}
            {canBuild && (
              <Link
                to="/endpoints/$endpointId/images/build"
                params={{ endpointId }}
                className={cn(buttonClasses('secondary', 'md'))}
              >
                <Hammer className="size-3.5" aria-hidden />
                Build image
              </Link>
            )}
            {canPull && (
              <Button
                variant="primary"
                icon={<Download className="size-3.5" />}
                onClick={() => {
                  setPullReference('');
                  setOpen('pull');
                }}
              >
                Pull image
              </Button>
            )}
          </>
        }
        empty={
          <EmptyState icon={<Layers className="size-8" aria-hidden />} title="No images">
            {canPull
              ? 'Pull an image from a registry, build one from a Dockerfile, or load a saved tar.'
              : 'An operator can pull or build images here.'}
          </EmptyState>
        }
      >
        <ImagesTable table={table} viewKey={`${filter}|${danglingOnly}`} />
      </ListPage>
      <PullDialog
        endpointId={endpointId}
        open={open === 'pull'}
        initialReference={pullReference}
        onClose={() => setOpen(null)}
      />
      {open === 'search' && (
        <SearchDialog
          endpointId={endpointId}
          canPull={canPull}
          onClose={() => setOpen(null)}
          onPull={(name) => {
            setPullReference(name);
            setOpen('pull');
          }}
        />
      )}
      {open === 'prune' && (
        <PruneImagesDialog endpointId={endpointId} rows={allRows} onClose={() => setOpen(null)} />
      )}
      {open === 'import' && <ImportDialog endpointId={endpointId} onClose={() => setOpen(null)} />}
      {open === 'load' && (
        <LoadDialog endpointId={endpointId} kind={engine.kind} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
