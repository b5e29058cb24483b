// The pages of one endpoint, under its layout (the endpoint's name, capabilities, navigation).
// Each page's code loads when it is first shown or hovered (the router preloads on intent).
import { createRoute, redirect } from '@tanstack/react-router';
import { lazyPage } from './lazy-page';
import { parseContainersSearch } from '@/features/containers/components/filter-sort';
import { parseMergedLogsSearch } from '@/features/logs/routes/merged-logs-search';
import { parseContainerSearch, parseCreateSearch, parseServiceSearch } from './search';
import { appRoute } from './session-routes';

const endpointRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/endpoints/$endpointId',
  component: lazyPage(() => import('../layout/endpoint-layout'), 'EndpointLayout'),
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
  component: lazyPage(
    () => import('@/features/dashboard/routes/dashboard-route'),
    'DashboardRoute',
  ),
});

const containersRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'containers',
  validateSearch: parseContainersSearch,
  component: lazyPage(
    () => import('@/features/containers/routes/containers-route'),
    'ContainersRoute',
  ),
});

const createContainerRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'containers/new',
  validateSearch: parseCreateSearch,
  component: lazyPage(
    () => import('@/features/containers/routes/create-container-route'),
    'CreateContainerRoute',
  ),
});

const containerRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'containers/$containerId',
  validateSearch: parseContainerSearch,
  component: lazyPage(() => import('../container-page'), 'ContainerPage'),
});

const imagesRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'images',
  component: lazyPage(() => import('@/features/images/routes/images-route'), 'ImagesRoute'),
});

const imageBuildRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'images/build',
  component: lazyPage(() => import('@/features/images/routes/build-route'), 'BuildRoute'),
});

const imageRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'images/$imageId',
  component: lazyPage(() => import('@/features/images/routes/image-route'), 'ImageRoute'),
});

const registriesRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'registries',
  component: lazyPage(
    () => import('@/features/registries/routes/registries-route'),
    'RegistriesRoute',
  ),
});

const networksRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'networks',
  component: lazyPage(() => import('@/features/networks/routes/networks-route'), 'NetworksRoute'),
});

const networkRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'networks/$networkId',
  component: lazyPage(() => import('@/features/networks/routes/network-route'), 'NetworkRoute'),
});

const stacksRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'stacks',
  component: lazyPage(() => import('@/features/stacks/routes/stacks-route'), 'StacksRoute'),
});

const newStackRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'stacks/new',
  component: lazyPage(() => import('@/features/stacks/routes/stack-editor-route'), 'NewStackRoute'),
});

const stackRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'stacks/$stackName',
  component: lazyPage(() => import('@/features/stacks/routes/stack-route'), 'StackRoute'),
});

const editStackRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'stacks/$stackName/edit',
  component: lazyPage(
    () => import('@/features/stacks/routes/stack-editor-route'),
    'EditStackRoute',
  ),
});

const volumesRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'volumes',
  component: lazyPage(() => import('@/features/volumes/routes/volumes-route'), 'VolumesRoute'),
});

const eventsRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'events',
  component: lazyPage(() => import('@/features/events/routes/events-route'), 'EventsRoute'),
});

const statsRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'stats',
  component: lazyPage(() => import('@/features/stats/routes/stats-route'), 'StatsRoute'),
});

const mergedLogsRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'logs',
  validateSearch: parseMergedLogsSearch,
  component: lazyPage(() => import('@/features/logs/routes/merged-logs-route'), 'MergedLogsRoute'),
});

const systemRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'system',
  component: lazyPage(() => import('@/features/system/routes/system-route'), 'SystemRoute'),
});

const cleanUpRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'system/clean-up',
  component: lazyPage(() => import('@/features/system/routes/clean-up-route'), 'CleanUpRoute'),
});

const swarmRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'swarm',
  component: lazyPage(() => import('@/features/swarm/routes/swarm-route'), 'SwarmRoute'),
});

const swarmNodesRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'swarm/nodes',
  component: lazyPage(() => import('@/features/swarm/routes/nodes-route'), 'NodesRoute'),
});

const swarmServicesRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'swarm/services',
  component: lazyPage(() => import('@/features/swarm/routes/services-route'), 'ServicesRoute'),
});

const swarmCreateServiceRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'swarm/services/new',
  component: lazyPage(
    () => import('@/features/swarm/routes/create-service-route'),
    'CreateServiceRoute',
  ),
});

const swarmServiceRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'swarm/services/$serviceId',
  validateSearch: parseServiceSearch,
  component: lazyPage(() => import('../service-page'), 'ServicePage'),
});

const swarmSecretsRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'swarm/secrets',
  component: lazyPage(() => import('@/features/swarm/routes/data-route'), 'SecretsRoute'),
});

const swarmConfigsRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'swarm/configs',
  component: lazyPage(() => import('@/features/swarm/routes/data-route'), 'ConfigsRoute'),
});

const swarmClusterRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'swarm/cluster',
  component: lazyPage(() => import('@/features/swarm/routes/cluster-route'), 'ClusterRoute'),
});

const pluginsRoute = createRoute({
  getParentRoute: () => endpointRoute,
  path: 'plugins',
  component: lazyPage(() => import('@/features/plugins/routes/plugins-route'), 'PluginsRoute'),
});

export const endpointTree = endpointRoute.addChildren([
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
]);
