import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { basePath } from '@/lib/base-path';
import { adminTree, indexRoute, tokensRoute } from './routes/app-routes';
import { endpointTree } from './routes/endpoint-routes';
import { rootRoute } from './routes/root-route';
import {
  appRoute,
  loginRoute,
  setupRoute,
  terminalWindowRoute,
  wallRoute,
} from './routes/session-routes';

export type { RouterContext } from './routes/root-route';

/**
 * The route tree. Pages are split by route (routes/): the first load carries the router, React
 * and the query client, and each page (with xterm.js, uPlot and the like only where used) comes
 * as its own chunk when it is first shown, so the login page loads little.
 */
export const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  terminalWindowRoute,
  wallRoute,
  appRoute.addChildren([indexRoute, endpointTree, tokensRoute, adminTree]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    // Under BERTH_BASE_PATH every route lives below it (lib/base-path).
    basepath: basePath || '/',
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    // Pages scroll inside their own panels, and a list whose filter changed must start at the top.
    scrollRestoration: false,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
