// Query keys rooted at the endpoint, general to specific, so one prefix invalidates a subtree:
// ['endpoint', id] > ['endpoint', id, 'containers'] > ['endpoint', id, 'containers', 'list', params].

export const gatewayKeys = {
  all: ['gateway'] as const,
  health: () => [...gatewayKeys.all, 'health'] as const,
  endpoints: () => [...gatewayKeys.all, 'endpoints'] as const,
  setup: () => [...gatewayKeys.all, 'auth', 'setup'] as const,
  me: () => [...gatewayKeys.all, 'auth', 'me'] as const,
  loginMethods: () => [...gatewayKeys.all, 'auth', 'methods'] as const,
  users: () => [...gatewayKeys.all, 'users'] as const,
  tokens: () => [...gatewayKeys.all, 'tokens'] as const,
  audit: () => [...gatewayKeys.all, 'audit'] as const,
  auditList: (filters: object) => [...gatewayKeys.audit(), 'list', filters] as const,
  settings: () => [...gatewayKeys.all, 'settings'] as const,
  securitySettings: () => [...gatewayKeys.settings(), 'security'] as const,
  ssoSettings: () => [...gatewayKeys.settings(), 'sso'] as const,
  registries: () => [...gatewayKeys.all, 'registries'] as const,
};

export const endpointKeys = {
  root: (endpointId: string) => ['endpoint', endpointId] as const,
  info: (endpointId: string) => [...endpointKeys.root(endpointId), 'system', 'info'] as const,
  version: (endpointId: string) => [...endpointKeys.root(endpointId), 'system', 'version'] as const,

  containers: (endpointId: string) => [...endpointKeys.root(endpointId), 'containers'] as const,
  containerList: (endpointId: string, params: { all: boolean }) =>
    [...endpointKeys.containers(endpointId), 'list', params] as const,
  container: (endpointId: string, containerId: string) =>
    [...endpointKeys.containers(endpointId), 'detail', containerId] as const,

  images: (endpointId: string) => [...endpointKeys.root(endpointId), 'images'] as const,
  imageList: (endpointId: string) => [...endpointKeys.images(endpointId), 'list'] as const,
  image: (endpointId: string, imageId: string) =>
    [...endpointKeys.images(endpointId), 'detail', imageId] as const,
  imageSearch: (endpointId: string, term: string) =>
    [...endpointKeys.images(endpointId), 'search', term] as const,
  diskUsage: (endpointId: string) => [...endpointKeys.root(endpointId), 'system', 'df'] as const,
  networks: (endpointId: string) => [...endpointKeys.root(endpointId), 'networks'] as const,
  networkList: (endpointId: string) => [...endpointKeys.networks(endpointId), 'list'] as const,
  volumes: (endpointId: string) => [...endpointKeys.root(endpointId), 'volumes'] as const,
  volumeList: (endpointId: string) => [...endpointKeys.volumes(endpointId), 'list'] as const,
  events: (endpointId: string) => [...endpointKeys.root(endpointId), 'events'] as const,
  eventList: (endpointId: string, params: { sinceSeconds: number }) =>
    [...endpointKeys.events(endpointId), 'list', params] as const,
  /** Swarm, nodes, services, tasks, secrets and configs: one subtree, one invalidation. */
  swarm: (endpointId: string) => [...endpointKeys.root(endpointId), 'swarm'] as const,
  plugins: (endpointId: string) => [...endpointKeys.root(endpointId), 'plugins'] as const,
  /** Compose stacks (the gateway's /stacks routes): lists, details, versions. */
  stacks: (endpointId: string) => [...endpointKeys.root(endpointId), 'stacks'] as const,
  stack: (endpointId: string, name: string) =>
    [...endpointKeys.stacks(endpointId), 'detail', name] as const,
};
