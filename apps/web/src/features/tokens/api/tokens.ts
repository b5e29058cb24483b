import { gatewayKeys } from '@berth/api';
import type { CreatedToken, NewToken } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
import { gateway } from '@/lib/api-client';

export function tokensQueryOptions() {
  return queryOptions({
    queryKey: gatewayKeys.tokens(),
    queryFn: ({ signal }) => gateway.listTokens(signal),
  });
}

/** Creating a token (its secret comes back once, in the answer); the list changes. */
export function createTokenMutation(): UseMutationOptions<CreatedToken, Error, NewToken> {
  return {
    mutationFn: (input) => gateway.createToken(input),
    meta: { invalidates: [gatewayKeys.tokens()] },
  };
}
