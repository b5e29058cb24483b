import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useParams } from '@tanstack/react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { endpointsQueryOptions, findEndpoint } from '@/lib/queries';
import { EngineBanner } from './engine-banner';
import { Header } from './header';
import { Sidebar } from './sidebar';

export function EndpointLayout() {
  const { endpointId } = useParams({ from: '/endpoints/$endpointId' });
  const endpoints = useQuery(endpointsQueryOptions());
  const endpoint = findEndpoint(endpoints.data, endpointId);
  const unknown = endpoints.data !== undefined && !endpoint;
  // A failed poll after a good one keeps the old data: the gateway is gone all the same.
  const gatewayError = endpoints.isError ? endpoints.error.message : null;

  return (
    <div className="flex h-full min-h-0">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-panel focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <Sidebar endpointId={endpointId} />
      <div className="flex min-w-0 flex-1 flex-col">
        <Header endpoint={endpoint} />
        <EngineBanner endpointId={endpointId} endpoint={endpoint} gatewayError={gatewayError} />
        <main id="main" className="min-h-0 flex-1">
          {unknown ? (
            <EmptyState title={`No endpoint “${endpointId}”`}>
              {endpoints.data?.[0] && (
                <Link
                  to="/endpoints/$endpointId/dashboard"
                  params={{ endpointId: endpoints.data[0].id }}
                  className="text-accent-text underline"
                >
                  Go to {endpoints.data[0].name}
                </Link>
              )}
            </EmptyState>
          ) : (
            <Outlet />
          )}
        </main>
      </div>
    </div>
  );
}
