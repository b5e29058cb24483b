// The routes outside the app's chrome: first run, login, the logged-in shell itself, a terminal in
// a window of its own, and the wall. Every page loads its code when it is first shown.
import { createRoute, redirect } from '@tanstack/react-router';
import { lazyPage } from './lazy-page';
import { parseLoginSearch, safeNext } from '@/features/auth/api/next-location';
import { parseTerminalSearch } from '@/features/terminal/api/terminal-target';
import { parseWallSearch } from '@/features/wall/api/wall-api';
import { meQueryOptions, setupStatusQueryOptions } from '@/lib/queries';
import { rootRoute } from './root-route';

export const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.fetchQuery(setupStatusQueryOptions());
    if (!status.needed) throw redirect({ to: '/', replace: true });
  },
  component: lazyPage(() => import('@/features/auth/routes/setup-route'), 'SetupRoute'),
});

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: parseLoginSearch,
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions());
    if (me) throw redirect({ href: safeNext(search.next), replace: true });
    const status = await context.queryClient.fetchQuery(setupStatusQueryOptions());
    if (status.needed) throw redirect({ to: '/setup', replace: true });
  },
  component: lazyPage(() => import('@/features/auth/routes/login-route'), 'LoginRoute'),
});

/** Every page below needs a session. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions());
    if (me) return { me };
    const status = await context.queryClient.fetchQuery(setupStatusQueryOptions());
    if (status.needed) throw redirect({ to: '/setup', replace: true });
    throw redirect({
      to: '/login',
      search: { next: location.href === '/' ? undefined : location.href },
      replace: true,
    });
  },
  component: lazyPage(() => import('../layout/app-layout'), 'AppLayout'),
});

/** A terminal in a window of its own: a session, but no app chrome. */
export const terminalWindowRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/endpoints/$endpointId/containers/$containerId/terminal',
  validateSearch: parseTerminalSearch,
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions());
    if (!me) throw redirect({ to: '/login', search: { next: location.href }, replace: true });
  },
  component: lazyPage(
    () => import('@/features/terminal/routes/terminal-window-route'),
    'TerminalWindowRoute',
  ),
});

/** The wall: full screen, its own guard (a pairing screen instead of the login page). */
export const wallRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/wall',
  validateSearch: parseWallSearch,
  component: lazyPage(() => import('@/features/wall/routes/wall-route'), 'WallRoute'),
});
