import { gatewayKeys } from '@berth/api';
import type { Credentials, Me } from '@berth/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { gateway } from '@/lib/api-client';

/** A new session starts from an empty cache: nothing another user fetched may show. */
function startSession(queryClient: QueryClient, me: Me) {
  queryClient.removeQueries();
  queryClient.setQueryData(gatewayKeys.me(), me);
  queryClient.setQueryData(gatewayKeys.setup(), { needed: false });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Credentials) => gateway.login(input),
    // The form shows the gateway's answer (wrong password, disabled, rate-limited) itself.
    meta: { toastOnError: false, redirectOnUnauthorized: false },
    onSuccess: (me) => startSession(queryClient, me),
  });
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Credentials) => gateway.setup(input),
    meta: { toastOnError: false, redirectOnUnauthorized: false },
    onSuccess: (me) => startSession(queryClient, me),
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: () => gateway.logout(),
    meta: { errorTitle: 'Could not log out' },
  });
}
