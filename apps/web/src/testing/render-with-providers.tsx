import { gatewayKeys } from '@berth/api';
import type { Me } from '@berth/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';

export const TEST_ADMIN: Me = { id: 1, username: 'admin', role: 'admin', via: 'session' };

/**
 * Renders `ui` inside a query client and a router (so `Link` works), at `path`, logged in as
 * `me` (an admin unless told). The router matches any path and shows `ui`; links render real
 * hrefs.
 */
export function renderWithProviders(
  ui: ReactNode,
  {
    path = '/',
    routePath = '$',
    queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
    }),
    me = TEST_ADMIN,
  }: {
    path?: string;
    /** The pattern `ui` is mounted at, for components that read params (`/endpoints/$endpointId`). */
    routePath?: string;
    queryClient?: QueryClient;
    /** Who is logged in; null for nobody. */
    me?: Me | null;
  } = {},
): RenderResult & {
  queryClient: QueryClient;
  router: { state: { location: { search: unknown } } };
} {
  queryClient.setQueryData(gatewayKeys.me(), me);
  const rootRoute = createRootRoute();
  const anyRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: routePath,
    component: () => ui,
  });
  const indexRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/',
    component: () => ui,
  });
  const router = createRouter({
    routeTree: rootRoute.addChildren([indexRoute, anyRoute]),
    history: createMemoryHistory({ initialEntries: [path] }),
  });
  const result = render(
    <QueryClientProvider client={queryClient}>
      {/* The test tree is not the app's registered tree; only rendering matters here. */}
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  );
  return { ...result, queryClient, router };
}
