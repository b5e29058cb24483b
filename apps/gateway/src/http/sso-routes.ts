import type { LoginMethods } from '@berth/api';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import express, { type Request, type Response, type Router } from 'express';
import * as oidc from 'openid-client';
import type { Security } from '../auth/security';
import { headerOf } from '../auth/origin';
import type { SecretBox } from '../secrets/crypto';
import {
  openTransaction,
  safeReturnTo,
  sealTransaction,
  TRANSACTION_COOKIE,
  TRANSACTION_TTL_MS,
  type LoginTransaction,
} from '../sso/login-transaction';
import { OidcError, type OidcClient, type OidcProviderSettings } from '../sso/oidc-client';
import { describeDecision, provisionUser, type ExternalIdentity } from '../sso/provision';
import { groupsFromClaim } from '../sso/role-mapping';
import { HttpError } from './errors';
import { recordLogin } from './route-kit';

export interface SsoRouteDeps {
  security: Security;
  box: SecretBox;
  /** Undefined when Berth has no public URL to build a redirect URI from. */
  oidc: OidcClient | undefined;
  postLogoutRedirectUri: string | undefined;
}

// The cookie travels only to the callback, and must survive the provider's cross-site redirect
// back (a top-level GET), which SameSite=Strict would drop; Lax still keeps it off subresources.
const TRANSACTION_PATH = '/api/auth/oidc';

/** /api/auth/methods, /api/auth/oidc/{start,callback} and /api/auth/logout (for every kind of session). */
export function ssoRoutes({ security, box, oidc: client, postLogoutRedirectUri }: SsoRouteDeps) {
  const { sso, sessions, users, audit } = security.deps;
  const router: Router = express.Router();

  const providerSettings = (): OidcProviderSettings => {
    const { oidc: o } = sso.settings();
    return { ...o, clientSecret: sso.clientSecret() };
  };

  // Under BERTH_BASE_PATH the browser's paths carry the prefix the app never sees.
  const base = security.deps.basePath ?? '';
  const transactionCookie = (res: Response, value: string, maxAgeMs: number) =>
    serializeCookie(TRANSACTION_COOKIE, value, {
      httpOnly: true,
      sameSite: 'lax',
      secure: security.cookieSecure(res),
      path: `${base}${TRANSACTION_PATH}`,
      maxAge: Math.floor(maxAgeMs / 1000),
    });

  /** Callback failures count against the address, as failed password logins do. */
  const guardRate = (req: Request, res: Response) => {
    const wait = security.ipLimiter.retryAfter([req.ip ?? 'unknown']);
    if (wait <= 0) return;
    res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
    throw new HttpError(
      429,
      `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60_000)} minute(s).`,
    );
  };

  // Typed `never` up front so TypeScript narrows after a refusal.
  const refuse: (
    req: Request,
    status: number,
    message: string,
    detail: string,
    username?: string | null,
  ) => never = (req, status, message, detail, username = null) => {
    security.ipLimiter.fail([req.ip ?? 'unknown']);
    recordLogin(audit, req, { username, status, detail: `method=oidc ${detail}` });
    throw new HttpError(status, message);
  };

  const enabledClient = (): OidcClient => {
    if (!sso.settings().oidc.enabled) throw new HttpError(404, 'Single sign-on is not set up.');
    if (!client)
      throw new HttpError(
        409,
        'Set BERTH_PUBLIC_URL (where browsers reach Berth) to sign in with OpenID Connect.',
      );
    return client;
  };

  router.get('/auth/methods', (_req, res) => {
    const { oidc: o, localLogin } = sso.settings();
    const methods: LoginMethods = {
      local: localLogin.enabled,
      oidc: o.enabled && client ? { name: o.displayName || 'single sign-on' } : null,
    };
    res.json(methods);
  });

  router.get('/auth/oidc/start', async (req, res) => {
    guardRate(req, res);
    const rp = enabledClient();
    const settings = providerSettings();
    const tx: LoginTransaction = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo: safeReturnTo(req.query.returnTo),
      issuer: settings.issuer,
      clientId: settings.clientId,
      expiresAt: Date.now() + TRANSACTION_TTL_MS,
    };
    const url = await rp.authorizationUrl(settings, tx).catch(rethrow);
    res.append('Set-Cookie', transactionCookie(res, sealTransaction(box, tx), TRANSACTION_TTL_MS));
    res.redirect(302, url.toString());
  });

  // The callback is a browser's top-level navigation back from the provider: a refusal goes to
  // the login page with its message (a page, not raw JSON); a script (no text/html) gets JSON.
  router.get('/auth/oidc/callback', async (req, res) => {
    try {
      await finishSignIn(req, res);
    } catch (error) {
      if (!(error instanceof HttpError) || req.accepts(['json', 'html']) !== 'html') throw error;
      res.redirect(303, `${base}/login?signin=${encodeURIComponent(error.message.slice(0, 300))}`);
    }
  });

  const finishSignIn = async (req: Request, res: Response): Promise<void> => {
    guardRate(req, res);
    const rp = enabledClient();
    const settings = providerSettings();
    const sealed = parseCookies(headerOf(req, 'cookie') ?? '')[TRANSACTION_COOKIE];
    // Single use: whatever happens next, this transaction is spent.
    res.append('Set-Cookie', transactionCookie(res, '', 0));
    const tx = openTransaction(box, sealed);
    if (!tx)
      refuse(
        req,
        400,
        'This sign-in expired or was started in another browser. Start again from the login page.',
        'no sign-in in progress',
      );
    if (tx.issuer !== settings.issuer || tx.clientId !== settings.clientId)
      refuse(req, 400, 'The sign-in settings changed meanwhile. Start again.', 'settings changed');
    // The URL the provider redirected to, rebuilt from the configured redirect URI (never from
    // the Host header), with the provider's query parameters.
    const query = req.originalUrl.includes('?')
      ? req.originalUrl.slice(req.originalUrl.indexOf('?'))
      : '';
    const callbackUrl = new URL(`${rp.redirectUri}${query}`);
    let result: Awaited<ReturnType<OidcClient['finish']>>;
    try {
      result = await rp.finish(settings, callbackUrl, tx);
    } catch (error) {
      if (!(error instanceof OidcError)) throw error;
      refuse(req, error.status, error.message, error.message);
    }
    const sub = typeof result.claims.sub === 'string' ? result.claims.sub : '';
    const name = result.claims[settings.usernameClaim];
    const identity: ExternalIdentity = {
      method: 'oidc',
      externalId: `oidc:${settings.issuer}#${sub}`,
      username: typeof name === 'string' ? name.trim() : '',
      groups: groupsFromClaim(result.claims, settings.groupsClaim),
    };
    const outcome = provisionUser(security.deps, sso.settings().mapping, identity);
    const detail = outcome.decision ? describeDecision(identity, outcome.decision) : '';
    if (!outcome.ok)
      refuse(req, outcome.status, outcome.message, detail, identity.username || null);
    const { user } = outcome;
    const secret = sessions.create(
      user.id,
      { ip: req.ip, userAgent: req.headers['user-agent'] },
      { method: 'oidc', idToken: result.idToken },
    );
    security.setSessionCookie(res, secret);
    users.touchLogin(user.id);
    recordLogin(audit, req, { username: user.username, role: user.role, status: 200, detail });
    res.redirect(303, `${base}${tx.returnTo}`);
  };

  router.post('/auth/logout', async (req, res) => {
    const p = res.locals.principal;
    let idToken: string | undefined;
    if (p?.sessionSecret) {
      if (p.method === 'oidc') idToken = sessions.idToken(p.sessionSecret);
      sessions.revoke(p.sessionSecret);
    }
    security.clearSessionCookie(res);
    if (p)
      audit.record({
        username: p.username,
        role: p.role,
        ip: req.ip ?? null,
        endpoint: null,
        action: 'logout',
        target: p.username,
        status: 204,
        result: 'ok',
        detail: `method=${p.method ?? 'local'}`,
      });
    // Berth's session is over either way; the provider's own session ends only if the browser
    // goes to its end-session endpoint, so the answer says where that is.
    const endSessionUrl =
      idToken && client && postLogoutRedirectUri && sso.settings().oidc.enabled
        ? await client.endSessionUrl(providerSettings(), idToken, postLogoutRedirectUri)
        : undefined;
    if (endSessionUrl) res.json({ endSessionUrl });
    else res.status(204).end();
  });

  return router;
}

function rethrow(error: unknown): never {
  if (error instanceof OidcError) throw new HttpError(error.status, error.message);
  throw error;
}
