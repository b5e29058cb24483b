import type { StackContainer, StackServiceSummary, StackSummary } from '@berth/api';
import { stateFromStatus } from '@berth/api';
import { LABEL } from './labels';
import type { StackEngine } from './stack-engine';

interface EngineContainer {
  Id: string;
  Names: string[];
  Image: string;
  /** Missing on PouchContainer, whose list says the state only in the `Status` text. */
  State?: string;
  Status: string;
  Created: number;
  Labels: Record<string, string> | null;
  /** Missing on PouchContainer too. */
  Ports?: Array<{ IP?: string; PrivatePort: number; PublicPort?: number; Type: string }>;
}

interface EngineService {
  Spec: {
    Name: string;
    Labels?: Record<string, string>;
    Mode?: { Replicated?: { Replicas?: number }; Global?: object };
    TaskTemplate?: { ContainerSpec?: { Image?: string } };
  };
  ServiceStatus?: { RunningTasks?: number; DesiredTasks?: number };
  UpdatedAt?: string;
}

function toContainer(c: EngineContainer): StackContainer {
  const labels = c.Labels ?? {};
  return {
    id: c.Id,
    name: (c.Names[0] ?? c.Id).replace(/^\//, ''),
    service: labels[LABEL.service] ?? '',
    number: Number(labels[LABEL.number] ?? 0),
    state: c.State ?? stateFromStatus(c.Status),
    status: c.Status,
    image: c.Image,
    configHash: labels[LABEL.configHash] ?? null,
    ports: (c.Ports ?? [])
      .filter((p) => p.PublicPort)
      .map(
        (p) =>
          `${p.IP && p.IP !== '0.0.0.0' ? `${p.IP}:` : ''}${p.PublicPort}->${p.PrivatePort}/${p.Type}`,
      ),
  };
}

/** The containers of compose projects on the engine (one-off `run` containers left out). */
export async function composeContainers(
  engine: StackEngine,
  project?: string,
): Promise<Array<StackContainer & { project: string; created: number }>> {
  const filters = JSON.stringify({
    label: [project ? `${LABEL.project}=${project}` : LABEL.project, `${LABEL.oneoff}=False`],
  });
  const { body } = await engine.ok<EngineContainer[]>(
    'GET',
    `/containers/json?all=1&filters=${encodeURIComponent(filters)}`,
  );
  return body
    .map((c) => ({
      ...toContainer(c),
      project: c.Labels?.[LABEL.project] ?? '',
      created: c.Created,
    }))
    .sort((a, b) => a.service.localeCompare(b.service) || a.number - b.number);
}

function statusOf(running: number, total: number): StackSummary['status'] {
  if (total === 0) return 'down';
  if (running === total) return 'running';
  return running === 0 ? 'stopped' : 'partial';
}

function servicesOf(containers: StackContainer[]): StackServiceSummary[] {
  const byService = new Map<string, StackServiceSummary>();
  for (const c of containers) {
    const entry = byService.get(c.service) ?? {
      name: c.service,
      running: 0,
      total: 0,
      image: c.image,
    };
    entry.total++;
    if (c.state === 'running') entry.running++;
    byService.set(c.service, entry);
  }
  return [...byService.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** One compose stack's summary from its containers (and the stored file's time, if any). */
export function composeSummary(
  name: string,
  containers: StackContainer[],
  stored: { updatedAt: number } | undefined,
  newestCreated: number | null,
): StackSummary {
  const running = containers.filter((c) => c.state === 'running').length;
  return {
    name,
    kind: 'compose',
    managedBy: stored ? 'berth' : 'external',
    services: servicesOf(containers),
    containers: containers.length,
    running,
    updatedAt: stored?.updatedAt ?? newestCreated,
    status: statusOf(running, containers.length),
  };
}

/**
 * Every stack on the endpoint: compose projects grouped by their project label (Berth's and the
 * CLI's alike), stored Berth stacks with nothing deployed, and swarm stacks (read-only) when the
 * engine is a swarm manager.
 */
export async function listStacks(
  engine: StackEngine,
  stored: Array<{ name: string; updatedAt: number }>,
): Promise<StackSummary[]> {
  const containers = await composeContainers(engine);
  const byProject = new Map<string, Array<StackContainer & { created: number }>>();
  for (const c of containers) {
    const list = byProject.get(c.project) ?? [];
    list.push(c);
    byProject.set(c.project, list);
  }
  const storedByName = new Map(stored.map((s) => [s.name, s]));
  const swarm = (await swarmStacks(engine)).map((stack) =>
    storedByName.has(stack.name)
      ? {
          ...stack,
          managedBy: 'berth' as const,
          updatedAt: storedByName.get(stack.name)?.updatedAt ?? stack.updatedAt,
        }
      : stack,
  );
  // A stored file deployed as a swarm stack is listed once, as that swarm stack.
  const swarmNames = new Set(swarm.map((s) => s.name));
  const names = new Set([
    ...byProject.keys(),
    ...[...storedByName.keys()].filter((name) => !swarmNames.has(name)),
  ]);
  const stacks = [...names].map((name) => {
    const list = byProject.get(name) ?? [];
    const newest = list.length ? Math.max(...list.map((c) => c.created)) * 1000 : null;
    return composeSummary(name, list, storedByName.get(name), newest);
  });
  return [...stacks, ...swarm].sort((a, b) => a.name.localeCompare(b.name));
}

/** Swarm stacks (`docker stack deploy`, or Berth's): services grouped by their namespace label. */
export async function swarmStacks(engine: StackEngine, only?: string): Promise<StackSummary[]> {
  const filters = encodeURIComponent(
    JSON.stringify({ label: [only ? `${LABEL.swarmNamespace}=${only}` : LABEL.swarmNamespace] }),
  );
  const answer = await engine.call<EngineService[]>(
    'GET',
    `/services?status=true&filters=${filters}`,
  );
  // Not a swarm manager (503) or an engine without swarm: no swarm stacks, not an error.
  if (answer.status !== 200 || !Array.isArray(answer.body)) return [];
  const byNamespace = new Map<string, EngineService[]>();
  for (const service of answer.body) {
    const namespace = service.Spec.Labels?.[LABEL.swarmNamespace] ?? '';
    byNamespace.set(namespace, [...(byNamespace.get(namespace) ?? []), service]);
  }
  return [...byNamespace.entries()].map(([name, services]) => {
    const summaries = services.map((s) => ({
      name: s.Spec.Name.startsWith(`${name}_`) ? s.Spec.Name.slice(name.length + 1) : s.Spec.Name,
      running: s.ServiceStatus?.RunningTasks ?? 0,
      total: s.ServiceStatus?.DesiredTasks ?? s.Spec.Mode?.Replicated?.Replicas ?? 0,
      image: s.Spec.TaskTemplate?.ContainerSpec?.Image?.split('@')[0] ?? null,
    }));
    const running = summaries.reduce((sum, s) => sum + s.running, 0);
    const total = summaries.reduce((sum, s) => sum + s.total, 0);
    const updated = services
      .map((s) => Date.parse(s.UpdatedAt ?? ''))
      .filter((t) => !Number.isNaN(t));
    return {
      name,
      kind: 'swarm' as const,
      managedBy: 'external' as const,
      services: summaries.sort((a, b) => a.name.localeCompare(b.name)),
      containers: total,
      running,
      updatedAt: updated.length ? Math.max(...updated) : null,
      status: statusOf(running, total),
    };
  });
}
