// Every route of both engine references (Docker Engine API 1.33, PouchContainer 1.24), with the
// least role that may call it. The gateway enforces this on every relayed call (anything not in
// this list is admin-only) and the UI reads it to hide what a role cannot do.

import { roleAtLeast, type Role } from '../gateway/auth-types';

export type EngineFamily = 'docker' | 'pouch';
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';

export interface EngineRoute {
  /** Operation name as in the references (Pouch-only ones named in the same style). */
  op: string;
  method: HttpMethod;
  /** `{x}` is one path segment; `{x*}` may span several (image and plugin names have slashes). */
  path: string;
  engines: readonly EngineFamily[];
  role: Role;
  /** True for calls that change nothing (they may still be POST, like `wait`). */
  readOnly?: boolean;
}

const both: readonly EngineFamily[] = ['docker', 'pouch'];
const docker: readonly EngineFamily[] = ['docker'];
const pouch: readonly EngineFamily[] = ['pouch'];

function r<P extends string>(
  op: string,
  method: HttpMethod,
  path: P,
  role: Role,
  engines = both,
): EngineRoute & { path: P } {
  return { op, method, path, role, engines, readOnly: method === 'GET' || method === 'HEAD' };
}

export const ENGINE_ROUTES = [
  // system
  r('SystemPing', 'GET', '/_ping', 'viewer'),
  r('SystemPingHead', 'HEAD', '/_ping', 'viewer', docker),
  // Berth's "Test login" sends a saved registry's stored credentials: admin, like managing them.
  r('SystemAuth', 'POST', '/auth', 'admin'),
  r('SystemInfo', 'GET', '/info', 'viewer'),
  r('SystemVersion', 'GET', '/version', 'viewer'),
  r('SystemEvents', 'GET', '/events', 'viewer'),
  r('SystemDataUsage', 'GET', '/system/df', 'viewer', docker),
  r('DaemonUpdate', 'POST', '/daemon/update', 'admin', pouch),

  // containers
  r('ContainerList', 'GET', '/containers/json', 'viewer'),
  r('ContainerCreate', 'POST', '/containers/create', 'operator'),
  r('ContainerPrune', 'POST', '/containers/prune', 'admin', docker),
  r('ContainerInspect', 'GET', '/containers/{id}/json', 'viewer'),
  r('ContainerTop', 'GET', '/containers/{id}/top', 'viewer'),
  r('ContainerLogs', 'GET', '/containers/{id}/logs', 'viewer'),
  r('ContainerChanges', 'GET', '/containers/{id}/changes', 'viewer', docker),
  r('ContainerExport', 'GET', '/containers/{id}/export', 'operator', docker),
  r('ContainerStats', 'GET', '/containers/{id}/stats', 'viewer'),
  r('ContainerResize', 'POST', '/containers/{id}/resize', 'operator'),
  r('ContainerStart', 'POST', '/containers/{id}/start', 'operator'),
  r('ContainerStop', 'POST', '/containers/{id}/stop', 'operator'),
  r('ContainerRestart', 'POST', '/containers/{id}/restart', 'operator'),
  r('ContainerKill', 'POST', '/containers/{id}/kill', 'operator', docker),
  r('ContainerUpdate', 'POST', '/containers/{id}/update', 'operator'),
  r('ContainerRename', 'POST', '/containers/{id}/rename', 'operator'),
  r('ContainerPause', 'POST', '/containers/{id}/pause', 'operator'),
  r('ContainerUnpause', 'POST', '/containers/{id}/unpause', 'operator'),
  r('ContainerAttach', 'POST', '/containers/{id}/attach', 'operator'),
  r('ContainerAttachWebsocket', 'GET', '/containers/{id}/attach/ws', 'operator', docker),
  { ...r('ContainerWait', 'POST', '/containers/{id}/wait', 'viewer'), readOnly: true },
  r('ContainerDelete', 'DELETE', '/containers/{id}', 'operator'),
  r('ContainerArchiveInfo', 'HEAD', '/containers/{id}/archive', 'operator', docker),
  r('ContainerArchive', 'GET', '/containers/{id}/archive', 'operator', docker),
  r('PutContainerArchive', 'PUT', '/containers/{id}/archive', 'operator', docker),
  r('ContainerExec', 'POST', '/containers/{id}/exec', 'operator'),
  r('ContainerUpgrade', 'POST', '/containers/{id}/upgrade', 'operator', pouch),
  r('ContainerCheckpointCreate', 'POST', '/containers/{id}/checkpoints', 'operator', pouch),
  r('ContainerCheckpointList', 'GET', '/containers/{id}/checkpoints', 'viewer', pouch),
  r(
    'ContainerCheckpointDelete',
    'DELETE',
    '/containers/{id}/checkpoints/{checkpoint}',
    'admin',
    pouch,
  ),

  // exec
  r('ExecStart', 'POST', '/exec/{id}/start', 'operator'),
  r('ExecResize', 'POST', '/exec/{id}/resize', 'operator'),
  r('ExecInspect', 'GET', '/exec/{id}/json', 'viewer'),

  // images
  r('ImageList', 'GET', '/images/json', 'viewer'),
  r('ImageBuild', 'POST', '/build', 'operator', docker),
  r('BuildPrune', 'POST', '/build/prune', 'admin', docker),
  r('ImageCreate', 'POST', '/images/create', 'operator'),
  r('ImageSearch', 'GET', '/images/search', 'viewer'),
  r('ImagePrune', 'POST', '/images/prune', 'admin', docker),
  r('ImageGetAll', 'GET', '/images/get', 'operator', docker),
  r('ImageSave', 'GET', '/images/save', 'operator', pouch),
  r('ImageLoad', 'POST', '/images/load', 'operator'),
  r('ImageInspect', 'GET', '/images/{name*}/json', 'viewer'),
  r('ImageHistory', 'GET', '/images/{name*}/history', 'viewer'),
  r('ImagePush', 'POST', '/images/{name*}/push', 'operator'),
  r('ImageTag', 'POST', '/images/{name*}/tag', 'operator'),
  r('ImageGet', 'GET', '/images/{name*}/get', 'operator', docker),
  r('ImageDelete', 'DELETE', '/images/{name*}', 'operator'),
  r('ImageCommit', 'POST', '/commit', 'operator'),
  r('DistributionInspect', 'GET', '/distribution/{name*}/json', 'viewer', docker),

  // networks
  r('NetworkList', 'GET', '/networks', 'viewer'),
  r('NetworkInspect', 'GET', '/networks/{id}', 'viewer'),
  r('NetworkDelete', 'DELETE', '/networks/{id}', 'operator'),
  r('NetworkCreate', 'POST', '/networks/create', 'operator'),
  r('NetworkConnect', 'POST', '/networks/{id}/connect', 'operator'),
  r('NetworkDisconnect', 'POST', '/networks/{id}/disconnect', 'operator'),
  r('NetworkPrune', 'POST', '/networks/prune', 'admin', docker),

  // volumes
  r('VolumeList', 'GET', '/volumes', 'viewer'),
  r('VolumeCreate', 'POST', '/volumes/create', 'operator'),
  r('VolumeInspect', 'GET', '/volumes/{name}', 'viewer'),
  r('VolumeDelete', 'DELETE', '/volumes/{name}', 'operator'),
  r('VolumePrune', 'POST', '/volumes/prune', 'admin', docker),

  // swarm: the cluster itself is the admin's; join tokens and the unlock key are secrets
  r('SwarmInspect', 'GET', '/swarm', 'admin', docker),
  r('SwarmInit', 'POST', '/swarm/init', 'admin', docker),
  r('SwarmJoin', 'POST', '/swarm/join', 'admin', docker),
  r('SwarmLeave', 'POST', '/swarm/leave', 'admin', docker),
  r('SwarmUpdate', 'POST', '/swarm/update', 'admin', docker),
  r('SwarmUnlockkey', 'GET', '/swarm/unlockkey', 'admin', docker),
  r('SwarmUnlock', 'POST', '/swarm/unlock', 'admin', docker),
  r('NodeList', 'GET', '/nodes', 'viewer', docker),
  r('NodeInspect', 'GET', '/nodes/{id}', 'viewer', docker),
  r('NodeDelete', 'DELETE', '/nodes/{id}', 'admin', docker),
  r('NodeUpdate', 'POST', '/nodes/{id}/update', 'admin', docker),
  // services are workloads like containers: operators run them, within the body policy
  r('ServiceList', 'GET', '/services', 'viewer', docker),
  r('ServiceCreate', 'POST', '/services/create', 'operator', docker),
  r('ServiceInspect', 'GET', '/services/{id}', 'viewer', docker),
  r('ServiceDelete', 'DELETE', '/services/{id}', 'operator', docker),
  r('ServiceUpdate', 'POST', '/services/{id}/update', 'operator', docker),
  r('ServiceLogs', 'GET', '/services/{id}/logs', 'viewer', docker),
  r('TaskList', 'GET', '/tasks', 'viewer', docker),
  r('TaskInspect', 'GET', '/tasks/{id}', 'viewer', docker),
  r('TaskLogs', 'GET', '/tasks/{id}/logs', 'viewer', docker),
  r('SecretList', 'GET', '/secrets', 'viewer', docker),
  r('SecretCreate', 'POST', '/secrets/create', 'admin', docker),
  r('SecretInspect', 'GET', '/secrets/{id}', 'viewer', docker),
  r('SecretDelete', 'DELETE', '/secrets/{id}', 'admin', docker),
  r('SecretUpdate', 'POST', '/secrets/{id}/update', 'admin', docker),
  r('ConfigList', 'GET', '/configs', 'viewer', docker),
  r('ConfigCreate', 'POST', '/configs/create', 'admin', docker),
  r('ConfigInspect', 'GET', '/configs/{id}', 'viewer', docker),
  r('ConfigDelete', 'DELETE', '/configs/{id}', 'admin', docker),
  r('ConfigUpdate', 'POST', '/configs/{id}/update', 'admin', docker),

  // plugins run as root on the host: admin only, reads included
  r('PluginList', 'GET', '/plugins', 'admin', docker),
  r('GetPluginPrivileges', 'GET', '/plugins/privileges', 'admin', docker),
  r('PluginPull', 'POST', '/plugins/pull', 'admin', docker),
  r('PluginCreate', 'POST', '/plugins/create', 'admin', docker),
  r('PluginInspect', 'GET', '/plugins/{name*}/json', 'admin', docker),
  r('PluginDelete', 'DELETE', '/plugins/{name*}', 'admin', docker),
  r('PluginEnable', 'POST', '/plugins/{name*}/enable', 'admin', docker),
  r('PluginDisable', 'POST', '/plugins/{name*}/disable', 'admin', docker),
  r('PluginUpgrade', 'POST', '/plugins/{name*}/upgrade', 'admin', docker),
  r('PluginPush', 'POST', '/plugins/{name*}/push', 'admin', docker),
  r('PluginSet', 'POST', '/plugins/{name*}/set', 'admin', docker),

  // experimental h2c session for BuildKit: not offered, admin-only like anything unknown
  r('Session', 'POST', '/session', 'admin', docker),
] as const satisfies readonly EngineRoute[];

/** Every engine path of both references, as a template: `/containers/{id}/json`. */
export type EnginePath = (typeof ENGINE_ROUTES)[number]['path'];

interface CompiledRoute {
  route: EngineRoute;
  pattern: RegExp;
  /** Literal routes beat templated ones (`/images/json` before `/images/{name*}/json`). */
  literal: boolean;
}

function compile(route: EngineRoute): CompiledRoute {
  const source = route.path
    .split('/')
    .map((segment) => {
      if (/^\{\w+\*\}$/.test(segment)) return '(.+)';
      if (/^\{\w+\}$/.test(segment)) return '([^/]+)';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}/?$`), literal: !route.path.includes('{') };
}

const compiled = ENGINE_ROUTES.map(compile).sort((a, b) => Number(b.literal) - Number(a.literal));

/** Strips a `/vX.Y` prefix: the route table is version-free. */
export function unversionedPath(path: string): string {
  return path.replace(/^\/v\d+(\.\d+)?(?=\/)/, '');
}

export interface EngineRouteMatch {
  route: EngineRoute;
  /** The object the call acts on (first path parameter, decoded), e.g. a container id. */
  target: string | undefined;
}

/** The route a relayed call is, or undefined (then it is admin-only). HEAD follows GET. */
export function matchEngineRoute(method: string, path: string): EngineRouteMatch | undefined {
  const bare = unversionedPath(path.split('?')[0] ?? '');
  const upper = method.toUpperCase();
  const find = (m: string): EngineRouteMatch | undefined => {
    for (const c of compiled) {
      if (c.route.method !== m) continue;
      const match = c.pattern.exec(bare);
      if (match)
        return {
          route: c.route,
          target: match[1] === undefined ? undefined : safeDecode(match[1]),
        };
    }
    return undefined;
  };
  return find(upper) ?? (upper === 'HEAD' ? find('GET') : undefined);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The role the route table gives an operation (what the gateway's own routes for it require too). */
export function engineRouteRole(op: string): Role {
  const route = ENGINE_ROUTES.find((r) => r.op === op);
  if (!route) throw new Error(`no engine route named ${op}`);
  return route.role;
}

/** Whether a role may make this engine call (what the gateway enforces; the UI hides the rest). */
export function roleCanCall(role: Role, method: string, path: string): boolean {
  return roleAtLeast(role, matchEngineRoute(method, path)?.route.role ?? 'admin');
}
