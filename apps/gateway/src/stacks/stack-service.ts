import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role, StackDeployEvent, StackKind, StackProblem } from '@berth/api';
import { registryHostOfImage, registryHostOfServer, roleAtLeast } from '@berth/api';
import {
  containerCreateProblems,
  serviceSpecProblems,
  volumeCreateProblems,
  type Json,
} from '../auth/body-policy';
import type { Security } from '../auth/security';
import type { Endpoint } from '../endpoints/endpoint';
import { HttpError } from '../http/errors';
import { engineHostAddresses, fetchPolicyProblems } from '../relay/fetch-policy';
import { ComposeFileError, lineOfPath, loadComposeFile } from './compose-file';
import { deployProject, type DeployOptions } from './deployer';
import { parseDotEnv } from './interpolate';
import { planProject, type ProjectPlan } from './project';
import { StackEngine } from './stack-engine';
import type { StackStore } from './stack-store';
import { deploySwarmStack, swarmStackServices } from './swarm-deployer';
import { planSwarmStack, type SwarmPlan } from './swarm-plan';

/** A file planned as a compose project or as a swarm stack. */
export type StackPlan = ProjectPlan | SwarmPlan;
export const isSwarmPlan = (plan: StackPlan): plan is SwarmPlan => 'namespace' in plan;

/** The compose key behind an engine field the body policy names (`HostConfig.PidMode` → `pid`). */
const COMPOSE_KEYS: Array<[RegExp, string]> = [
  [/HostConfig\.Privileged/, 'privileged'],
  [/HostConfig\.NetworkMode/, 'network_mode'],
  [/HostConfig\.PidMode/, 'pid'],
  [/HostConfig\.IpcMode/, 'ipc'],
  [/HostConfig\.UTSMode/, 'uts'],
  [/HostConfig\.UsernsMode/, 'userns_mode'],
  [/HostConfig\.CapAdd/, 'cap_add'],
  [/HostConfig\.Devices/, 'devices'],
  [/HostConfig\.SecurityOpt/, 'security_opt'],
  [/HostConfig\.(Mounts|Binds)/, 'volumes'],
  [/ContainerSpec\.Mounts/, 'volumes'],
  [/ContainerSpec\.CapabilityAdd/, 'cap_add'],
  [/Networks: host/, 'networks'],
];
function composeKeyOf(problem: string): string | undefined {
  return COMPOSE_KEYS.find(([pattern]) => pattern.test(problem))?.[1];
}

/** A compose file refused before anything reached the engine, with every problem at its line. */
export class StackFileRefused extends HttpError {
  constructor(
    status: number,
    message: string,
    readonly problems: StackProblem[],
  ) {
    super(status, message);
  }
}

export interface StackFile {
  compose: string;
  env: string;
}

/**
 * Stacks on endpoints: turns files into plans (checked against the same body policy and
 * engine-fetch policy as the relay), deploys them, and keeps their versions.
 */
export class StackService {
  /** Stacks being deployed right now (`endpoint/name`): one deploy per stack at a time. */
  private readonly busy = new Set<string>();

  constructor(
    readonly store: StackStore,
    private readonly security: Security,
    private readonly dataDir: string,
  ) {}

  engine(endpoint: Endpoint): StackEngine {
    return new StackEngine(endpoint);
  }

  /** Where a stack's files are written: the `working_dir` label points here. */
  folder(endpointId: string, name: string): string {
    return join(this.dataDir, 'stacks', endpointId, name);
  }

  /** Parses, validates and plans a file; problems become a 400 with each problem's line. */
  plan(endpointId: string, name: string, file: StackFile): ProjectPlan {
    const folder = this.folder(endpointId, name);
    try {
      const doc = loadComposeFile(file.compose, file.env);
      return planProject(name, doc, file.compose, {
        workingDir: folder,
        configFiles: join(folder, 'compose.yaml'),
        environmentFile: file.env ? join(folder, '.env') : undefined,
        profiles: (parseDotEnv(file.env).COMPOSE_PROFILES ?? '')
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      });
    } catch (error) {
      if (error instanceof ComposeFileError)
        throw new StackFileRefused(
          400,
          `The compose file is not valid: ${error.message}`,
          error.problems,
        );
      throw error;
    }
  }

  /** Like plan, for a swarm stack (`docker stack deploy` semantics). */
  planSwarm(name: string, file: StackFile): SwarmPlan {
    try {
      const doc = loadComposeFile(file.compose, file.env);
      return planSwarmStack(name, doc, file.compose, parseDotEnv(file.env));
    } catch (error) {
      if (error instanceof ComposeFileError)
        throw new StackFileRefused(
          400,
          `The compose file is not valid: ${error.message}`,
          error.problems,
        );
      throw error;
    }
  }

  /** `swarm` when the engine runs services of this stack's namespace, else `compose`. */
  async kindOf(endpoint: Endpoint, name: string): Promise<StackKind> {
    const services = await swarmStackServices(this.engine(endpoint), name);
    return services.length ? 'swarm' : 'compose';
  }

  /**
   * What the caller's role may not deploy: the relay's body policy applied to every container
   * and volume the file would create, and the engine-fetch policy to every image, each problem
   * naming the service and the compose key's line.
   */
  async policyProblems(
    endpoint: Endpoint,
    role: Role,
    plan: StackPlan,
    yaml: string,
  ): Promise<StackProblem[]> {
    const settings = this.security.deps.settings.security();
    const problems: StackProblem[] = [];
    const bodyProblems = (service: StackPlan['services'][number]) =>
      'spec' in service
        ? serviceSpecProblems(service.spec as Json, settings.allowedBindPaths)
        : containerCreateProblems(service.createBody(1) as Json, settings.allowedBindPaths);
    const images = isSwarmPlan(plan)
      ? plan.services.map((s) => ({
          name: s.name,
          image: String(
            (s.spec.TaskTemplate as { ContainerSpec: { Image: string } }).ContainerSpec.Image,
          ),
        }))
      : plan.services.map((s) => ({ name: s.name, image: s.image }));
    if (!roleAtLeast(role, 'admin')) {
      for (const service of plan.services) {
        for (const problem of bodyProblems(service)) {
          const key = composeKeyOf(problem);
          const parts = key ? ['services', service.name, key] : ['services', service.name];
          problems.push({
            message: `service "${service.name}"${key ? `, key ${key}` : ''}: ${problem}`,
            path: parts.join('.'),
            line: lineOfPath(yaml, parts),
          });
        }
      }
      for (const volume of plan.volumes)
        for (const problem of volumeCreateProblems(volume.body as Json, settings.allowedBindPaths))
          problems.push({
            message: `volume "${volume.key}": ${problem}`,
            path: `volumes.${volume.key}`,
            line: lineOfPath(yaml, ['volumes', volume.key]),
          });
    }
    const fetches = images.map((s) => ({
      key: `services.${s.name}.image`,
      host: registryHostOfImage(s.image),
      kind: 'registry' as const,
    }));
    const fetchProblems = await fetchPolicyProblems(fetches, {
      policy: settings.engineFetch,
      role,
      savedRegistryHosts: this.security.deps.registries
        .list()
        .map((r) => registryHostOfServer(r.server)),
      engineHost: engineHostAddresses(endpoint.url),
    });
    for (const problem of fetchProblems) problems.push({ message: problem });
    return problems;
  }

  /** Plans and checks a file for a caller; throws StackFileRefused (400 or 403). */
  async checked(
    endpoint: Endpoint,
    role: Role,
    name: string,
    file: StackFile,
    kind: StackKind = 'compose',
  ): Promise<StackPlan> {
    const plan = kind === 'swarm' ? this.planSwarm(name, file) : this.plan(endpoint.id, name, file);
    const problems = await this.policyProblems(endpoint, role, plan, file.compose);
    if (problems.length)
      throw new StackFileRefused(
        403,
        `Refused by Berth's policy for non-admins: ${problems.map((p) => p.message).join('; ')}.`,
        problems,
      );
    return plan;
  }

  /** Claims the stack for one deploy; 409 while another is running. */
  claim(endpointId: string, name: string): () => void {
    const key = `${endpointId}/${name}`;
    if (this.busy.has(key))
      throw new HttpError(409, `Stack ${name} is being deployed already; wait for that to finish.`);
    this.busy.add(key);
    return () => this.busy.delete(key);
  }

  /**
   * Saves the file as a new version (unless `save` is false: a pull or scale), writes it to the stack's folder and deploys it. The
   * version is kept even when the deploy fails, so what was tried stays visible in history.
   */
  async deploy(
    endpoint: Endpoint,
    name: string,
    plan: StackPlan,
    file: StackFile & { username: string | null; note?: string | null; save: boolean },
    emit: (event: StackDeployEvent) => void,
    options: DeployOptions = {},
  ): Promise<number | null> {
    const version = file.save
      ? this.store.addVersion(endpoint.id, name, file)
      : (this.store.version(endpoint.id, name)?.version ?? null);
    const folder = this.folder(endpoint.id, name);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileSync(join(folder, 'compose.yaml'), file.compose, { mode: 0o600 });
    if (file.env) writeFileSync(join(folder, '.env'), file.env, { mode: 0o600 });
    else rmSync(join(folder, '.env'), { force: true });
    if (isSwarmPlan(plan)) await deploySwarmStack(this.engine(endpoint), plan, emit);
    else await deployProject(this.engine(endpoint), plan, emit, options);
    return version;
  }

  forget(endpointId: string, name: string): void {
    this.store.delete(endpointId, name);
    rmSync(this.folder(endpointId, name), { recursive: true, force: true });
  }
}
