import { useQuery } from '@tanstack/react-query';
import { Outlet, useLocation, useParams } from '@tanstack/react-router';
import { useMe } from '@/hooks/use-me';
import { endpointsQueryOptions, findEndpoint } from '@/lib/queries';
import { Header } from './header';
import { Sidebar } from './sidebar';

/** The logged-in shell: sidebar, header with the user menu, and the page. */
export function AppLayout() {
  const { endpointId } = useParams({ strict: false });
  const endpoints = useQuery(endpointsQueryOptions());
  const me = useMe();
  const { pathname } = useLocation();
  const section = pathname.startsWith('/admin')
    ? 'Administration'
    : pathname.startsWith('/tokens')
      ? 'Your account'
      : undefined;
  // Pages outside an endpoint (tokens, administration) still link to the engine views.
  const navEndpointId = endpointId ?? endpoints.data?.[0]?.id ?? 'local';

  return (
    <div className="flex h-full min-h-0">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-panel focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <Sidebar endpointId={navEndpointId} isAdmin={me?.role === 'admin'} />
      <div className="flex min-w-0 flex-1 flex-col">
        <Header
          endpoint={endpointId ? findEndpoint(endpoints.data, endpointId) : undefined}
          inEndpoint={endpointId !== undefined}
          section={section}
          me={me}
        />
        <main id="main" className="min-h-0 flex-1">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
