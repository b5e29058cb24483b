// Search-param parsers for routes whose pages load lazily: the router needs them at once, so they
// can't come from the page modules without pulling each page into the first chunk.
import type { ContainerTab } from '@/features/containers/routes/container-route';
import type { ServiceTab } from '@/features/swarm/routes/service-route';

/** Fails to compile when a page gains a tab this list lacks. */
type Exhaustive<All extends string, Listed extends readonly string[]> = [
  Exclude<All, Listed[number]>,
] extends [never]
  ? Listed
  : never;

const CONTAINER_TABS = [
  'logs',
  'stats',
  'inspect',
  'console',
  'processes',
  'changes',
  'files',
  'checkpoints',
  'overview',
] as const satisfies readonly ContainerTab[];
const containerTabs: Exhaustive<ContainerTab, typeof CONTAINER_TABS> = CONTAINER_TABS;

const SERVICE_TABS = [
  'overview',
  'tasks',
  'logs',
  'inspect',
] as const satisfies readonly ServiceTab[];
const serviceTabs: Exhaustive<ServiceTab, typeof SERVICE_TABS> = SERVICE_TABS;

/** `?tab=` on a container page (overview is the default, so it is never in the URL). */
export function parseContainerSearch(search: Record<string, unknown>): { tab?: ContainerTab } {
  const tab = containerTabs.find((t) => t !== 'overview' && t === search.tab);
  return tab ? { tab } : {};
}

export function parseServiceSearch(search: Record<string, unknown>): { tab?: ServiceTab } {
  const tab = serviceTabs.find((t) => t !== 'overview' && t === search.tab);
  return tab ? { tab } : {};
}

/** `?from=<container>[&recreate=1]` on the create page: start from a container's settings. */
export function parseCreateSearch(search: Record<string, unknown>): {
  from?: string;
  recreate?: boolean;
} {
  if (typeof search.from !== 'string' || !search.from) return {};
  return search.recreate === true || search.recreate === '1' || search.recreate === 1
    ? { from: search.from, recreate: true }
    : { from: search.from };
}
