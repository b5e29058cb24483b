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

/**
 * Renders `ui` inside a query client and a router (so `Link` works), at `path`.
 * The router matches any path and shows `ui`; links render real hrefs.
 */
export function renderWithProviders(
  ui: ReactNode,
  {
    path = '/',
    routePath = '$',
    queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
    }),
  }: {
    path?: string;
    /** The pattern `ui` is mounted at, for components that read params (`/endpoints/$endpointId`). */
    routePath?: string;
    queryClient?: QueryClient;
  } = {},
): RenderResult & { queryClient: QueryClient } {
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
  return { ...result, queryClient };
}
