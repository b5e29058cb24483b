import { gatewayKeys } from '@berth/api';
import type { SsoSettings, SsoSettingsInput } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
import { gateway } from '@/lib/api-client';

export function ssoSettingsQueryOptions() {
  return queryOptions({
    queryKey: gatewayKeys.ssoSettings(),
    queryFn: ({ signal }) => gateway.getSsoSettings(signal),
  });
}

/** Saving changes what the login page offers too. */
export function saveSsoSettingsMutation(): UseMutationOptions<
  SsoSettings,
  Error,
  SsoSettingsInput
> {
  return {
    mutationFn: (settings) => gateway.putSsoSettings(settings),
    meta: { invalidates: [gatewayKeys.ssoSettings(), gatewayKeys.loginMethods()] },
  };
}

/** The form's starting values: what is saved, with an empty secret field (empty keeps it). */
export function toSsoFormValues(saved: SsoSettings): SsoSettingsInput {
  const { clientSecretSet: _set, ...oidc } = saved.oidc;
  return {
    oidc: { ...oidc, clientSecret: '' },
    forwardAuth: saved.forwardAuth,
    mapping: saved.mapping,
    localLogin: saved.localLogin,
  };
}
