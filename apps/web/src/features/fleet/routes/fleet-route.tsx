import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Server } from 'lucide-react';
import { useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { PanelErrorBoundary } from '@/components/ui/error-boundary';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useMe } from '@/hooks/use-me';
import { useFleetEvents } from '@/lib/live/use-fleet-events';
import { endpointsQueryOptions } from '@/lib/queries';
import { EndpointCard } from '../components/endpoint-card';
import { FleetEvents } from '../components/fleet-events';
import { FleetSearch } from '../components/fleet-search';

/** The home page: every endpoint the user may see, at a glance, and a search across them. */
export function FleetRoute() {
  useDocumentTitle('Fleet');
  const me = useMe();
  // Engine health changes are what this page is for: follow the gateway's 2 s checks.
  const query = useQuery({ ...endpointsQueryOptions(), refetchInterval: 2_000 });
  const [search, setSearch] = useState('');
  const endpoints = query.data ?? [];
  const upIds = endpoints.filter((e) => e.status === 'up').map((e) => e.id);
  const { events, live } = useFleetEvents(upIds, { capacity: 50 });
  const up = upIds.length;
  const down = endpoints.filter((e) => e.status === 'down').length;

  return (
    <div className="h-full overflow-auto">
      <div className="mx-auto flex max-w-7xl flex-col gap-5 px-6 py-5">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <div>
            <h1 className="text-[17px] font-semibold text-fg">Fleet</h1>
            {query.data && (
              <p className="text-[12.5px] text-muted">
                {endpoints.length} endpoint{endpoints.length === 1 ? '' : 's'} · {up} up
                {down > 0 && <span className="text-danger"> · {down} down</span>}
              </p>
            )}
          </div>
          {me?.role === 'admin' && (
            <div className="flex gap-3 text-[12.5px]">
              <Link to="/admin/endpoints" className="text-accent-text hover:underline">
                Manage endpoints
              </Link>
              <Link to="/admin/wall" className="text-accent-text hover:underline">
                Wall layouts
              </Link>
            </div>
          )}
        </div>
        {query.isError && !query.data ? (
          <ErrorState
            title="Could not list the endpoints"
            message={query.error.message}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        ) : !query.data ? (
          <div
            role="status"
            aria-label="Loading endpoints"
            className="grid gap-4 md:grid-cols-2 xl:grid-cols-3"
          >
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-48" />
            ))}
          </div>
        ) : endpoints.length === 0 ? (
          <EmptyState
            icon={<Server className="size-8" aria-hidden />}
            title="No endpoints you can see"
          >
            {me?.role === 'admin'
              ? 'Add an engine under Administration › Endpoints.'
              : 'Ask an admin to give you access to an endpoint.'}
          </EmptyState>
        ) : (
          <>
            <FleetSearch endpoints={endpoints} value={search} onChange={setSearch} />
            <div className="grid gap-5 xl:grid-cols-[1fr_380px]">
              <section aria-label="Endpoints" className="grid content-start gap-4 md:grid-cols-2">
                {endpoints.map((endpoint) => (
                  <PanelErrorBoundary key={endpoint.id} title={`${endpoint.name} failed to render`}>
                    <EndpointCard endpoint={endpoint} />
                  </PanelErrorBoundary>
                ))}
              </section>
              <PanelErrorBoundary title="The events failed to render">
                <FleetEvents events={events} endpoints={endpoints} live={live} />
              </PanelErrorBoundary>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
