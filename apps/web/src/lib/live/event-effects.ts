// What an engine event means for the query cache: which subtrees went stale, which container's
// inspect to refresh. Pure, so the mapping is tested on its own.
import { endpointKeys } from '@berth/api';
import type { EngineEvent } from '@berth/api';
import type { QueryKey } from '@tanstack/react-query';

export interface EventEffects {
  /** Key prefixes to invalidate (coalesced: one refetch per prefix per frame). */
  invalidate: QueryKey[];
  /** Containers whose inspect to refresh (serialised per container). */
  containers: Array<{ id: string; name?: string }>;
  /** A container that is gone: drop its row from the cached lists at once. */
  removedContainer?: string;
  /** A state the event tells outright: shown at once, before the refetch confirms it. */
  statePatch?: StatePatch;
}

export interface StatePatch {
  id: string;
  state: 'running' | 'exited' | 'paused';
  /** Docker's status words for the list (the refetch brings the engine's own). */
  status: string;
}

/**
 * Container actions that change nothing a list or an inspect shows. Health checks run an exec
 * every few seconds per container (`exec_create: …`, `exec_start: …`, `exec_die`), terminals
 * resize, `docker cp` archives: without this list a busy engine would refetch all day.
 */
const CONTAINER_NOISE = [
  'exec_',
  'attach',
  'detach',
  'resize',
  'top',
  'archive-path',
  'extract-to-dir',
  'copy',
  'export',
  'commit',
];

/** Container actions that change the engine's counts (dashboard: running/paused/stopped). */
const CONTAINER_COUNTS = new Set([
  'create',
  'start',
  'die',
  'stop',
  'kill',
  'pause',
  'unpause',
  'restart',
  'destroy',
]);

const IMAGE_CHANGES = new Set(['pull', 'tag', 'untag', 'delete', 'import', 'load', 'prune']);
const NETWORK_CHANGES = new Set(['create', 'destroy', 'remove', 'prune', 'update']);
const VOLUME_CHANGES = new Set(['create', 'destroy', 'prune']);

/** `health_status: healthy` → `health_status`; `exec_start: sh -c …` → `exec_start`. */
export function baseAction(action: string): string {
  const colon = action.indexOf(':');
  return colon === -1 ? action : action.slice(0, colon);
}

export function isNoise(event: EngineEvent): boolean {
  if (event.Type !== 'container') return false;
  const action = baseAction(event.Action);
  return CONTAINER_NOISE.some((noise) =>
    noise.endsWith('_') ? action.startsWith(noise) : action === noise,
  );
}

function statePatch(
  id: string,
  action: string,
  attributes: Record<string, string>,
): StatePatch | undefined {
  switch (action) {
    case 'start':
    case 'restart':
    case 'unpause':
      return { id, state: 'running', status: 'Up Less than a second' };
    case 'die':
      return {
        id,
        state: 'exited',
        status: `Exited (${attributes.exitCode ?? '0'}) Less than a second ago`,
      };
    case 'pause':
      return { id, state: 'paused', status: 'Up (Paused)' };
    default:
      return undefined;
  }
}

export function eventEffects(endpointId: string, event: EngineEvent): EventEffects | null {
  const action = baseAction(event.Action);
  const none: EventEffects = { invalidate: [], containers: [] };
  switch (event.Type) {
    case 'container': {
      if (isNoise(event)) return null;
      const effects: EventEffects = {
        invalidate: [[...endpointKeys.containers(endpointId), 'list']],
        containers: [{ id: event.Actor.ID, name: event.Actor.Attributes.name }],
      };
      if (CONTAINER_COUNTS.has(action)) effects.invalidate.push(endpointKeys.info(endpointId));
      if (action === 'destroy') effects.removedContainer = event.Actor.ID;
      // A compose project's (or a swarm stack's task) container changed: its stack's counts did.
      if (
        event.Actor.Attributes['com.docker.compose.project'] ||
        event.Actor.Attributes['com.docker.stack.namespace']
      )
        effects.invalidate.push(endpointKeys.stacks(endpointId));
      // A task's container started or died on this node: its task changed state.
      if (event.Actor.Attributes['com.docker.swarm.task.id'])
        effects.invalidate.push([...endpointKeys.swarm(endpointId), 'tasks']);
      const patch = statePatch(event.Actor.ID, action, event.Actor.Attributes);
      if (patch) effects.statePatch = patch;
      return effects;
    }
    case 'image':
      return IMAGE_CHANGES.has(action)
        ? { ...none, invalidate: [endpointKeys.images(endpointId), endpointKeys.info(endpointId)] }
        : null;
    case 'network': {
      if (action === 'connect' || action === 'disconnect') {
        // The container's networks and addresses changed (list IPs, inspect NetworkSettings).
        const container = event.Actor.Attributes.container;
        return {
          invalidate: [
            endpointKeys.networks(endpointId),
            [...endpointKeys.containers(endpointId), 'list'],
          ],
          containers: container ? [{ id: container }] : [],
        };
      }
      return NETWORK_CHANGES.has(action)
        ? { ...none, invalidate: [endpointKeys.networks(endpointId)] }
        : null;
    }
    case 'volume':
      return VOLUME_CHANGES.has(action)
        ? { ...none, invalidate: [endpointKeys.volumes(endpointId)] }
        : null;
    case 'daemon':
      return { ...none, invalidate: [endpointKeys.info(endpointId)] };
    // Swarm objects (managers only): one subtree for nodes, services, tasks, secrets and configs.
    case 'service':
    case 'node':
    case 'secret':
    case 'config':
      return {
        ...none,
        invalidate: [
          endpointKeys.swarm(endpointId),
          endpointKeys.info(endpointId),
          // A service created, updated or removed may be a swarm stack's.
          ...(event.Type === 'service' ? [endpointKeys.stacks(endpointId)] : []),
        ],
      };
    default:
      return null;
  }
}
