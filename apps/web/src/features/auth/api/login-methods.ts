import { gatewayKeys } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import { gateway } from '@/lib/api-client';
import { basePath } from '@/lib/base-path';

/** What the login page may offer (password, single sign-on); asked before anyone logs in. */
export function loginMethodsQueryOptions() {
  return queryOptions({
    queryKey: gatewayKeys.loginMethods(),
    queryFn: ({ signal }) => gateway.getLoginMethods(signal),
    staleTime: 60_000,
  });
}

/** Where the browser goes to sign in with the provider; the gateway checks `returnTo` again. */
export function oidcStartHref(next: string): string {
  return `${basePath}/api/auth/oidc/start?returnTo=${encodeURIComponent(next)}`;
}
