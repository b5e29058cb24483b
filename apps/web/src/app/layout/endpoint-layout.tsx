import { isEngineError } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useParams } from '@tanstack/react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { useLiveEndpoint, useLiveStatus } from '@/lib/live/use-live-endpoint';
import { endpointsQueryOptions, findEndpoint } from '@/lib/queries';
import { EngineBanner } from './engine-banner';
import { LiveStatusBar } from './live-status';

export function EndpointLayout() {
  const { endpointId } = useParams({ from: '/_app/endpoints/$endpointId' });
  const endpoints = useQuery(endpointsQueryOptions());
  const endpoint = findEndpoint(endpoints.data, endpointId);
  // One events socket per endpoint for every page under it: it keeps the cache current.
  const liveStatus = useLiveStatus(useLiveEndpoint(endpointId));
  const unknown = endpoints.data !== undefined && !endpoint;
  // A failed poll after a good one keeps the old data: the gateway is gone all the same. A 401 is
  // not an outage: the app is on its way to the login page.
  const gatewayError =
    endpoints.isError && !(isEngineError(endpoints.error) && endpoints.error.status === 401)
      ? endpoints.error.message
      : null;

  return (
    <div
      className="flex h-full min-h-0 flex-col"
      // For tests and diagnostics: whether engine events are flowing into this page.
      data-live={liveStatus.socket === 'open' && liveStatus.engine === 'up' ? 'up' : 'down'}
    >
      <EngineBanner endpointId={endpointId} endpoint={endpoint} gatewayError={gatewayError} />
      <LiveStatusBar
        status={liveStatus}
        hidden={gatewayError !== null || endpoint?.status === 'down'}
      />
      <div className="min-h-0 flex-1">
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
      </div>
    </div>
  );
}
