import { gatewayKeys } from '@berth/api';
import type { QueryClient } from '@tanstack/react-query';
import type { AppRouter } from './router';

function isAuthKey(key: readonly unknown[]): boolean {
  return key[0] === gatewayKeys.all[0] && key[1] === 'auth';
}

/**
 * Ends the session in the browser and shows the login page, which returns to where the user
 * was. Many requests may fail with 401 at once; only the first one navigates.
 */
export async function sendToLogin(
  router: AppRouter,
  queryClient: QueryClient,
  {
    reason,
    keepLocation = true,
  }: {
    reason?: 'expired';
    /** False after logging out: the next user starts on the dashboard. */
    keepLocation?: boolean;
  } = {},
): Promise<void> {
  const { pathname, href } = router.state.location;
  if (pathname === '/login' || pathname === '/setup') return;
  // A wall never shows the login page: it goes back to its pairing screen (it watches `me`).
  if (pathname === '/wall') {
    queryClient.setQueryData(gatewayKeys.me(), null);
    return;
  }
  queryClient.setQueryData(gatewayKeys.me(), null);
  await router.navigate({
    to: '/login',
    search: { next: keepLocation && href !== '/' ? href : undefined, reason },
    replace: true,
  });
  // Only now that no page observes them: drop what this session fetched.
  await queryClient.cancelQueries({ predicate: (query) => !isAuthKey(query.queryKey) });
  queryClient.removeQueries({ predicate: (query) => !isAuthKey(query.queryKey) });
}
