import { createHash } from 'node:crypto';
import type { ComposeDocument, ComposeProblem } from './compose-file';
import { ComposeFileError, lineOfPath } from './compose-file';
import {
  bytes,
  durationNs,
  listOrDict,
  num,
  obj,
  shellSplit,
  stableJson,
  str,
  stringList,
  ulimitList,
  type Obj,
} from './convert';
import { COMPOSE_LABEL_VERSION, LABEL } from './labels';

export type DependencyCondition =
  'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface NetworkPlan {
  key: string;
  /** The engine's name: `<project>_<key>` unless `name:` says otherwise. */
  name: string;
  external: boolean;
  body: Record<string, unknown>;
}

export interface VolumePlan {
  key: string;
  name: string;
  external: boolean;
  body: Record<string, unknown>;
}

export interface ServicePlan {
  name: string;
  image: string;
  replicas: number;
  dependsOn: Array<{ service: string; condition: DependencyCondition; required: boolean }>;
  /** sha256 of the service's resolved configuration: the `config-hash` label. */
  configHash: string;
  /** The engine create body for replica `number` (1-based). */
  createBody(number: number): Record<string, unknown>;
  /** `container_name`: the one container's fixed name (then it cannot scale). */
  fixedName?: string;
  /** `pull_policy`: `always` pulls on every deploy, `never` refuses to pull. */
  pullPolicy: 'always' | 'never' | 'missing';
  /** Networks beyond the first: connected after create (API 1.41 takes one at create). */
  extraNetworks: Array<{ name: string; aliases: string[]; ipv4Address?: string }>;
}

export interface ProjectPlan {
  name: string;
  /** Services in dependency order: each after everything it depends on. */
  services: ServicePlan[];
  networks: NetworkPlan[];
  volumes: VolumePlan[];
}

/**
 * Service keys Berth turns into engine settings. Anything else the schema allows is refused by
 * name rather than silently dropped (a person would think it applied).
 */
const SUPPORTED_SERVICE_KEYS = new Set([
  'image',
  'command',
  'entrypoint',
  'environment',
  'ports',
  'expose',
  'volumes',
  'networks',
  'depends_on',
  'healthcheck',
  'restart',
  'deploy',
  'labels',
  'logging',
  'user',
  'working_dir',
  'hostname',
  'domainname',
  'extra_hosts',
  'dns',
  'dns_search',
  'dns_opt',
  'cap_add',
  'cap_drop',
  'privileged',
  'devices',
  'sysctls',
  'ulimits',
  'stop_signal',
  'stop_grace_period',
  'init',
  'tmpfs',
  'tty',
  'stdin_open',
  'read_only',
  'network_mode',
  'pid',
  'ipc',
  'userns_mode',
  'uts',
  'mem_limit',
  'mem_reservation',
  'cpus',
  'cpu_shares',
  'pids_limit',
  'shm_size',
  'scale',
  'security_opt',
  'group_add',
  'container_name',
  'mac_address',
  'pull_policy',
  'oom_score_adj',
  'runtime',
  'profiles',
]);
const SUPPORTED_DEPLOY_KEYS = new Set([
  'replicas',
  'resources',
  'restart_policy',
  'labels',
  'mode',
]);
const SUPPORTED_TOP_KEYS = new Set(['version', 'name', 'services', 'networks', 'volumes']);

const bool = (value: unknown): boolean | undefined =>
  value === undefined ? undefined : value === true || value === 'true' || value === 'True';

/** `[HOST_IP:][HOST[-HOST]:]CONTAINER[-CONTAINER][/PROTO]` → engine port bindings. */
export function parsePort(
  spec: unknown,
): Array<{ container: string; hostIp: string; hostPort: string }> {
  if (spec && typeof spec === 'object') {
    const long = spec as Obj;
    const protocol = str(long.protocol) ?? 'tcp';
    return [
      {
        container: `${str(long.target)}/${protocol}`,
        hostIp: str(long.host_ip) ?? '',
        hostPort: str(long.published) ?? '',
      },
    ];
  }
  const text = String(spec);
  const [rest = '', protocol = 'tcp'] = text.split('/');
  // An IPv6 host address is bracketed: [::1]:8080:80
  const ipv6 = /^\[([^\]]+)\]:(.*)$/.exec(rest);
  const parts = ipv6 ? [ipv6[1] ?? '', ...(ipv6[2] ?? '').split(':')] : rest.split(':');
  const container = parts.pop() ?? '';
  const hostPort = parts.pop() ?? '';
  const hostIp = parts.join(':');
  const range = (value: string): number[] => {
    const [from, to] = value.split('-').map(Number);
    if (from === undefined || Number.isNaN(from)) throw new Error(`"${text}" is not a port`);
    const end = to ?? from;
    return Array.from({ length: end - from + 1 }, (_, i) => from + i);
  };
  const containers = range(container);
  const hosts = hostPort ? range(hostPort) : [];
  if (hosts.length > 1 && hosts.length !== containers.length)
    throw new Error(`"${text}": the host and container ranges differ in length`);
  return containers.map((port, i) => ({
    container: `${port}/${protocol}`,
    hostIp,
    hostPort: hosts.length === 0 ? '' : String(hosts.length === 1 ? hosts[0] : hosts[i]),
  }));
}

interface MountSpec {
  Type: 'volume' | 'bind' | 'tmpfs';
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  VolumeOptions?: Obj;
  BindOptions?: Obj;
  TmpfsOptions?: Obj;
}

/** A service `volumes:` entry (short or long syntax) as an engine mount. */
export function parseVolume(spec: unknown, volumeName: (key: string) => string): MountSpec {
  if (spec && typeof spec === 'object') {
    const long = spec as Obj;
    const type = (str(long.type) ?? 'volume') as MountSpec['Type'];
    if (!['volume', 'bind', 'tmpfs'].includes(type))
      throw new Error(`volume type "${type}" is not supported`);
    const source = str(long.source);
    const mount: MountSpec = { Type: type, Target: String(long.target) };
    if (type === 'volume' && source) mount.Source = volumeName(source);
    if (type === 'bind') {
      if (!source?.startsWith('/'))
        throw new Error(`bind source "${source ?? ''}" must be an absolute host path`);
      mount.Source = source;
      const bind = obj(long.bind);
      if (bind.propagation) mount.BindOptions = { Propagation: bind.propagation };
    }
    if (long.read_only !== undefined) mount.ReadOnly = bool(long.read_only);
    if (type === 'volume' && obj(long.volume).nocopy !== undefined)
      mount.VolumeOptions = { NoCopy: bool(obj(long.volume).nocopy) };
    if (type === 'tmpfs' && obj(long.tmpfs).size !== undefined)
      mount.TmpfsOptions = { SizeBytes: bytes(obj(long.tmpfs).size as string) };
    return mount;
  }
  const parts = String(spec).split(':');
  const [first = '', second, mode = ''] = parts;
  if (second === undefined) return { Type: 'volume', Target: first };
  const readOnly = mode.split(',').includes('ro') || undefined;
  if (first.startsWith('/'))
    return { Type: 'bind', Source: first, Target: second, ReadOnly: readOnly };
  if (first.startsWith('.') || first.startsWith('~'))
    throw new Error(
      `"${String(spec)}": relative bind paths need a project folder Berth does not have; use an absolute path`,
    );
  return { Type: 'volume', Source: volumeName(first), Target: second, ReadOnly: readOnly };
}

function dependencies(name: string, value: unknown): ServicePlan['dependsOn'] {
  if (Array.isArray(value))
    return value.map((service) => ({
      service: String(service),
      condition: 'service_started' as const,
      required: true,
    }));
  return Object.entries(obj(value)).map(([service, spec]) => {
    const condition = (str(obj(spec).condition) ?? 'service_started') as DependencyCondition;
    if (
      !['service_started', 'service_healthy', 'service_completed_successfully'].includes(condition)
    )
      throw new Error(`services.${name}.depends_on.${service}: unknown condition "${condition}"`);
    return { service, condition, required: bool(obj(spec).required) ?? true };
  });
}

/** Services after their dependencies (Kahn's algorithm); a cycle is an error naming it. */
function dependencyOrder(services: Map<string, ServicePlan['dependsOn']>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, chain: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting')
      throw new Error(`depends_on makes a cycle: ${[...chain, name].join(' → ')}`);
    state.set(name, 'visiting');
    for (const dep of services.get(name) ?? []) {
      if (!services.has(dep.service))
        throw new Error(
          `services.${name}.depends_on names "${dep.service}", which is not a service`,
        );
      visit(dep.service, [...chain, name]);
    }
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of [...services.keys()].sort()) visit(name, []);
  return order;
}

export interface PlanContext {
  /** The folder the stack's files are written to (the `working_dir` label). */
  workingDir: string;
  configFiles: string;
  environmentFile?: string;
  /** Active profiles (COMPOSE_PROFILES of the .env): services of other profiles are left out. */
  profiles?: string[];
}

/**
 * Turns a validated compose document into what the engine must be asked for. Keys Berth does not
 * turn into engine settings are refused by name, each at its line.
 */
export function planProject(
  project: string,
  doc: ComposeDocument,
  yamlText: string,
  context: PlanContext,
): ProjectPlan {
  const problems: ComposeProblem[] = [];
  const problem = (parts: Array<string | number>, message: string) =>
    problems.push({
      message,
      path: parts.join('.'),
      line: lineOfPath(yamlText, parts),
    });

  for (const key of Object.keys(doc))
    if (!SUPPORTED_TOP_KEYS.has(key) && !key.startsWith('x-'))
      problem([key], `top-level "${key}" is not supported by Berth yet`);

  const networkDefs = obj(doc.networks);
  const volumeDefs = obj(doc.volumes);
  const networks: NetworkPlan[] = [];
  const projectLabels = { [LABEL.project]: project, [LABEL.version]: COMPOSE_LABEL_VERSION };
  const networkName = new Map<string, string>();
  const addNetwork = (key: string, def: Obj) => {
    const external = bool(def.external) ?? false;
    const name = str(def.name) ?? (external ? key : `${project}_${key}`);
    networkName.set(key, name);
    const ipam = obj(def.ipam);
    networks.push({
      key,
      name,
      external,
      body: {
        Name: name,
        CheckDuplicate: true,
        Driver: str(def.driver) ?? 'bridge',
        Options: Object.fromEntries(listOrDict(def.driver_opts)),
        Internal: bool(def.internal) ?? false,
        Attachable: bool(def.attachable) ?? false,
        EnableIPv6: bool(def.enable_ipv6) ?? false,
        Labels: {
          ...Object.fromEntries(listOrDict(def.labels)),
          ...projectLabels,
          [LABEL.network]: key,
        },
        ...(ipam.config
          ? {
              IPAM: {
                Driver: str(ipam.driver) ?? 'default',
                Config: (ipam.config as Obj[]).map((c) => ({
                  Subnet: str(c.subnet),
                  Gateway: str(c.gateway),
                  IPRange: str(c.ip_range),
                })),
              },
            }
          : {}),
      },
    });
  };
  for (const [key, def] of Object.entries(networkDefs)) addNetwork(key, obj(def));

  const volumes: VolumePlan[] = Object.entries(volumeDefs).map(([key, raw]) => {
    const def = obj(raw);
    const external = bool(def.external) ?? false;
    const name = str(def.name) ?? (external ? key : `${project}_${key}`);
    return {
      key,
      name,
      external,
      body: {
        Name: name,
        Driver: str(def.driver) ?? 'local',
        DriverOpts: Object.fromEntries(listOrDict(def.driver_opts)),
        Labels: {
          ...Object.fromEntries(listOrDict(def.labels)),
          ...projectLabels,
          [LABEL.volume]: key,
        },
      },
    };
  });
  const volumeName = (key: string): string => {
    const declared = volumes.find((v) => v.key === key);
    if (!declared) throw new Error(`named volume "${key}" is not declared under top-level volumes`);
    return declared.name;
  };

  const deps = new Map<string, ServicePlan['dependsOn']>();
  const plans = new Map<string, ServicePlan>();
  let usesDefaultNetwork = false;

  const active = new Set(context.profiles ?? []);
  const enabled = Object.entries(doc.services).filter(([, service]) => {
    const profiles = stringList(service.profiles);
    return profiles.length === 0 || profiles.some((p) => active.has(p) || active.has('*'));
  });
  for (const [name, service] of enabled) {
    const at = (...parts: Array<string | number>) => ['services', name, ...parts];
    for (const key of Object.keys(service))
      if (!SUPPORTED_SERVICE_KEYS.has(key) && !key.startsWith('x-'))
        problem(at(key), `services.${name}: "${key}" is not supported by Berth yet`);
    for (const key of Object.keys(obj(service.deploy)))
      if (!SUPPORTED_DEPLOY_KEYS.has(key))
        problem(
          at('deploy', key),
          `services.${name}.deploy: "${key}" is not supported by Berth yet`,
        );
    if (!service.image) {
      problem(at(), `services.${name}: "image" is required (Berth does not build images yet)`);
      continue;
    }
    try {
      deps.set(name, dependencies(name, service.depends_on));
      const plan = planService(project, name, service, {
        context,
        networkName,
        volumeName,
        onDefaultNetwork: () => {
          usesDefaultNetwork = true;
        },
      });
      plans.set(name, { ...plan, dependsOn: deps.get(name) ?? [] });
    } catch (error) {
      problem(at(), `services.${name}: ${(error as Error).message}`);
    }
  }
  if (usesDefaultNetwork && !networkName.has('default')) addNetwork('default', {});

  let order: string[] = [];
  if (!problems.length) {
    try {
      order = dependencyOrder(deps);
    } catch (error) {
      problem(['services'], (error as Error).message);
    }
  }
  if (problems.length) throw new ComposeFileError(problems);
  // Resolve the network names now that `default` may have been added.
  return {
    name: project,
    services: order.map((name) => plans.get(name)).filter((p): p is ServicePlan => Boolean(p)),
    networks,
    volumes,
  };
}

interface ServiceContext {
  context: PlanContext;
  networkName: Map<string, string>;
  volumeName: (key: string) => string;
  onDefaultNetwork: () => void;
}

function planService(
  project: string,
  name: string,
  service: Obj,
  { context, networkName, volumeName, onDefaultNetwork }: ServiceContext,
): Omit<ServicePlan, 'dependsOn'> {
  const deploy = obj(service.deploy);
  const limits = obj(obj(deploy.resources).limits);
  const reservations = obj(obj(deploy.resources).reservations);
  const image = String(service.image);
  const replicas = num(deploy.replicas) ?? num(service.scale) ?? 1;

  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const spec of (service.ports as unknown[] | undefined) ?? []) {
    for (const port of parsePort(spec)) {
      exposed[port.container] = {};
      (bindings[port.container] ??= []).push({ HostIp: port.hostIp, HostPort: port.hostPort });
    }
  }
  for (const port of stringList(service.expose))
    exposed[port.includes('/') ? port : `${port}/tcp`] = {};

  const mounts = ((service.volumes as unknown[] | undefined) ?? []).map((spec) =>
    parseVolume(spec, volumeName),
  );
  // `tmpfs:` entries go to HostConfig.Tmpfs as compose does, options (size=…,mode=…) and all.
  const tmpfs = Object.fromEntries(
    stringList(service.tmpfs).map((spec) => {
      const at = spec.indexOf(':');
      return at < 0 ? [spec, ''] : [spec.slice(0, at), spec.slice(at + 1)];
    }),
  );

  // Networks: a list or a map with aliases / ipv4_address; none means the project's default.
  const networkMode = str(service.network_mode);
  const serviceNetworks: Array<{ name: string; aliases: string[]; ipv4Address?: string }> = [];
  if (!networkMode) {
    const entries = Array.isArray(service.networks)
      ? service.networks.map((key) => [String(key), {}] as const)
      : Object.entries(obj(service.networks));
    if (entries.length === 0) {
      onDefaultNetwork();
      serviceNetworks.push({ name: `${project}_default`, aliases: [name] });
    }
    for (const [key, raw] of entries) {
      const def = obj(raw);
      const resolved =
        networkName.get(key) ?? (key === 'default' ? `${project}_default` : undefined);
      if (key === 'default') onDefaultNetwork();
      if (!resolved) throw new Error(`network "${key}" is not declared under top-level networks`);
      serviceNetworks.push({
        name: resolved,
        aliases: [name, ...stringList(def.aliases)],
        ipv4Address: str(def.ipv4_address),
      });
    }
  }
  const [firstNetwork, ...extraNetworks] = serviceNetworks;

  const restartPolicy = obj(deploy.restart_policy);
  const restart =
    str(service.restart) ??
    (deploy.restart_policy ? restartPolicyName(str(restartPolicy.condition)) : undefined);
  const [restartName = 'no', retries] = (restart ?? 'no').split(':');

  const healthcheck = obj(service.healthcheck);
  const test = healthcheck.test;
  const logging = obj(service.logging);
  const memory = limits.memory ?? service.mem_limit;
  const cpus = limits.cpus ?? service.cpus;

  const hostConfig: Obj = {
    PortBindings: bindings,
    Mounts: mounts,
    Tmpfs: service.tmpfs === undefined ? undefined : tmpfs,
    RestartPolicy: {
      Name: restartName === 'no' ? '' : restartName,
      ...(retries ? { MaximumRetryCount: Number(retries) } : {}),
    },
    NetworkMode: networkMode ?? firstNetwork?.name,
    Privileged: bool(service.privileged),
    CapAdd: service.cap_add,
    CapDrop: service.cap_drop,
    Dns: service.dns === undefined ? undefined : stringList(service.dns),
    DnsSearch: service.dns_search === undefined ? undefined : stringList(service.dns_search),
    DnsOptions: service.dns_opt,
    ExtraHosts:
      service.extra_hosts === undefined
        ? undefined
        : listOrDict(
            service.extra_hosts,
            Array.isArray(service.extra_hosts) && String(service.extra_hosts[0]).includes('=')
              ? '='
              : ':',
          ).map(([host, ip]) => `${host}:${ip ?? ''}`),
    Sysctls:
      service.sysctls === undefined ? undefined : Object.fromEntries(listOrDict(service.sysctls)),
    Ulimits: ulimitList(service.ulimits),
    Init: bool(service.init),
    Devices:
      service.devices === undefined
        ? undefined
        : stringList(service.devices).map((device) => {
            const [host = '', container = host, permissions = 'rwm'] = device.split(':');
            return { PathOnHost: host, PathInContainer: container, CgroupPermissions: permissions };
          }),
    PidMode: str(service.pid),
    IpcMode: str(service.ipc),
    UsernsMode: str(service.userns_mode),
    UTSMode: str(service.uts),
    ReadonlyRootfs: bool(service.read_only),
    SecurityOpt: service.security_opt,
    GroupAdd: service.group_add,
    OomScoreAdj: num(service.oom_score_adj),
    Runtime: str(service.runtime),
    ShmSize: service.shm_size === undefined ? undefined : bytes(service.shm_size as string),
    PidsLimit: num(limits.pids ?? service.pids_limit),
    Memory: memory === undefined ? undefined : bytes(memory as string),
    MemoryReservation:
      (reservations.memory ?? service.mem_reservation) === undefined
        ? undefined
        : bytes((reservations.memory ?? service.mem_reservation) as string),
    NanoCpus: cpus === undefined ? undefined : Math.round(Number(cpus) * 1e9),
    CpuShares: num(service.cpu_shares),
    LogConfig: service.logging
      ? { Type: str(logging.driver) ?? 'json-file', Config: obj(logging.options) }
      : undefined,
  };

  const environment = listOrDict(service.environment)
    // A bare `KEY` takes the value from the gateway's environment in compose; Berth has no
    // project shell, so such a key is left out unless the .env set it (interpolation did).
    .filter(([, value]) => value !== null)
    .map(([key, value]) => `${key}=${value ?? ''}`);

  const config: Obj = {
    Image: image,
    Cmd:
      service.command === undefined
        ? undefined
        : typeof service.command === 'string'
          ? shellSplit(service.command)
          : stringList(service.command),
    Entrypoint:
      service.entrypoint === undefined
        ? undefined
        : typeof service.entrypoint === 'string'
          ? shellSplit(service.entrypoint)
          : stringList(service.entrypoint),
    Env: environment,
    ExposedPorts: exposed,
    User: str(service.user),
    WorkingDir: str(service.working_dir),
    Hostname: str(service.hostname),
    Domainname: str(service.domainname),
    MacAddress: str(service.mac_address),
    StopSignal: str(service.stop_signal),
    StopTimeout:
      service.stop_grace_period === undefined
        ? undefined
        : Math.round(durationNs(service.stop_grace_period as string) / 1e9),
    Tty: bool(service.tty),
    OpenStdin: bool(service.stdin_open),
    Healthcheck: service.healthcheck
      ? healthcheck.disable === true
        ? { Test: ['NONE'] }
        : {
            Test: typeof test === 'string' ? ['CMD-SHELL', test] : test,
            Interval: healthcheck.interval ? durationNs(healthcheck.interval as string) : undefined,
            Timeout: healthcheck.timeout ? durationNs(healthcheck.timeout as string) : undefined,
            StartPeriod: healthcheck.start_period
              ? durationNs(healthcheck.start_period as string)
              : undefined,
            Retries: num(healthcheck.retries),
          }
      : undefined,
    HostConfig: hostConfig,
  };
  const configHash = createHash('sha256')
    .update(stableJson({ service, networks: serviceNetworks, volumes: mounts }))
    .digest('hex');
  const dependsOnLabel = Object.entries(obj(service.depends_on))
    .map(([dep, spec]) => `${dep}:${str(obj(spec).condition) ?? 'service_started'}:false`)
    .concat(
      Array.isArray(service.depends_on)
        ? service.depends_on.map((dep) => `${String(dep)}:service_started:false`)
        : [],
    )
    .join(',');

  const fixedName = str(service.container_name);
  if (fixedName && replicas > 1)
    throw new Error(
      `container_name "${fixedName}" fixes one container's name, so it cannot have ${replicas} replicas`,
    );
  const policy = str(service.pull_policy) ?? 'missing';
  const pullPolicy = policy === 'always' ? 'always' : policy === 'never' ? 'never' : 'missing';
  if (!['always', 'never', 'missing', 'if_not_present'].includes(policy))
    throw new Error(`pull_policy "${policy}" is not supported (always, never, missing)`);
  return {
    name,
    image,
    replicas,
    fixedName,
    pullPolicy,
    configHash,
    extraNetworks,
    createBody: (number) => ({
      ...config,
      Hostname: config.Hostname,
      Labels: {
        ...Object.fromEntries(listOrDict(service.labels)),
        ...Object.fromEntries(listOrDict(deploy.labels)),
        [LABEL.project]: project,
        [LABEL.service]: name,
        [LABEL.number]: String(number),
        [LABEL.oneoff]: 'False',
        [LABEL.configHash]: configHash,
        [LABEL.workingDir]: context.workingDir,
        [LABEL.configFiles]: context.configFiles,
        ...(context.environmentFile ? { [LABEL.environmentFile]: context.environmentFile } : {}),
        [LABEL.dependsOn]: dependsOnLabel,
        [LABEL.image]: image,
        [LABEL.version]: COMPOSE_LABEL_VERSION,
      },
      NetworkingConfig: firstNetwork
        ? {
            EndpointsConfig: {
              [firstNetwork.name]: {
                Aliases: firstNetwork.aliases,
                ...(firstNetwork.ipv4Address
                  ? { IPAMConfig: { IPv4Address: firstNetwork.ipv4Address } }
                  : {}),
              },
            },
          }
        : undefined,
    }),
  };
}

function restartPolicyName(condition: string | undefined): string {
  if (condition === 'none') return 'no';
  if (condition === 'on-failure') return 'on-failure';
  return 'always';
}

/** The container name compose gives replica `number`: `<project>-<service>-<n>`. */
export function containerName(project: string, service: string, number: number): string {
  return `${project}-${service}-${number}`;
}
