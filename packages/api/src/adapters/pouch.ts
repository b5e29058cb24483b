// PouchContainer 1.3 answers in Docker's shapes with differences (see packages/api/fixtures/
// README.md). These map its answers to the same view models the Docker ones give.

import type { ContainerState, ContainerSummary, ImageSummary } from '../engine/types';

/**
 * pouchd's container list has no `State`: derive it from the `Status` text
 * (`Up 8 seconds`, `Up 2 seconds(paused)`, `Exited (3) 2 seconds`, `Stopped (137) …`, `created`).
 */
export function stateFromStatus(status: string): ContainerState {
  const text = status.trim().toLowerCase();
  if (text.startsWith('up')) return text.includes('(paused)') ? 'paused' : 'running';
  if (text.startsWith('restarting')) return 'restarting';
  if (text.startsWith('removing')) return 'removing';
  if (text.startsWith('dead')) return 'dead';
  if (text.startsWith('exited') || text.startsWith('stopped')) return 'exited';
  return 'created';
}

/** pouchd prefixes Docker Hub names with `registry.hub.docker.com/library/`; show them short. */
export function shortImageName(name: string): string {
  return name
    .replace(/^registry\.hub\.docker\.com\/library\//, '')
    .replace(/^registry\.hub\.docker\.com\//, '');
}

/** pouchd's `/images/json` returns full image details (ImageInfo): make a summary of one. */
export function pouchImageSummary(info: {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  CreatedAt?: string;
  Size?: number;
  Config?: { Labels?: Record<string, string> | null };
}): ImageSummary {
  return {
    Id: info.Id,
    ParentId: '',
    RepoTags: info.RepoTags ?? [],
    RepoDigests: info.RepoDigests ?? [],
    Created: info.CreatedAt ? Math.floor(Date.parse(info.CreatedAt) / 1000) : 0,
    Size: info.Size ?? 0,
    SharedSize: -1,
    Labels: info.Config?.Labels ?? null,
    // unknown on pouchd (no Containers count)
    Containers: -1,
  };
}

/** Image history `Created`: seconds on Docker, nanoseconds on pouchd. To seconds either way. */
export function historySeconds(created: number): number {
  return created > 1e14 ? Math.floor(created / 1e9) : created;
}

/** Volume `CreatedAt`: RFC 3339 on Docker, `2026-11-23 17:27:56` on pouchd. To ms. */
export function volumeCreatedMs(createdAt: string | undefined): number | null {
  if (!createdAt) return null;
  const iso = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(createdAt)
    ? `${createdAt.replace(' ', 'T')}Z`
    : createdAt;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** The events `filters` parameter in the form the engine accepts (pouchd: map form only). */
export function encodeEventFilters(
  kind: 'docker' | 'pouch',
  filters: Record<string, string[]>,
): string | undefined {
  const entries = Object.entries(filters).filter(([, v]) => v.length > 0);
  if (entries.length === 0) return undefined;
  if (kind === 'docker') return JSON.stringify(Object.fromEntries(entries));
  return JSON.stringify(
    Object.fromEntries(
      entries.map(([k, values]) => [k, Object.fromEntries(values.map((v) => [v, true]))]),
    ),
  );
}

/**
 * `/images/json` items as summaries: pouchd answers with full image details (no `Created`, a
 * `CreatedAt` instead), Docker with summaries already. Decided per item by its shape, so one
 * list call serves both engines.
 */
export function toImageSummaries(items: unknown[] | null): ImageSummary[] {
  return (items ?? []).map((item) => {
    const record = item as Record<string, unknown>;
    return 'CreatedAt' in record && !('Created' in record)
      ? pouchImageSummary(item as Parameters<typeof pouchImageSummary>[0])
      : (item as ImageSummary);
  });
}

/** Where images are saved as a tar: Docker `images/get?names=…`, pouchd `images/save?name=` (one). */
export function imageSaveRequest(
  kind: 'docker' | 'pouch',
  names: readonly string[],
): { path: string; query: URLSearchParams } {
  const query = new URLSearchParams();
  if (kind === 'pouch') {
    if (names.length !== 1) throw new Error('PouchContainer saves one image at a time.');
    query.set('name', names[0] as string);
    return { path: '/images/save', query };
  }
  for (const name of names) query.append('names', name);
  return { path: '/images/get', query };
}

/**
 * Saving one image: Docker's ImageGet (`/images/{name}/get`, the name's segments encoded, its
 * slashes kept), pouchd's `images/save?name=`. Several images go through `imageSaveRequest`.
 */
export function imageGetRequest(
  kind: 'docker' | 'pouch',
  name: string,
): { path: string; query: URLSearchParams } {
  if (kind === 'pouch') return imageSaveRequest(kind, [name]);
  const path = `/images/${name.split('/').map(encodeURIComponent).join('/')}/get`;
  return { path, query: new URLSearchParams() };
}

/**
 * `POST /images/load`: Docker reads names from the tar; pouchd takes an OCI tar and the name to
 * give it (`?name=`, else `unknown/unknown`).
 */
export function imageLoadPath(kind: 'docker' | 'pouch', name?: string): string {
  if (kind === 'pouch' && name?.trim())
    return `/images/load?${new URLSearchParams({ name: name.trim() }).toString()}`;
  return '/images/load';
}

/**
 * Container `State.Status` as Berth's states: pouchd says `stopped` after an API stop, which is
 * Docker's `exited` (the process is gone, the container can start again).
 */
export function normalizeContainerStatus(status: string): ContainerState {
  return status === 'stopped' ? 'exited' : (status as ContainerState);
}

/**
 * Container counts from the list: pouchd's `/info` counts only running, paused and stopped
 * containers (not created ones), so on PouchContainer the dashboard counts the list instead.
 * `ContainersStopped` here is everything neither running nor paused, as Docker counts it.
 */
export function countContainers(summaries: readonly ContainerSummary[]): {
  Containers: number;
  ContainersRunning: number;
  ContainersPaused: number;
  ContainersStopped: number;
} {
  let running = 0;
  let paused = 0;
  for (const summary of summaries) {
    const state = (summary.State as ContainerState | undefined) ?? stateFromStatus(summary.Status);
    if (state === 'running' || state === 'restarting') running++;
    else if (state === 'paused') paused++;
  }
  return {
    Containers: summaries.length,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: summaries.length - running - paused,
  };
}

/**
 * Whether a container's attach stream carries 8-byte frame headers: Docker multiplexes stdout
 * and stderr unless the container has a TTY; pouchd's attach is raw either way (its logs and
 * exec output are multiplexed as Docker's).
 */
export function attachIsMultiplexed(kind: 'docker' | 'pouch', tty: boolean): boolean {
  return kind === 'docker' && !tty;
}
