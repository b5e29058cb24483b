// Logged-in pages outside any one endpoint: the fleet, tokens and the admin pages.
import { createRoute, redirect } from '@tanstack/react-router';
import { lazyPage } from './lazy-page';
import { parseAuditSearch } from '@/features/audit/api/audit-search';
import { appRoute } from './session-routes';

export const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyPage(() => import('@/features/fleet/routes/fleet-route'), 'FleetRoute'),
});

export const tokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tokens',
  component: lazyPage(() => import('@/features/tokens/routes/tokens-route'), 'TokensRoute'),
});

const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin',
  component: lazyPage(() => import('../layout/admin-only'), 'AdminOnly'),
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
  component: lazyPage(() => import('@/features/users/routes/users-route'), 'UsersRoute'),
});

const adminEndpointsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'endpoints',
  component: lazyPage(
    () => import('@/features/endpoints/routes/endpoints-route'),
    'EndpointsRoute',
  ),
});

const adminWallRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'wall',
  component: lazyPage(() => import('@/features/wall/routes/wall-admin-route'), 'WallAdminRoute'),
});

const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'audit',
  validateSearch: parseAuditSearch,
  component: lazyPage(() => import('@/features/audit/routes/audit-route'), 'AuditRoute'),
});

const securityRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'security',
  component: lazyPage(
    () => import('@/features/settings/routes/security-settings-route'),
    'SecuritySettingsRoute',
  ),
});

const ssoRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'sso',
  component: lazyPage(
    () => import('@/features/settings/routes/sso-settings-route'),
    'SsoSettingsRoute',
  ),
});

export const adminTree = adminRoute.addChildren([
  adminIndexRoute,
  usersRoute,
  adminEndpointsRoute,
  adminWallRoute,
  auditRoute,
  securityRoute,
  ssoRoute,
]);
