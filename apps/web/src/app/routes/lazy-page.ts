import { lazyRouteComponent } from '@tanstack/react-router';

const RETRY_DELAYS_MS = [300, 1_000];

/**
 * A page's code loaded when the route is first shown. A chunk fetch can fail for a moment (a
 * gateway restart, Chromium aborting requests on ERR_NETWORK_CHANGED when an interface comes
 * or goes): it is tried again twice before the router's own fallback (one page reload) applies.
 */
export function lazyPage<M extends Record<string, unknown>, K extends keyof M>(
  load: () => Promise<M>,
  exportName: K,
) {
  const retrying = async (): Promise<M> => {
    for (const delay of RETRY_DELAYS_MS) {
      try {
        return await load();
      } catch {
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
    return load();
  };
  return lazyRouteComponent(retrying, exportName);
}
