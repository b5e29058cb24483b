import { posix } from 'node:path';

// What non-admins may not ask the engine for, because each one is a way out of the container
// onto the host: looked at in every create and update body (containers, exec, services, volumes).
// Portainer's gap was checking `HostConfig.Binds` only; here `Mounts`, service mounts and local
// volume binds are checked too.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function obj(value: Json | undefined): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

function arr(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

function str(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** True when `path` is one of the allowed host paths or below one (whole segments only). */
export function hostPathAllowed(path: string, allowed: readonly string[]): boolean {
  if (!path.startsWith('/')) return false;
  const normal = posix.normalize(path).replace(/\/+$/, '') || '/';
  return allowed.some((entry) => {
    const base = posix.normalize(entry).replace(/\/+$/, '') || '/';
    return normal === base || normal.startsWith(base === '/' ? '/' : `${base}/`);
  });
}

const NAMESPACES = [
  ['NetworkMode', 'the host network namespace'],
  ['PidMode', "the host's process namespace"],
  ['IpcMode', "the host's IPC namespace"],
  ['UTSMode', "the host's UTS namespace"],
  ['UsernsMode', "the host's user namespace"],
  ['CgroupnsMode', "the host's cgroup namespace"],
] as const;

function checkBindSource(
  source: string | undefined,
  where: string,
  allowed: readonly string[],
  problems: string[],
) {
  if (source === undefined) return;
  if (!hostPathAllowed(source, allowed)) {
    problems.push(
      `a bind mount of host path ${source} (${where}) is outside the host paths an admin allowed${allowed.length ? ` (${allowed.join(', ')})` : ' (none)'}`,
    );
  }
}

/** A local-driver volume with `o=bind` and a `device` is a host bind under another name. */
function checkVolumeDriverOptions(
  options: JsonObject | undefined,
  where: string,
  allowed: readonly string[],
  problems: string[],
) {
  if (!options) return;
  const o = str(options.o) ?? '';
  const device = str(options.device);
  if (device && (/\bbind\b/.test(o) || device.startsWith('/')))
    checkBindSource(device, where, allowed, problems);
}

function checkMounts(
  mounts: Json[],
  where: string,
  allowed: readonly string[],
  problems: string[],
) {
  mounts.forEach((m, i) => {
    const mount = obj(m);
    if (!mount) return;
    const type = str(mount.Type);
    if (type === 'bind')
      checkBindSource(str(mount.Source) ?? '', `${where}[${i}]`, allowed, problems);
    if (type === 'npipe')
      problems.push(`a named pipe mount (${where}[${i}]) reaches into the host`);
    if (type === 'volume')
      checkVolumeDriverOptions(
        obj(obj(obj(mount.VolumeOptions)?.DriverConfig)?.Options),
        `${where}[${i}].VolumeOptions`,
        allowed,
        problems,
      );
  });
}

function checkResources(resources: JsonObject, where: string, problems: string[]) {
  if (arr(resources.Devices).length)
    problems.push(`host devices (${where}.Devices) give direct access to host hardware`);
  if (arr(resources.DeviceCgroupRules).length)
    problems.push(`device cgroup rules (${where}.DeviceCgroupRules) open host devices`);
  if (arr(resources.DeviceRequests).length)
    problems.push(`device requests (${where}.DeviceRequests) give access to host hardware`);
}

/** Problems with a container create body (`POST /containers/create`). */
export function containerCreateProblems(body: Json, allowed: readonly string[]): string[] {
  const problems: string[] = [];
  const host = obj(obj(body)?.HostConfig);
  if (!host) return problems;
  if (host.Privileged === true)
    problems.push(
      'privileged mode (HostConfig.Privileged) gives the container full control of the host',
    );
  for (const [field, what] of NAMESPACES) {
    if (str(host[field]) === 'host') problems.push(`${what} (HostConfig.${field}=host)`);
  }
  checkResources(host, 'HostConfig', problems);
  if (arr(host.CapAdd).length)
    problems.push(`added capabilities (HostConfig.CapAdd: ${arr(host.CapAdd).join(', ')})`);
  for (const opt of arr(host.SecurityOpt).map(String)) {
    if (/unconfined|label[:=]disable/.test(opt))
      problems.push(`a weakened security profile (HostConfig.SecurityOpt: ${opt})`);
  }
  arr(host.Binds).forEach((bind, i) => {
    const source = str(bind)?.split(':')[0];
    // "name:/path" is a named volume; only absolute sources are host paths.
    if (source?.startsWith('/'))
      checkBindSource(source, `HostConfig.Binds[${i}]`, allowed, problems);
  });
  checkMounts(arr(host.Mounts), 'HostConfig.Mounts', allowed, problems);
  return problems;
}

/** Problems with a live update (`POST /containers/{id}/update`): resources only. */
export function containerUpdateProblems(body: Json): string[] {
  const problems: string[] = [];
  const update = obj(body);
  if (update) checkResources(update, 'update', problems);
  return problems;
}

/** Problems with an exec create body. */
export function execCreateProblems(body: Json): string[] {
  return obj(body)?.Privileged === true
    ? ['a privileged exec (Privileged) runs with full control of the host']
    : [];
}

/** Problems with a swarm service spec (create or update). */
export function serviceSpecProblems(body: Json, allowed: readonly string[]): string[] {
  const problems: string[] = [];
  const task = obj(obj(body)?.TaskTemplate);
  const container = obj(task?.ContainerSpec);
  if (container) {
    checkMounts(arr(container.Mounts), 'TaskTemplate.ContainerSpec.Mounts', allowed, problems);
    if (arr(container.CapabilityAdd).length)
      problems.push('added capabilities (TaskTemplate.ContainerSpec.CapabilityAdd)');
    const seLinux = obj(obj(container.Privileges)?.SELinuxContext);
    if (seLinux?.Disable === true)
      problems.push(
        'SELinux disabled (TaskTemplate.ContainerSpec.Privileges.SELinuxContext.Disable)',
      );
  }
  if (obj(task?.PluginSpec))
    problems.push('a plugin task (TaskTemplate.PluginSpec) installs a plugin, which is for admins');
  for (const network of [...arr(task?.Networks), ...arr(obj(body)?.Networks)]) {
    if (str(obj(network)?.Target) === 'host') problems.push('the host network (Networks: host)');
  }
  return problems;
}

/** Problems with a volume create body. */
export function volumeCreateProblems(body: Json, allowed: readonly string[]): string[] {
  const problems: string[] = [];
  checkVolumeDriverOptions(obj(obj(body)?.DriverOpts), 'DriverOpts', allowed, problems);
  return problems;
}

/** Problems with a build's query (the body is a tar context Berth does not open). */
export function buildQueryProblems(query: URLSearchParams): string[] {
  return query.get('networkmode') === 'host'
    ? ['a build on the host network (networkmode=host)']
    : [];
}
