// Logged-in pages outside any one endpoint: the fleet, tokens and the admin pages.
import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { parseAuditSearch } from '@/features/audit/api/audit-search';
import { appRoute } from './session-routes';

export const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(() => import('@/features/fleet/routes/fleet-route'), 'FleetRoute'),
});

export const tokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tokens',
  component: lazyRouteComponent(
    () => import('@/features/tokens/routes/tokens-route'),
    'TokensRoute',
  ),
});

const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin',
  component: lazyRouteComponent(() => import('../layout/admin-only'), 'AdminOnly'),
});

const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/admin/users', replace: true });
  },
});

const usersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'users',
  component: lazyRouteComponent(() => import('@/features/users/routes/users-route'), 'UsersRoute'),
});

const adminEndpointsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'endpoints',
  component: lazyRouteComponent(
    () => import('@/features/endpoints/routes/endpoints-route'),
    'EndpointsRoute',
  ),
});

const adminWallRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'wall',
  component: lazyRouteComponent(
    () => import('@/features/wall/routes/wall-admin-route'),
    'WallAdminRoute',
  ),
});

const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'audit',
  validateSearch: parseAuditSearch,
  component: lazyRouteComponent(() => import('@/features/audit/routes/audit-route'), 'AuditRoute'),
});

const securityRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'security',
  component: lazyRouteComponent(
    () => import('@/features/settings/routes/security-settings-route'),
    'SecuritySettingsRoute',
  ),
});

export const adminTree = adminRoute.addChildren([
  adminIndexRoute,
  usersRoute,
  adminEndpointsRoute,
  adminWallRoute,
  auditRoute,
  securityRoute,
]);
