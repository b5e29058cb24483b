import { containerName } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { ChevronRight } from 'lucide-react';
import { ErrorState } from '@/components/ui/error-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { containerQueryOptions } from '../api/containers-queries';
import { emptyCreateView, toViewModel } from '../api/create-view-model';
import { CreateContainerForm } from '../components/create/create-container-form';

export function parseCreateSearch(search: Record<string, unknown>): { from?: string } {
  return typeof search.from === 'string' && search.from ? { from: search.from } : {};
}

const route = getRouteApi('/_app/endpoints/$endpointId/containers/new');

export function CreateContainerRoute() {
  const { endpointId } = route.useParams();
  const { from } = route.useSearch();
  useDocumentTitle(from ? 'Duplicate container' : 'Create container');
  const source = useQuery({
    ...containerQueryOptions(endpointId, from ?? ''),
    enabled: Boolean(from),
  });

  return (
    <div className="h-full overflow-auto">
      <div className="border-b border-line px-6 pt-4 pb-4">
        <nav
          aria-label="Breadcrumb"
          className="mb-2 flex items-center gap-1 text-[12.5px] text-muted"
        >
          <Link
            to="/endpoints/$endpointId/containers"
            params={{ endpointId }}
            className="hover:text-fg hover:underline"
          >
            Containers
          </Link>
          <ChevronRight className="size-3" aria-hidden />
          <span aria-current="page" className="text-fg">
            {from ? 'Duplicate' : 'New'}
          </span>
        </nav>
        <h1 className="text-[17px] font-semibold text-fg">
          {from && source.data
            ? `Duplicate ${containerName([source.data.Name], source.data.Id)}`
            : 'Create container'}
        </h1>
      </div>
      <div className="px-6 pt-4">
        {!from ? (
          <CreateContainerForm endpointId={endpointId} initial={emptyCreateView()} />
        ) : source.isPending ? (
          <SkeletonRows rows={8} label="Loading the container to copy" />
        ) : source.isError ? (
          <ErrorState title="Could not read the container to copy" message={source.error.message} />
        ) : (
          <CreateContainerForm
            endpointId={endpointId}
            initial={{
              ...toViewModel(source.data),
              name: `${source.data.Name.replace(/^\//, '')}-copy`,
            }}
          />
        )}
      </div>
    </div>
  );
}
