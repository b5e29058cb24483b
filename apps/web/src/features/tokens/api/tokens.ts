import { gatewayKeys } from '@berth/api';
import type { NewToken } from '@berth/api';
import { queryOptions, useMutation } from '@tanstack/react-query';
import { gateway } from '@/lib/api-client';

export function tokensQueryOptions() {
  return queryOptions({
    queryKey: gatewayKeys.tokens(),
    queryFn: ({ signal }) => gateway.listTokens(signal),
  });
}

/** The create dialog shows a refusal (role above yours) in place. */
export function useCreateToken() {
  return useMutation({
    mutationFn: (input: NewToken) => gateway.createToken(input),
    meta: { toastOnError: false, invalidates: [gatewayKeys.tokens()] },
  });
}
