// A compose file as a swarm stack, with `docker stack deploy` semantics: each service becomes a
// swarm service `<stack>_<service>`, networks are overlays, secrets and configs engine objects,
// and everything carries the `com.docker.stack.namespace` label the CLI lists stacks by.
import type { ComposeDocument, ComposeProblem } from './compose-file';
import { ComposeFileError, lineOfPath } from './compose-file';
import {
  bytes,
  durationNs,
  listOrDict,
  num,
  obj,
  shellSplit,
  str,
  stringList,
  ulimitList,
  type Obj,
} from './convert';
import { LABEL } from './labels';
import { parsePort, parseVolume } from './project';

/** Keys a swarm service honours; anything else is refused by name (swarm would ignore it). */
const SWARM_SERVICE_KEYS = new Set([
  'image',
  'command',
  'entrypoint',
  'environment',
  'ports',
  'volumes',
  'networks',
  'depends_on',
  'healthcheck',
  'deploy',
  'labels',
  'logging',
  'user',
  'working_dir',
  'hostname',
  'extra_hosts',
  'dns',
  'dns_search',
  'dns_opt',
  'cap_add',
  'cap_drop',
  'sysctls',
  'stop_signal',
  'stop_grace_period',
  'init',
  'tty',
  'stdin_open',
  'read_only',
  'secrets',
  'configs',
  'ulimits',
]);
const SWARM_DEPLOY_KEYS = new Set([
  'mode',
  'replicas',
  'labels',
  'resources',
  'restart_policy',
  'placement',
  'update_config',
  'rollback_config',
  'endpoint_mode',
]);
const SWARM_TOP_KEYS = new Set([
  'version',
  'name',
  'services',
  'networks',
  'volumes',
  'secrets',
  'configs',
]);

export interface SwarmObjectPlan {
  key: string;
  name: string;
  external: boolean;
  /** The create body (Name, Labels, Data base64) for objects Berth makes. */
  body: Obj;
}

export interface SwarmPlan {
  namespace: string;
  /** Service specs for /services/create, keyed by the compose service name. */
  services: Array<{ name: string; spec: Obj }>;
  networks: SwarmObjectPlan[];
  volumes: SwarmObjectPlan[];
  secrets: SwarmObjectPlan[];
  configs: SwarmObjectPlan[];
  /** Keys swarm itself has no use for (depends_on): deployed, but said so in the progress. */
  notes: string[];
}

const policyCondition = (value: string | undefined) =>
  value === 'none' ? 'none' : value === 'on-failure' ? 'on-failure' : 'any';

function updateConfig(raw: unknown): Obj | undefined {
  if (raw === undefined) return undefined;
  const c = obj(raw);
  return {
    Parallelism: num(c.parallelism) ?? 1,
    Delay: c.delay === undefined ? undefined : durationNs(c.delay as string),
    FailureAction: str(c.failure_action),
    Monitor: c.monitor === undefined ? undefined : durationNs(c.monitor as string),
    MaxFailureRatio: num(c.max_failure_ratio),
    Order: str(c.order),
  };
}

/** Turns a validated compose document into swarm objects; unsupported keys are refused by name. */
export function planSwarmStack(
  namespace: string,
  doc: ComposeDocument,
  yamlText: string,
  vars: Readonly<Record<string, string>>,
): SwarmPlan {
  const problems: ComposeProblem[] = [];
  const problem = (parts: Array<string | number>, message: string) =>
    problems.push({ message, path: parts.join('.'), line: lineOfPath(yamlText, parts) });
  for (const key of Object.keys(doc))
    if (!SWARM_TOP_KEYS.has(key) && !key.startsWith('x-'))
      problem([key], `top-level "${key}" is not supported for swarm stacks`);

  const labels = { [LABEL.swarmNamespace]: namespace };
  const objectName = (key: string, def: Obj) =>
    str(def.name) ?? (def.external === true ? key : `${namespace}_${key}`);

  const networks = new Map<string, SwarmObjectPlan>();
  const addNetwork = (key: string, def: Obj) => {
    const name = objectName(key, def);
    networks.set(key, {
      key,
      name,
      external: def.external === true,
      body: {
        Name: name,
        Driver: str(def.driver) ?? 'overlay',
        Attachable: def.attachable === true,
        Internal: def.internal === true,
        Options: Object.fromEntries(listOrDict(def.driver_opts)),
        Labels: { ...Object.fromEntries(listOrDict(def.labels)), ...labels },
      },
    });
  };
  for (const [key, def] of Object.entries(obj(doc.networks))) addNetwork(key, obj(def));

  const volumes = Object.entries(obj(doc.volumes)).map(([key, raw]) => {
    const def = obj(raw);
    const name = objectName(key, def);
    return {
      key,
      name,
      external: def.external === true,
      body: {
        Name: name,
        Driver: str(def.driver) ?? 'local',
        DriverOpts: Object.fromEntries(listOrDict(def.driver_opts)),
        Labels: { ...Object.fromEntries(listOrDict(def.labels)), ...labels },
      },
    };
  });
  const volumeName = (key: string) => {
    const found = volumes.find((v) => v.key === key);
    if (!found) throw new Error(`named volume "${key}" is not declared under top-level volumes`);
    return found.name;
  };

  // Secrets and configs: external ones must exist; others take their data from `environment`
  // (a variable of the .env) or, for configs, inline `content`. A `file:` needs a project folder
  // Berth does not have, so it is refused by name.
  const objects = (kind: 'secrets' | 'configs'): SwarmObjectPlan[] =>
    Object.entries(obj(doc[kind])).flatMap(([key, raw]): SwarmObjectPlan[] => {
      const def = obj(raw);
      const name = objectName(key, def);
      if (def.external === true) return [{ key, name, external: true, body: {} }];
      const fromEnv = str(def.environment);
      const data = fromEnv !== undefined ? vars[fromEnv] : str(def.content);
      if (data === undefined) {
        problem(
          [kind, key],
          def.file !== undefined
            ? `${kind}.${key}: "file" is not supported (Berth has no project folder); use external, environment or content`
            : fromEnv !== undefined
              ? `${kind}.${key}: the .env sets no variable ${fromEnv}`
              : `${kind}.${key}: needs external, environment${kind === 'configs' ? ' or content' : ''}`,
        );
        return [];
      }
      return [
        {
          key,
          name,
          external: false,
          body: {
            Name: name,
            Labels: { ...Object.fromEntries(listOrDict(def.labels)), ...labels },
            Data: Buffer.from(data).toString('base64'),
          },
        },
      ];
    });
  const secrets = objects('secrets');
  const configs = objects('configs');

  const notes: string[] = [];
  const services: SwarmPlan['services'] = [];
  for (const [name, service] of Object.entries(doc.services)) {
    const at = (...parts: Array<string | number>) => ['services', name, ...parts];
    for (const key of Object.keys(service))
      if (!SWARM_SERVICE_KEYS.has(key) && !key.startsWith('x-'))
        problem(at(key), `services.${name}: "${key}" is not supported for swarm stacks`);
    for (const key of Object.keys(obj(service.deploy)))
      if (!SWARM_DEPLOY_KEYS.has(key))
        problem(at('deploy', key), `services.${name}.deploy: "${key}" is not supported`);
    if (service.depends_on !== undefined)
      notes.push(
        `services.${name}.depends_on: swarm starts services in no order (as docker stack deploy)`,
      );
    if (!service.image) {
      problem(at(), `services.${name}: "image" is required`);
      continue;
    }
    try {
      services.push({
        name,
        spec: serviceSpec(namespace, name, service, {
          volumeName,
          network: (key) => {
            if (!networks.has(key) && key === 'default') addNetwork('default', {});
            const found = networks.get(key);
            if (!found)
              throw new Error(`network "${key}" is not declared under top-level networks`);
            return found.name;
          },
          secret: (key) => secrets.find((s) => s.key === key)?.name,
          config: (key) => configs.find((c) => c.key === key)?.name,
        }),
      });
    } catch (error) {
      problem(at(), `services.${name}: ${(error as Error).message}`);
    }
  }
  if (problems.length) throw new ComposeFileError(problems);
  return {
    namespace,
    services,
    networks: [...networks.values()],
    volumes,
    secrets,
    configs,
    notes,
  };
}

interface Resolvers {
  volumeName: (key: string) => string;
  network: (key: string) => string;
  secret: (key: string) => string | undefined;
  config: (key: string) => string | undefined;
}

function fileReferences(
  value: unknown,
  kind: 'secret' | 'config',
  resolve: (key: string) => string | undefined,
): Obj[] {
  return ((value as unknown[] | undefined) ?? []).map((entry) => {
    const long = typeof entry === 'string' ? { source: entry } : obj(entry);
    const source = String(long.source);
    const name = resolve(source);
    if (!name) throw new Error(`${kind} "${source}" is not declared under top-level ${kind}s`);
    const target = str(long.target) ?? (kind === 'secret' ? source : `/${source}`);
    return {
      File: {
        Name: target,
        UID: str(long.uid) ?? '0',
        GID: str(long.gid) ?? '0',
        Mode: num(long.mode) ?? 0o444,
      },
      [kind === 'secret' ? 'SecretName' : 'ConfigName']: name,
      // The engine wants the object's id, known only once it exists: the deployer fills it in.
      [kind === 'secret' ? 'SecretID' : 'ConfigID']: '',
    };
  });
}

function serviceSpec(namespace: string, name: string, service: Obj, resolve: Resolvers): Obj {
  const deploy = obj(service.deploy);
  const resources = obj(deploy.resources);
  const limits = obj(resources.limits);
  const reservations = obj(resources.reservations);
  const restart = obj(deploy.restart_policy);
  const placement = obj(deploy.placement);
  const healthcheck = obj(service.healthcheck);
  const image = String(service.image);
  const networkEntries = Array.isArray(service.networks)
    ? service.networks.map((key) => [String(key), {}] as const)
    : Object.entries(obj(service.networks));
  const networks = (networkEntries.length ? networkEntries : [['default', {}] as const]).map(
    ([key, raw]) => ({
      Target: resolve.network(key),
      Aliases: [name, ...stringList(obj(raw).aliases)],
    }),
  );
  const ports = ((service.ports as unknown[] | undefined) ?? []).flatMap((spec) => {
    const mode = spec && typeof spec === 'object' ? str(obj(spec).mode) : undefined;
    return parsePort(spec).map((port) => {
      const [target = '', protocol = 'tcp'] = port.container.split('/');
      return {
        Protocol: protocol,
        TargetPort: Number(target),
        ...(port.hostPort ? { PublishedPort: Number(port.hostPort) } : {}),
        PublishMode: mode ?? 'ingress',
      };
    });
  });
  const test = healthcheck.test;
  const mode =
    str(deploy.mode) === 'global'
      ? { Global: {} }
      : { Replicated: { Replicas: num(deploy.replicas) ?? 1 } };
  const command = (value: unknown) =>
    value === undefined
      ? undefined
      : typeof value === 'string'
        ? shellSplit(value)
        : stringList(value);
  return {
    Name: `${namespace}_${name}`,
    Labels: {
      ...Object.fromEntries(listOrDict(deploy.labels)),
      [LABEL.swarmNamespace]: namespace,
      'com.docker.stack.image': image,
    },
    TaskTemplate: {
      ContainerSpec: {
        Image: image,
        // As the docker CLI: entrypoint is the service's Command, command its Args.
        Command: command(service.entrypoint),
        Args: command(service.command),
        Env: listOrDict(service.environment)
          .filter(([, value]) => value !== null)
          .map(([key, value]) => `${key}=${value ?? ''}`),
        Labels: {
          ...Object.fromEntries(listOrDict(service.labels)),
          [LABEL.swarmNamespace]: namespace,
        },
        User: str(service.user),
        Dir: str(service.working_dir),
        Hostname: str(service.hostname),
        Hosts:
          service.extra_hosts === undefined
            ? undefined
            : listOrDict(service.extra_hosts, ':').map(([host, ip]) => `${ip ?? ''} ${host}`),
        DNSConfig:
          service.dns || service.dns_search || service.dns_opt
            ? {
                Nameservers: stringList(service.dns),
                Search: stringList(service.dns_search),
                Options: stringList(service.dns_opt),
              }
            : undefined,
        CapabilityAdd: service.cap_add,
        CapabilityDrop: service.cap_drop,
        Sysctls:
          service.sysctls === undefined
            ? undefined
            : Object.fromEntries(listOrDict(service.sysctls)),
        Ulimits: ulimitList(service.ulimits),
        StopSignal: str(service.stop_signal),
        StopGracePeriod:
          service.stop_grace_period === undefined
            ? undefined
            : durationNs(service.stop_grace_period as string),
        Init: service.init === undefined ? undefined : service.init === true,
        TTY: service.tty === true ? true : undefined,
        OpenStdin: service.stdin_open === true ? true : undefined,
        ReadOnly: service.read_only === true ? true : undefined,
        Mounts: ((service.volumes as unknown[] | undefined) ?? []).map((spec) =>
          parseVolume(spec, resolve.volumeName),
        ),
        Healthcheck: service.healthcheck
          ? healthcheck.disable === true
            ? { Test: ['NONE'] }
            : {
                Test: typeof test === 'string' ? ['CMD-SHELL', test] : test,
                Interval: healthcheck.interval
                  ? durationNs(healthcheck.interval as string)
                  : undefined,
                Timeout: healthcheck.timeout
                  ? durationNs(healthcheck.timeout as string)
                  : undefined,
                StartPeriod: healthcheck.start_period
                  ? durationNs(healthcheck.start_period as string)
                  : undefined,
                Retries: num(healthcheck.retries),
              }
          : undefined,
        Secrets: fileReferences(service.secrets, 'secret', resolve.secret),
        Configs: fileReferences(service.configs, 'config', resolve.config),
      },
      Resources: {
        Limits: {
          NanoCPUs: limits.cpus === undefined ? undefined : Math.round(Number(limits.cpus) * 1e9),
          MemoryBytes: limits.memory === undefined ? undefined : bytes(limits.memory as string),
          Pids: num(limits.pids),
        },
        Reservations: {
          NanoCPUs:
            reservations.cpus === undefined
              ? undefined
              : Math.round(Number(reservations.cpus) * 1e9),
          MemoryBytes:
            reservations.memory === undefined ? undefined : bytes(reservations.memory as string),
        },
      },
      RestartPolicy: deploy.restart_policy
        ? {
            Condition: policyCondition(str(restart.condition)),
            Delay: restart.delay === undefined ? undefined : durationNs(restart.delay as string),
            MaxAttempts: num(restart.max_attempts),
            Window: restart.window === undefined ? undefined : durationNs(restart.window as string),
          }
        : undefined,
      Placement: deploy.placement
        ? {
            Constraints: stringList(placement.constraints),
            Preferences: ((placement.preferences as Obj[] | undefined) ?? []).map((p) => ({
              Spread: { SpreadDescriptor: str(p.spread) },
            })),
            MaxReplicas: num(placement.max_replicas_per_node),
          }
        : undefined,
      LogDriver: service.logging
        ? {
            Name: str(obj(service.logging).driver) ?? 'json-file',
            Options: obj(obj(service.logging).options),
          }
        : undefined,
      Networks: networks,
    },
    Mode: mode,
    UpdateConfig: updateConfig(deploy.update_config),
    RollbackConfig: updateConfig(deploy.rollback_config),
    EndpointSpec: { Mode: str(deploy.endpoint_mode) ?? 'vip', Ports: ports },
  };
}
