import { gatewayKeys } from '@berth/api';
import type { Credentials, Me } from '@berth/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryClient, UseMutationOptions } from '@tanstack/react-query';
import { gateway } from '@/lib/api-client';

/** A new session starts from an empty cache: nothing another user fetched may show. */
function startSession(queryClient: QueryClient, me: Me) {
  queryClient.removeQueries();
  queryClient.setQueryData(gatewayKeys.me(), me);
  queryClient.setQueryData(gatewayKeys.setup(), { needed: false });
}

/** Logging in; a 401 here is a wrong password, not a session that ended (no redirect). */
export function loginMutation(
  queryClient: QueryClient,
): UseMutationOptions<Me, Error, Credentials> {
  return {
    mutationFn: (input) => gateway.login(input),
    // The form shows the gateway's answer (wrong password, disabled, rate-limited) itself.
    meta: { toastOnError: false, redirectOnUnauthorized: false },
    onSuccess: (me) => startSession(queryClient, me),
  };
}

/** Creating the first admin (first run). */
export function setupMutation(
  queryClient: QueryClient,
): UseMutationOptions<Me, Error, Credentials> {
  return {
    mutationFn: (input) => gateway.setup(input),
    meta: { toastOnError: false, redirectOnUnauthorized: false },
    onSuccess: (me) => startSession(queryClient, me),
  };
}

export function useLogin() {
  return useMutation(loginMutation(useQueryClient()));
}

export function useSetup() {
  return useMutation(setupMutation(useQueryClient()));
}

export function useLogout() {
  return useMutation({
    mutationFn: () => gateway.logout(),
    meta: { errorTitle: 'Could not log out' },
  });
}
