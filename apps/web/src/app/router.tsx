import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Link,
  Outlet,
  redirect,
  useRouter,
} from '@tanstack/react-router';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { parseLoginSearch, safeNext } from '@/features/auth/api/next-location';
import { LoginRoute } from '@/features/auth/routes/login-route';
import { SetupRoute } from '@/features/auth/routes/setup-route';
import { AuditRoute } from '@/features/audit/routes/audit-route';
import { parseAuditSearch } from '@/features/audit/api/audit-search';
import { SecuritySettingsRoute } from '@/features/settings/routes/security-settings-route';
import { TokensRoute } from '@/features/tokens/routes/tokens-route';
import { UsersRoute } from '@/features/users/routes/users-route';
import { parseContainerSearch } from '@/features/containers/routes/container-route';
import { ContainersRoute } from '@/features/containers/routes/containers-route';
import {
  CreateContainerRoute,
  parseCreateSearch,
} from '@/features/containers/routes/create-container-route';
import { parseContainersSearch } from '@/features/containers/components/filter-sort';
import { DashboardRoute } from '@/features/dashboard/routes/dashboard-route';
import { EventsRoute } from '@/features/events/routes/events-route';
import { parseMergedLogsSearch } from '@/features/logs/routes/merged-logs-search';
import { BuildRoute } from '@/features/images/routes/build-route';
import { ImageRoute } from '@/features/images/routes/image-route';
import { ImagesRoute } from '@/features/images/routes/images-route';
import { RegistriesRoute } from '@/features/registries/routes/registries-route';
import { NetworkRoute } from '@/features/networks/routes/network-route';
import { NetworksRoute } from '@/features/networks/routes/networks-route';
import { CleanUpRoute } from '@/features/system/routes/clean-up-route';
import { SystemRoute } from '@/features/system/routes/system-route';
import { VolumesRoute } from '@/features/volumes/routes/volumes-route';
import { StatsRoute } from '@/features/stats/routes/stats-route';
import { EndpointsRoute } from '@/features/endpoints/routes/endpoints-route';
import { FleetRoute } from '@/features/fleet/routes/fleet-route';
import { WallAdminRoute } from '@/features/wall/routes/wall-admin-route';
import { WallRoute } from '@/features/wall/routes/wall-route';
import { parseWallSearch } from '@/features/wall/api/wall-api';
import { parseTerminalSearch } from '@/features/terminal/api/terminal-target';
import { meQueryOptions, setupStatusQueryOptions } from '@/lib/queries';
import { ClusterRoute } from '@/features/swarm/routes/cluster-route';
import { CreateServiceRoute } from '@/features/swarm/routes/create-service-route';
import { ConfigsRoute, SecretsRoute } from '@/features/swarm/routes/data-route';
import { NodesRoute } from '@/features/swarm/routes/nodes-route';
import { parseServiceSearch } from '@/features/swarm/routes/service-route';
import { ServicesRoute } from '@/features/swarm/routes/services-route';
import { SwarmRoute } from '@/features/swarm/routes/swarm-route';
import { PluginsRoute } from '@/features/plugins/routes/plugins-route';
import { AdminOnly } from './layout/admin-only';
import { ServicePage } from './service-page';
import { ContainerPage } from './container-page';
import { AppLayout } from './layout/app-layout';
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

/** A guard could not ask the gateway (it is down): say so, and try again on request. */
function RouteError({ error }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <div className="mx-auto max-w-xl pt-[15vh]">
      <ErrorState
        title="Berth could not load this page"
        message={error instanceof Error ? error.message : String(error)}
        onRetry={() => void router.invalidate()}
      />
    </div>
  );
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
  errorComponent: RouteError,
});

// ── logged out ─────────────────────────────────────────────────────────────
const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.fetchQuery(setupStatusQueryOptions());
    if (!status.needed) throw redirect({ to: '/', replace: true });
  },
  component: SetupRoute,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: parseLoginSearch,
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions());
    if (me) throw redirect({ href: safeNext(search.next), replace: true });
    const status = await context.queryClient.fetchQuery(setupStatusQueryOptions());
    if (status.needed) throw redirect({ to: '/setup', replace: true });
  },
  component: LoginRoute,
});

// ── logged in: every page below needs a session ───────────────────────────
const appRoute = createRoute({
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
  component: AppLayout,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: FleetRoute,
});

const endpointRoute = createRoute({
  getParentRoute: () => appRoute,
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

const createContainerRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'containers/new',
  validateSearch: parseCreateSearch,
  component: CreateContainerRoute,
});

const containerRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'containers/$containerId',
  validateSearch: parseContainerSearch,
  component: ContainerPage,
});

const imagesRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'images',
  component: ImagesRoute,
});

const imageBuildRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'images/build',
  component: BuildRoute,
});

const imageRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'images/$imageId',
  component: ImageRoute,
});

const registriesRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'registries',
  component: RegistriesRoute,
});

const networksRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'networks',
  component: NetworksRoute,
});

const networkRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'networks/$networkId',
  component: NetworkRoute,
});

const stacksRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'stacks',
  component: lazyRouteComponent(
    () => import('@/features/stacks/routes/stacks-route'),
    'StacksRoute',
  ),
});

const newStackRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'stacks/new',
  component: lazyRouteComponent(
    () => import('@/features/stacks/routes/stack-editor-route'),
    'NewStackRoute',
  ),
});

const stackRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'stacks/$stackName',
  component: lazyRouteComponent(() => import('@/features/stacks/routes/stack-route'), 'StackRoute'),
});

const editStackRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'stacks/$stackName/edit',
  component: lazyRouteComponent(
    () => import('@/features/stacks/routes/stack-editor-route'),
    'EditStackRoute',
  ),
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

const statsRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'stats',
  component: StatsRoute,
});

const mergedLogsRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'logs',
  validateSearch: parseMergedLogsSearch,
  component: lazyRouteComponent(
    () => import('@/features/logs/routes/merged-logs-route'),
    'MergedLogsRoute',
  ),
});

const systemRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'system',
  component: SystemRoute,
});

const cleanUpRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'system/clean-up',
  component: CleanUpRoute,
});

const swarmRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'swarm',
  component: SwarmRoute,
});

const swarmNodesRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'swarm/nodes',
  component: NodesRoute,
});

const swarmServicesRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'swarm/services',
  component: ServicesRoute,
});

const swarmCreateServiceRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'swarm/services/new',
  component: CreateServiceRoute,
});

const swarmServiceRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'swarm/services/$serviceId',
  validateSearch: parseServiceSearch,
  component: ServicePage,
});

const swarmSecretsRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'swarm/secrets',
  component: SecretsRoute,
});

const swarmConfigsRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'swarm/configs',
  component: ConfigsRoute,
});

const swarmClusterRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'swarm/cluster',
  component: ClusterRoute,
});

const pluginsRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'plugins',
  component: PluginsRoute,
});

const tokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tokens',
  component: TokensRoute,
});

const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin',
  component: AdminOnly,
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
  component: UsersRoute,
});

const adminEndpointsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'endpoints',
  component: EndpointsRoute,
});

const adminWallRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'wall',
  component: WallAdminRoute,
});

const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'audit',
  validateSearch: parseAuditSearch,
  component: AuditRoute,
});

const securityRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'security',
  component: SecuritySettingsRoute,
});

// ── a terminal in a window of its own: a session, but no app chrome ───────
const terminalWindowRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/endpoints/$endpointId/containers/$containerId/terminal',
  validateSearch: parseTerminalSearch,
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions());
    if (!me) throw redirect({ to: '/login', search: { next: location.href }, replace: true });
  },
  component: lazyRouteComponent(
    () => import('@/features/terminal/routes/terminal-window-route'),
    'TerminalWindowRoute',
  ),
});

// ── the wall: full screen, its own guard (a pairing screen instead of the login page) ──
const wallRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/wall',
  validateSearch: parseWallSearch,
  component: WallRoute,
});

export const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  terminalWindowRoute,
  wallRoute,
  appRoute.addChildren([
    indexRoute,
    endpointRoute.addChildren([
      endpointIndexRoute,
      dashboardRoute,
      containersRoute,
      createContainerRoute,
      containerRoute,
      imagesRoute,
      imageBuildRoute,
      imageRoute,
      registriesRoute,
      networksRoute,
      networkRoute,
      stacksRoute,
      newStackRoute,
      stackRoute,
      editStackRoute,
      volumesRoute,
      eventsRoute,
      statsRoute,
      mergedLogsRoute,
      systemRoute,
      cleanUpRoute,
      swarmRoute,
      swarmNodesRoute,
      swarmServicesRoute,
      swarmCreateServiceRoute,
      swarmServiceRoute,
      swarmSecretsRoute,
      swarmConfigsRoute,
      swarmClusterRoute,
      pluginsRoute,
    ]),
    tokensRoute,
    adminRoute.addChildren([
      adminIndexRoute,
      usersRoute,
      adminEndpointsRoute,
      adminWallRoute,
      auditRoute,
      securityRoute,
    ]),
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

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
