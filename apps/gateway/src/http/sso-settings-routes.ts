import { ssoSettingsSchema, type SsoSettings } from '@berth/api';
import express, { type Router } from 'express';
import type { Security } from '../auth/security';
import type { OidcClient } from '../sso/oidc-client';
import { HttpError } from './errors';
import { parseBody } from './validate';

export interface SsoSettingsDeps {
  security: Security;
  oidc: OidcClient | undefined;
  redirectUri: string | undefined;
  postLogoutRedirectUri: string | undefined;
  trustedProxies: readonly string[];
}

/** GET/PUT /api/settings/sso (admin): the provider, the role mapping and local login. */
export function ssoSettingsRoutes(deps: SsoSettingsDeps): Router {
  const { security } = deps;
  const { sso, users, audit } = security.deps;
  const router = express.Router();
  router.use('/settings/sso', express.json({ limit: '64kb' }));

  const view = (): SsoSettings => ({
    ...sso.settings(),
    redirectUri: deps.redirectUri ?? '',
    postLogoutRedirectUri: deps.postLogoutRedirectUri ?? '',
    trustedProxies: [...deps.trustedProxies],
  });

  router.get('/settings/sso', security.require('admin'), (_req, res) => {
    res.json(view());
  });

  router.put('/settings/sso', security.require('admin'), (req, res) => {
    const input = parseBody(ssoSettingsSchema, req.body);
    if (input.oidc.enabled && !input.oidc.clientSecret && !sso.settings().oidc.clientSecretSet)
      throw new HttpError(400, 'oidc.clientSecret: Enter the client secret');
    if (input.oidc.enabled && !deps.redirectUri)
      throw new HttpError(
        409,
        'Set BERTH_PUBLIC_URL (where browsers reach Berth) before turning OpenID Connect on.',
      );
    if (input.forwardAuth.enabled && deps.trustedProxies.length === 0)
      throw new HttpError(
        409,
        'Set BERTH_TRUSTED_PROXIES (the proxy addresses) before turning forward-auth on.',
      );
    if (!input.localLogin.enabled) {
      // Someone must still be able to get in when the provider is down or misconfigured.
      const keeper = users.byName(input.localLogin.breakGlassUser);
      if (!keeper || keeper.externalId !== null || keeper.role !== 'admin' || keeper.disabled)
        throw new HttpError(
          400,
          'localLogin.breakGlassUser: Name a local, enabled admin who may still log in with a password',
        );
      if (!input.oidc.enabled && !input.forwardAuth.enabled)
        throw new HttpError(
          400,
          'localLogin.enabled: Turn on OpenID Connect or forward-auth before turning password login off',
        );
    }
    sso.save(input);
    deps.oidc?.reset();
    const p = res.locals.principal;
    audit.record({
      username: p?.username ?? null,
      role: p?.role ?? null,
      ip: req.ip ?? null,
      endpoint: null,
      action: 'settings.sso',
      target: null,
      status: 200,
      result: 'ok',
      detail: [
        `oidc=${input.oidc.enabled} issuer=${input.oidc.issuer} client=${input.oidc.clientId}`,
        input.oidc.clientSecret ? 'secret changed' : 'secret kept',
        `forwardAuth=${input.forwardAuth.enabled} localLogin=${input.localLogin.enabled}`,
        `rules=${input.mapping.rules.map((r) => `${r.group}→${r.role}`).join(',')}`,
        `default=${input.mapping.defaultRole}`,
      ].join(' '),
    });
    res.json(view());
  });

  return router;
}
