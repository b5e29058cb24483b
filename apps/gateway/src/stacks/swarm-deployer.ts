// Deploys, scales and removes swarm stacks on an endpoint's swarm, as `docker stack deploy`,
// `docker service scale` and `docker stack rm` do, reporting each step like a compose deploy.
import { LABEL } from './labels';
import type { Emit } from './deployer';
import { DeployStepError } from './deployer';
import type { StackEngine } from './stack-engine';
import type { SwarmObjectPlan, SwarmPlan } from './swarm-plan';
import type { StackStepKind } from '@berth/api';

interface EngineObject {
  ID: string;
  Version?: { Index: number };
  Spec: { Name: string; Labels?: Record<string, string> };
}

const namespaceFilter = (namespace: string) =>
  encodeURIComponent(JSON.stringify({ label: [`${LABEL.swarmNamespace}=${namespace}`] }));

/** The swarm services of a stack (none when the engine is not a swarm manager). */
export async function swarmStackServices(
  engine: StackEngine,
  namespace: string,
): Promise<EngineObject[]> {
  const answer = await engine.call<EngineObject[]>(
    'GET',
    `/services?filters=${namespaceFilter(namespace)}`,
  );
  return answer.status === 200 && Array.isArray(answer.body) ? answer.body : [];
}

async function objectsOf(
  engine: StackEngine,
  kind: 'secrets' | 'configs',
  namespace: string,
): Promise<EngineObject[]> {
  const answer = await engine.call<EngineObject[]>(
    'GET',
    `/${kind}?filters=${namespaceFilter(namespace)}`,
  );
  return answer.status === 200 && Array.isArray(answer.body) ? answer.body : [];
}

export async function deploySwarmStack(
  engine: StackEngine,
  plan: SwarmPlan,
  emit: Emit,
): Promise<void> {
  // A step's run answers 'skipped' when there was nothing to do (the object exists).
  const step = async (kind: StackStepKind, target: string, run: () => Promise<unknown>) => {
    const id = `${kind}:${target}`;
    emit({ type: 'step', id, kind, target, status: 'running' });
    try {
      const result = await run();
      emit({ type: 'step', id, kind, target, status: result === 'skipped' ? 'skipped' : 'done' });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      emit({ type: 'step', id, kind, target, status: 'error', message });
      throw new DeployStepError(id, message);
    }
  };
  for (const note of plan.notes)
    emit({
      type: 'step',
      id: `validate:${note}`,
      kind: 'validate',
      target: note,
      status: 'skipped',
    });

  const swarm = await engine.call('GET', '/swarm');
  if (swarm.status !== 200)
    throw new DeployStepError(
      'validate:swarm',
      'This endpoint is not a swarm manager; a swarm stack needs one (or deploy it as compose).',
    );

  for (const network of plan.networks)
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
      await engine.ok('POST', '/networks/create', { ...network.body, CheckDuplicate: true });
    });

  // Secrets and configs are immutable in swarm: one whose data changed is replaced when no
  // service uses it any more, which is after the services are updated (as the CLI tells you to).
  const ids = new Map<string, string>();
  const ensureObjects = async (kind: 'secrets' | 'configs', list: SwarmObjectPlan[]) => {
    const existing = await engine.ok<EngineObject[]>('GET', `/${kind}`);
    for (const object of list)
      await step(kind === 'secrets' ? 'secret' : 'config', object.name, async () => {
        const found = existing.body.find((o) => o.Spec.Name === object.name);
        if (found) {
          ids.set(`${kind}:${object.key}`, found.ID);
          return 'skipped';
        }
        if (object.external)
          throw new Error(
            `external ${kind.slice(0, -1)} "${object.name}" does not exist; create it first`,
          );
        const created = await engine.ok<{ ID: string }>('POST', `/${kind}/create`, object.body);
        ids.set(`${kind}:${object.key}`, created.body.ID);
      });
  };
  await ensureObjects('secrets', plan.secrets);
  await ensureObjects('configs', plan.configs);
  const idOf = (kind: 'secrets' | 'configs', name: string) => {
    const object = (kind === 'secrets' ? plan.secrets : plan.configs).find((o) => o.name === name);
    return object ? ids.get(`${kind}:${object.key}`) : undefined;
  };

  const existing = await swarmStackServices(engine, plan.namespace);
  for (const { spec } of plan.services) {
    const template = spec.TaskTemplate as { ContainerSpec: Record<string, unknown> };
    const container = template.ContainerSpec;
    for (const ref of (container.Secrets as Array<Record<string, unknown>>) ?? [])
      ref.SecretID = idOf('secrets', String(ref.SecretName)) ?? '';
    for (const ref of (container.Configs as Array<Record<string, unknown>>) ?? [])
      ref.ConfigID = idOf('configs', String(ref.ConfigName)) ?? '';
    const current = existing.find((s) => s.Spec.Name === spec.Name);
    await step('service', String(spec.Name), async () => {
      if (!current) {
        await engine.ok('POST', '/services/create', spec);
        return;
      }
      // As `docker stack deploy`: the whole spec is replaced; swarm restarts tasks only if
      // their task template changed.
      await engine.ok(
        'POST',
        `/services/${current.ID}/update?version=${current.Version?.Index ?? 0}`,
        spec,
      );
    });
  }
  const wanted = new Set(plan.services.map((s) => s.spec.Name));
  for (const service of existing.filter((s) => !wanted.has(s.Spec.Name)))
    await step('remove', service.Spec.Name, async () => {
      await engine.ok('DELETE', `/services/${service.ID}`, undefined, { allowed: [404] });
    });
}

/** `docker service scale <stack>_<service>=N`. */
export async function scaleSwarmService(
  engine: StackEngine,
  namespace: string,
  service: string,
  replicas: number,
): Promise<void> {
  const found = (await swarmStackServices(engine, namespace)).find(
    (s) => s.Spec.Name === `${namespace}_${service}`,
  );
  if (!found) throw new Error(`Swarm stack ${namespace} has no service ${service}.`);
  const { body } = await engine.ok<EngineObject & { Spec: Record<string, unknown> }>(
    'GET',
    `/services/${found.ID}`,
  );
  const mode = body.Spec.Mode as { Replicated?: { Replicas?: number } } | undefined;
  if (!mode?.Replicated) throw new Error(`${body.Spec.Name} is a global service; it cannot scale.`);
  await engine.ok('POST', `/services/${found.ID}/update?version=${body.Version?.Index ?? 0}`, {
    ...body.Spec,
    Mode: { Replicated: { Replicas: replicas } },
  });
}

/** `docker stack rm`: services, then networks, secrets and configs of the namespace. */
export async function removeSwarmStack(
  engine: StackEngine,
  namespace: string,
): Promise<{ services: number; networks: number; secrets: number; configs: number }> {
  const services = await swarmStackServices(engine, namespace);
  for (const service of services)
    await engine.ok('DELETE', `/services/${service.ID}`, undefined, { allowed: [404] });
  // The tasks' containers go away after their services; until then this node keeps its part of
  // the stack's overlay networks, so removing a network would not be the end of it.
  for (let waited = 0; waited < 60_000; waited += 500) {
    const { body: left } = await engine.ok<unknown[]>(
      'GET',
      `/containers/json?all=1&filters=${namespaceFilter(namespace)}`,
    );
    if (left.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const { body: networks } = await engine.ok<Array<{ Id: string }>>(
    'GET',
    `/networks?filters=${namespaceFilter(namespace)}`,
  );
  // A network is busy until the removed services' tasks are gone: retry for a while.
  for (const network of networks) {
    for (let attempt = 0; ; attempt++) {
      const answer = await engine.call('DELETE', `/networks/${network.Id}`);
      if (answer.status < 400 || answer.status === 404) break;
      if (attempt > 60) throw new Error(`network ${network.Id} is still in use`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  const secrets = await objectsOf(engine, 'secrets', namespace);
  for (const secret of secrets)
    await engine.ok('DELETE', `/secrets/${secret.ID}`, undefined, { allowed: [404] });
  const configs = await objectsOf(engine, 'configs', namespace);
  for (const config of configs)
    await engine.ok('DELETE', `/configs/${config.ID}`, undefined, { allowed: [404] });
  return {
    services: services.length,
    networks: networks.length,
    secrets: secrets.length,
    configs: configs.length,
  };
}
