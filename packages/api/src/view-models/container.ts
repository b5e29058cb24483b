import { shortImageName, stateFromStatus } from '../adapters/pouch';
import type { ContainerInspect, ContainerState, ContainerSummary, Port } from '../engine/types';

export type HealthStatus = 'healthy' | 'unhealthy' | 'starting' | null;

export interface PublishedPort {
  hostIp: string;
  hostPort: number | null;
  containerPort: number;
  protocol: string;
}

/** One row of the containers list, engine-neutral (the seam where other engines plug in). */
export interface ContainerRow {
  id: string;
  shortId: string;
  name: string;
  image: string;
  state: ContainerState;
  status: string;
  health: HealthStatus;
  ports: PublishedPort[];
  ips: string[];
  created: number;
  command: string;
  labels: Record<string, string>;
}

export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** Docker names carry a leading `/`; links add more names (`/a/b`): keep the plain one. */
export function containerName(names: readonly string[] | undefined, id: string): string {
  const plain = names?.map((n) => n.replace(/^\//, '')).find((n) => !n.includes('/'));
  return plain ?? names?.[0]?.replace(/^\//, '') ?? shortId(id);
}

export function healthFromStatus(status: string): HealthStatus {
  if (status.includes('(healthy)')) return 'healthy';
  if (status.includes('(unhealthy)')) return 'unhealthy';
  if (status.includes('(health: starting)')) return 'starting';
  return null;
}

function toPublishedPorts(ports: readonly Port[] | undefined): PublishedPort[] {
  const seen = new Set<string>();
  const out: PublishedPort[] = [];
  for (const p of ports ?? []) {
    // The engine lists a binding once per address family; show each host port once.
    const key = `${p.PublicPort ?? ''}:${p.PrivatePort}/${p.Type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      hostIp: p.IP ?? '',
      hostPort: p.PublicPort ?? null,
      containerPort: p.PrivatePort,
      protocol: p.Type,
    });
  }
  return out.sort((a, b) => a.containerPort - b.containerPort);
}

export function toContainerRow(summary: ContainerSummary): ContainerRow {
  const networks = summary.NetworkSettings?.Networks ?? {};
  // pouchd lists no State (derived from Status) and no Ports (they come from inspect).
  return {
    id: summary.Id,
    shortId: shortId(summary.Id),
    name: containerName(summary.Names, summary.Id),
    image: shortImageName(summary.Image),
    state: (summary.State as ContainerState | undefined) ?? stateFromStatus(summary.Status),
    status: summary.Status,
    health: healthFromStatus(summary.Status),
    ports: toPublishedPorts(summary.Ports),
    ips: Object.values(networks)
      .map((n) => n.IPAddress)
      .filter((ip): ip is string => Boolean(ip)),
    created: summary.Created * 1000,
    command: summary.Command,
    labels: summary.Labels ?? {},
  };
}

/** Which lifecycle actions make sense in a state; the UI offers only these. */
export function allowedActions(state: ContainerState) {
  const running = state === 'running' || state === 'restarting';
  return {
    start: state === 'created' || state === 'exited' || state === 'dead',
    stop: running || state === 'paused',
    restart: state !== 'removing',
    kill: running || state === 'paused',
    pause: state === 'running',
    unpause: state === 'paused',
    remove: state !== 'removing',
  };
}

export type ContainerAction = keyof ReturnType<typeof allowedActions>;

/** Published ports from an inspect (`NetworkSettings.Ports`), for the container page. */
export function portsFromInspect(inspect: ContainerInspect): PublishedPort[] {
  const out: PublishedPort[] = [];
  for (const [spec, bindings] of Object.entries(inspect.NetworkSettings.Ports ?? {})) {
    const [port, protocol = 'tcp'] = spec.split('/');
    const containerPort = Number(port);
    if (!bindings || bindings.length === 0) {
      out.push({ hostIp: '', hostPort: null, containerPort, protocol });
      continue;
    }
    const seen = new Set<string>();
    for (const b of bindings) {
      if (seen.has(b.HostPort ?? '')) continue;
      seen.add(b.HostPort ?? '');
      out.push({
        hostIp: b.HostIp ?? '',
        hostPort: b.HostPort ? Number(b.HostPort) : null,
        containerPort,
        protocol,
      });
    }
  }
  return out.sort((a, b) => a.containerPort - b.containerPort);
}
