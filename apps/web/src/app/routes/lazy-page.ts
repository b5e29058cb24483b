import { lazyRouteComponent } from '@tanstack/react-router';
import { retryingImport } from '@/lib/chunk-load';

/**
 * A page's code loaded when the route is first shown, the import retried (lib/chunk-load.ts)
 * before the router's own fallback (one page reload) applies.
 */
export function lazyPage<M extends Record<string, unknown>, K extends keyof M>(
  load: () => Promise<M>,
  exportName: K,
) {
  return lazyRouteComponent(() => retryingImport(load), exportName);
}
