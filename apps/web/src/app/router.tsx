import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Link,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ContainerRoute, parseContainerSearch } from '@/features/containers/routes/container-route';
import { ContainersRoute } from '@/features/containers/routes/containers-route';
import { parseContainersSearch } from '@/features/containers/components/filter-sort';
import { DashboardRoute } from '@/features/dashboard/routes/dashboard-route';
import { EventsRoute } from '@/features/events/routes/events-route';
import { ImagesRoute } from '@/features/images/routes/images-route';
import { NetworksRoute } from '@/features/networks/routes/networks-route';
import { SystemRoute } from '@/features/system/routes/system-route';
import { VolumesRoute } from '@/features/volumes/routes/volumes-route';
import { endpointsQueryOptions } from '@/lib/queries';
import { EndpointLayout } from './layout/endpoint-layout';

export interface RouterContext {
  queryClient: QueryClient;
}

function NotFound() {
  return (
    <EmptyState title="Page not found">
      <Link to="/" className="text-accent-text underline">
        Go to the dashboard
      </Link>
    </EmptyState>
  );
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: async ({ context }) => {
    // The first endpoint is `local` by contract; ask anyway so a renamed registry still works.
    const endpoints = await context.queryClient
      .ensureQueryData(endpointsQueryOptions())
      .catch(() => []);
    const endpointId = endpoints[0]?.id ?? 'local';
    throw redirect({
      to: '/endpoints/$endpointId/dashboard',
      params: { endpointId },
      replace: true,
    });
  },
});

const endpointRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/endpoints/$endpointId',
  component: EndpointLayout,
});

const endpointIndexRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/endpoints/$endpointId/dashboard', params, replace: true });
  },
});

const dashboardRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'dashboard',
  component: DashboardRoute,
});

const containersRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'containers',
  validateSearch: parseContainersSearch,
  component: ContainersRoute,
});

const containerRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'containers/$containerId',
  validateSearch: parseContainerSearch,
  component: ContainerRoute,
});

const imagesRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'images',
  component: ImagesRoute,
});

const networksRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'networks',
  component: NetworksRoute,
});

const volumesRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'volumes',
  component: VolumesRoute,
});

const eventsRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'events',
  component: EventsRoute,
});

const systemRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'system',
  component: SystemRoute,
});

export const routeTree = rootRoute.addChildren([
  indexRoute,
  endpointRoute.addChildren([
    endpointIndexRoute,
    dashboardRoute,
    containersRoute,
    containerRoute,
    imagesRoute,
    networksRoute,
    volumesRoute,
    eventsRoute,
    systemRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    // Pages scroll inside their own panels, and a list whose filter changed must start at the top.
    scrollRestoration: false,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
