import { containerName } from '@berth/api';
import type { ContainerInspect } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { ErrorState } from '@/components/ui/error-state';
import { InlineAlert } from '@/components/ui/inline-alert';
import { DetailHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { containerQueryOptions } from '../api/containers-queries';
import { emptyCreateView, toRequest, toViewModel } from '../api/create-view-model';
import { recreateContainer } from '../api/recreate-container';
import { CreateContainerForm } from '../components/create/create-container-form';

const route = getRouteApi('/_app/endpoints/$endpointId/containers/new');

export function CreateContainerRoute() {
  const { endpointId } = route.useParams();
  const { from, recreate = false } = route.useSearch();
  useDocumentTitle(from ? 'Duplicate container' : 'Create container');
  const source = useQuery({
    ...containerQueryOptions(endpointId, from ?? ''),
    enabled: Boolean(from),
  });

  return (
    <div className="h-full overflow-auto">
      <DetailHeader
        crumbs={[
          {
            label: 'Containers',
            link: { to: '/endpoints/$endpointId/containers', params: { endpointId } },
          },
        ]}
        current={from ? 'Duplicate' : 'New'}
        title={
          from && source.data
            ? `Duplicate ${containerName([source.data.Name], source.data.Id)}`
            : 'Create container'
        }
      />
      <div className="px-6 pt-4">
        {!from ? (
          <CreateContainerForm endpointId={endpointId} initial={emptyCreateView()} />
        ) : source.isPending ? (
          <SkeletonRows rows={8} label="Loading the container to copy" />
        ) : source.isError ? (
          <ErrorState title="Could not read the container to copy" message={source.error.message} />
        ) : (
          <DuplicateOrRecreate endpointId={endpointId} source={source.data} recreate={recreate} />
        )}
      </div>
    </div>
  );
}

function DuplicateOrRecreate({
  endpointId,
  source,
  recreate,
}: {
  endpointId: string;
  source: ContainerInspect;
  recreate: boolean;
}) {
  const navigate = useNavigate();
  const name = containerName([source.Name], source.Id);
  const setMode = (next: boolean) =>
    void navigate({
      to: '/endpoints/$endpointId/containers/new',
      params: { endpointId },
      search: next ? { from: source.Id, recreate: true } : { from: source.Id },
      replace: true,
    });
  return (
    <>
      <div
        role="radiogroup"
        aria-label="What to do"
        className="mb-4 flex flex-wrap gap-4 text-[13px]"
      >
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="create-mode"
            checked={!recreate}
            onChange={() => setMode(false)}
          />
          Duplicate (a new container beside it)
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="create-mode"
            checked={recreate}
            onChange={() => setMode(true)}
          />
          Recreate (replace {name})
        </label>
      </div>
      {recreate && (
        <InlineAlert tone="warning" className="mb-4" title="Recreate replaces the container">
          It is stopped and renamed aside, the new one is created and started under its name, and
          only then is the old one removed. If a step fails, the old one is put back. Data outside
          volumes is lost.
        </InlineAlert>
      )}
      <CreateContainerForm
        key={recreate ? 'recreate' : 'duplicate'}
        endpointId={endpointId}
        submitLabel={recreate ? 'Recreate' : 'Create'}
        initial={recreate ? toViewModel(source) : { ...toViewModel(source), name: `${name}-copy` }}
        onSubmitRequest={
          recreate
            ? (view, onProgress) =>
                recreateContainer(
                  endpointId,
                  source,
                  toRequest(view),
                  { pullIfMissing: view.pullIfMissing, start: view.start },
                  onProgress,
                )
            : undefined
        }
      />
    </>
  );
}
