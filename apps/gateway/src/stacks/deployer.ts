import type { StackDeployEvent, StackServiceAction, StackStepKind } from '@berth/api';
import { stateFromStatus } from '@berth/api';
import { EngineCallError } from '../endpoints/transport';
import { LABEL } from './labels';
import { containerName, type ProjectPlan, type ServicePlan } from './project';
import type { StackEngine } from './stack-engine';

export type Emit = (event: StackDeployEvent) => void;

interface ExistingContainer {
  Id: string;
  Names: string[];
  /** Missing on PouchContainer: then `Status` (`Up 8 seconds`) says it. */
  State?: string;
  Status?: string;
  ImageID: string;
  Labels: Record<string, string> | null;
}

interface ContainerState {
  State: { Status: string; ExitCode: number; Health?: { Status: string } };
  Config: { Healthcheck?: { Test?: string[] } };
}

/** A deploy step that failed: the message says which step, so the person knows where it stopped. */
export class DeployStepError extends Error {
  constructor(
    readonly step: string,
    message: string,
  ) {
    super(message);
  }
}

const number = (c: ExistingContainer) => Number(c.Labels?.[LABEL.number] ?? 0);

export async function projectContainers(
  engine: StackEngine,
  project: string,
): Promise<ExistingContainer[]> {
  const filters = JSON.stringify({
    label: [`${LABEL.project}=${project}`, `${LABEL.oneoff}=False`],
  });
  const { body } = await engine.ok<ExistingContainer[]>(
    'GET',
    `/containers/json?all=1&filters=${encodeURIComponent(filters)}`,
  );
  return body;
}

/** The local image's id, or undefined when the engine does not have it. */
async function imageId(engine: StackEngine, image: string): Promise<string | undefined> {
  const answer = await engine.ok<{ Id: string }>(
    'GET',
    `/images/${encodeURIComponent(image)}/json`,
    undefined,
    { allowed: [404] },
  );
  return answer.status === 200 ? answer.body.Id : undefined;
}

/** Why a container no longer matches its service: a changed configuration or image. */
function staleReason(
  container: ExistingContainer,
  service: ServicePlan,
  image: string | undefined,
): string | undefined {
  if (container.Labels?.[LABEL.configHash] !== service.configHash)
    return 'its configuration changed';
  if (image && container.ImageID !== image) return 'its image changed';
  return undefined;
}

/** What a deploy of `plan` would do to each service, without doing it (for the diff view). */
export async function previewProject(
  engine: StackEngine,
  plan: ProjectPlan,
): Promise<Array<{ name: string; action: StackServiceAction; reason: string }>> {
  const existing = await projectContainers(engine, plan.name);
  const out: Array<{ name: string; action: StackServiceAction; reason: string }> = [];
  for (const service of plan.services) {
    const mine = existing.filter((c) => c.Labels?.[LABEL.service] === service.name);
    const image = await imageId(engine, service.image);
    const stale = mine.map((c) => staleReason(c, service, image)).find(Boolean);
    if (mine.length === 0)
      out.push({ name: service.name, action: 'create', reason: 'new service' });
    else if (stale) out.push({ name: service.name, action: 'recreate', reason: stale });
    else if (mine.length !== service.replicas)
      out.push({
        name: service.name,
        action: 'scale',
        reason: `${mine.length} → ${service.replicas} containers`,
      });
    else
      out.push({ name: service.name, action: 'unchanged', reason: 'same configuration and image' });
  }
  const names = new Set(plan.services.map((s) => s.name));
  const orphans = new Set(
    existing.map((c) => c.Labels?.[LABEL.service] ?? '').filter((name) => !names.has(name)),
  );
  for (const name of orphans) out.push({ name, action: 'remove', reason: 'no longer in the file' });
  return out;
}

export interface DeployOptions {
  /** Pull every image even when the engine has it. */
  pull?: boolean;
  /** Headers for pulls (saved registry credentials). */
  pullHeaders?: (image: string) => Record<string, string>;
  /** Deploy only these services (scale): their dependencies are assumed to be up. */
  only?: string[];
  /** How long a `service_healthy` / `service_completed_successfully` wait may take. */
  waitTimeoutMs?: number;
}

/**
 * Brings the engine to what `plan` describes, the way `docker compose up -d --remove-orphans`
 * does: networks and volumes first, then images, then each service in dependency order, waiting
 * for the conditions its dependents ask for. Containers whose configuration hash and image still
 * match are left running; others are recreated. Each step is reported through `emit`; a failed
 * step throws DeployStepError and leaves what was made in place, for the person to inspect.
 */
export async function deployProject(
  engine: StackEngine,
  plan: ProjectPlan,
  emit: Emit,
  options: DeployOptions = {},
): Promise<void> {
  const step = async <T>(
    kind: StackStepKind,
    target: string,
    run: () => Promise<T | 'skipped'>,
  ) => {
    const id = `${kind}:${target}`;
    emit({ type: 'step', id, kind, target, status: 'running' });
    try {
      const result = await run();
      emit({ type: 'step', id, kind, target, status: result === 'skipped' ? 'skipped' : 'done' });
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      emit({ type: 'step', id, kind, target, status: 'error', message });
      throw new DeployStepError(id, message);
    }
  };
  const services = plan.services.filter((s) => !options.only || options.only.includes(s.name));

  if (!options.only) {
    for (const network of plan.networks) {
      await step('network', network.name, async () => {
        const found = await engine.ok(
          'GET',
          `/networks/${encodeURIComponent(network.name)}`,
          undefined,
          {
            allowed: [404],
          },
        );
        if (found.status === 200) return 'skipped';
        if (network.external)
          throw new Error(`external network "${network.name}" does not exist; create it first`);
        await engine.ok('POST', '/networks/create', network.body);
        return undefined;
      });
    }
    for (const volume of plan.volumes) {
      await step('volume', volume.name, async () => {
        const found = await engine.ok(
          'GET',
          `/volumes/${encodeURIComponent(volume.name)}`,
          undefined,
          {
            allowed: [404],
          },
        );
        if (found.status === 200) return 'skipped';
        if (volume.external)
          throw new Error(`external volume "${volume.name}" does not exist; create it first`);
        await engine.ok('POST', '/volumes/create', volume.body);
        return undefined;
      });
    }
  }

  const images = new Map<string, string | undefined>();
  for (const image of new Set(services.map((s) => s.image))) {
    const id = `pull:${image}`;
    const policies = services.filter((s) => s.image === image).map((s) => s.pullPolicy);
    const always = options.pull || policies.includes('always');
    const never = !always && policies.every((p) => p === 'never');
    await step('pull', image, async () => {
      const present = await imageId(engine, image);
      if (present && !always) {
        images.set(image, present);
        return 'skipped';
      }
      if (!present && never)
        throw new Error(`image ${image} is not on the engine and its pull_policy is never`);
      await engine.pull(
        image,
        (progress) => emit({ type: 'pull', id, image, progress }),
        options.pullHeaders?.(image),
      );
      images.set(image, await imageId(engine, image));
      return undefined;
    });
  }

  let existing = await projectContainers(engine, plan.name);
  if (!options.only) {
    const names = new Set(plan.services.map((s) => s.name));
    for (const orphan of existing.filter((c) => !names.has(c.Labels?.[LABEL.service] ?? ''))) {
      await step('remove', orphan.Names[0]?.slice(1) ?? orphan.Id, async () => {
        await removeContainer(engine, orphan.Id);
        return undefined;
      });
    }
    existing = existing.filter((c) => names.has(c.Labels?.[LABEL.service] ?? ''));
  }

  // Services whose dependencies are all up go together, a few at a time, as compose does; a
  // service waits for the conditions it asks of its dependencies before it is created.
  const started = new Map<string, string[]>();
  const deployOne = async (service: ServicePlan) => {
    for (const dep of service.dependsOn) {
      const condition = dep.condition;
      if (condition === 'service_started') continue;
      const ids =
        started.get(dep.service) ??
        existing.filter((c) => c.Labels?.[LABEL.service] === dep.service).map((c) => c.Id);
      await step(
        'wait',
        `${dep.service} (${dep.condition.replace('service_', '').replace(/_/g, ' ')})`,
        async () => {
          for (const containerId of ids)
            await waitFor(
              engine,
              containerId,
              dep.service,
              condition,
              options.waitTimeoutMs ?? 300_000,
            );
          return undefined;
        },
      );
    }
    started.set(
      service.name,
      await deployService(engine, plan.name, service, existing, images.get(service.image), step),
    );
  };
  for (const level of dependencyLevels(services)) {
    const results = await bounded(level, PARALLEL_SERVICES, deployOne);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

/** How many services of one dependency level are created at once. */
const PARALLEL_SERVICES = 8;

/** Services in groups: each group only depends on services of the groups before it. */
export function dependencyLevels(services: ServicePlan[]): ServicePlan[][] {
  const names = new Set(services.map((s) => s.name));
  const level = new Map<string, number>();
  // `services` is in dependency order, so each dependency's level is known when it is needed.
  for (const service of services) {
    const deps = service.dependsOn.filter((d) => names.has(d.service));
    level.set(service.name, Math.max(-1, ...deps.map((d) => level.get(d.service) ?? 0)) + 1);
  }
  const levels: ServicePlan[][] = [];
  for (const service of services) (levels[level.get(service.name) ?? 0] ??= []).push(service);
  return levels.filter(Boolean);
}

/** Runs `task` over `items`, `limit` at a time, and settles them all (none is left running). */
async function bounded<T>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<PromiseSettledResult<void>[]> {
  const results: PromiseSettledResult<void>[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      const item = items[at] as T;
      results[at] = await task(item).then(
        (value) => ({ status: 'fulfilled' as const, value }),
        (reason: unknown) => ({ status: 'rejected' as const, reason }),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

type Step = <T>(
  kind: StackStepKind,
  target: string,
  run: () => Promise<T | 'skipped'>,
) => Promise<T | 'skipped'>;

/** One service: keep matching containers, recreate stale ones, scale to `replicas`, start. */
async function deployService(
  engine: StackEngine,
  project: string,
  service: ServicePlan,
  existing: ExistingContainer[],
  image: string | undefined,
  step: Step,
): Promise<string[]> {
  const mine = existing
    .filter((c) => c.Labels?.[LABEL.service] === service.name)
    .sort((a, b) => number(a) - number(b));
  const ids: string[] = [];
  const taken = new Set<number>();
  for (const container of mine) {
    const name = container.Names[0]?.slice(1) ?? container.Id;
    const stale = staleReason(container, service, image);
    const extra = taken.size >= service.replicas;
    if (stale || extra) {
      await step('remove', name, async () => {
        await removeContainer(engine, container.Id);
        return undefined;
      });
      if (extra) continue;
      const replacement = await createContainer(engine, project, service, number(container), step);
      taken.add(number(container));
      ids.push(replacement);
      continue;
    }
    taken.add(number(container));
    ids.push(container.Id);
    if ((container.State ?? stateFromStatus(container.Status ?? '')) !== 'running')
      await step('container', `${name} start`, async () => {
        await engine.ok('POST', `/containers/${container.Id}/start`, undefined, { allowed: [304] });
        return undefined;
      });
  }
  for (let n = 1; taken.size < service.replicas; n++) {
    if (taken.has(n)) continue;
    ids.push(await createContainer(engine, project, service, n, step));
    taken.add(n);
  }
  return ids;
}

async function createContainer(
  engine: StackEngine,
  project: string,
  service: ServicePlan,
  n: number,
  step: Step,
): Promise<string> {
  const name = service.fixedName ?? containerName(project, service.name, n);
  const result = await step('container', name, async () => {
    const created = await engine.ok<{ Id: string }>(
      'POST',
      `/containers/create?name=${encodeURIComponent(name)}`,
      service.createBody(n),
    );
    for (const network of service.extraNetworks) {
      await engine.ok('POST', `/networks/${encodeURIComponent(network.name)}/connect`, {
        Container: created.body.Id,
        EndpointConfig: {
          Aliases: network.aliases,
          ...(network.ipv4Address ? { IPAMConfig: { IPv4Address: network.ipv4Address } } : {}),
        },
      });
    }
    await engine.ok('POST', `/containers/${created.body.Id}/start`, undefined, { allowed: [304] });
    return created.body.Id;
  });
  if (result === 'skipped') throw new Error('unreachable: a create is never skipped');
  return result;
}

export async function removeContainer(engine: StackEngine, id: string): Promise<void> {
  await engine.ok('POST', `/containers/${id}/stop`, undefined, {
    allowed: [304, 404],
    timeoutMs: 120_000,
  });
  await engine.ok('DELETE', `/containers/${id}?v=0&force=1`, undefined, { allowed: [404] });
}

/** Waits for a dependency's container to be healthy or to have exited 0, as compose does. */
async function waitFor(
  engine: StackEngine,
  id: string,
  service: string,
  condition: 'service_healthy' | 'service_completed_successfully',
  timeoutMs: number,
): Promise<void> {
  if (condition === 'service_completed_successfully') {
    const answer = await engine.ok<{ StatusCode: number }>(
      'POST',
      `/containers/${id}/wait`,
      undefined,
      { timeoutMs },
    );
    if (answer.body.StatusCode !== 0)
      throw new Error(`${service} exited with code ${answer.body.StatusCode}, not 0`);
    return;
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await engine.ok<ContainerState>('GET', `/containers/${id}/json`);
    const health = body.State.Health?.Status;
    if (!body.Config.Healthcheck?.Test || body.Config.Healthcheck.Test[0] === 'NONE')
      throw new Error(`${service} has no healthcheck, so it can never become healthy`);
    if (health === 'healthy') return;
    if (health === 'unhealthy') throw new Error(`${service} is unhealthy`);
    if (body.State.Status === 'exited' || body.State.Status === 'dead')
      throw new Error(
        `${service} stopped (exit code ${body.State.ExitCode}) before it became healthy`,
      );
    if (Date.now() > deadline)
      throw new Error(`${service} did not become healthy in ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Stops, starts or restarts every container of a project (start in dependency order). */
export async function operateProject(
  engine: StackEngine,
  project: string,
  operation: 'start' | 'stop' | 'restart',
  order: string[] = [],
): Promise<number> {
  const containers = await projectContainers(engine, project);
  const rank = (c: ExistingContainer) => {
    const at = order.indexOf(c.Labels?.[LABEL.service] ?? '');
    return at < 0 ? order.length : at;
  };
  const sorted = containers.sort((a, b) => rank(a) - rank(b) || number(a) - number(b));
  if (operation === 'stop') sorted.reverse();
  for (const container of sorted) {
    await engine.ok('POST', `/containers/${container.Id}/${operation}`, undefined, {
      allowed: [304],
      timeoutMs: 120_000,
    });
  }
  return containers.length;
}

/** `down`: containers, then the project's networks, and its volumes when asked. */
export async function downProject(
  engine: StackEngine,
  project: string,
  withVolumes: boolean,
): Promise<{ containers: number; networks: number; volumes: number }> {
  const containers = await projectContainers(engine, project);
  for (const container of containers) await removeContainer(engine, container.Id);
  const label = encodeURIComponent(JSON.stringify({ label: [`${LABEL.project}=${project}`] }));
  const { body: networks } = await engine.ok<Array<{ Id: string }>>(
    'GET',
    `/networks?filters=${label}`,
  );
  for (const network of networks)
    await engine.ok('DELETE', `/networks/${network.Id}`, undefined, { allowed: [404] });
  let volumes = 0;
  if (withVolumes) {
    const { body } = await engine.ok<{ Volumes: Array<{ Name: string }> | null }>(
      'GET',
      `/volumes?filters=${label}`,
    );
    for (const volume of body.Volumes ?? []) {
      await engine.ok('DELETE', `/volumes/${encodeURIComponent(volume.Name)}`, undefined, {
        allowed: [404],
      });
      volumes++;
    }
  }
  return { containers: containers.length, networks: networks.length, volumes };
}

export { EngineCallError };
