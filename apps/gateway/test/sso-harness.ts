// Single sign-on test helpers: the real test OpenID provider that scripts/check.mjs and
// scripts/test.mjs start (BERTH_TEST_OIDC_ISSUER), a client registered at it per gateway, and an
// HTTP walk through its login page the way a browser would (cookies, redirects, the form).
import type { SsoSettingsInput } from '@berth/api';
import type { Gateway } from '../src/gateway';
import { ADMIN_PASSWORD } from './harness';

export function testIssuer(): string {
  const issuer = process.env.BERTH_TEST_OIDC_ISSUER;
  if (!issuer)
    throw new Error(
      'SSO tests need BERTH_TEST_OIDC_ISSUER naming the test OpenID provider (scripts/check.mjs starts one).',
    );
  return issuer;
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
}

/** Registers a client at the provider (open dynamic registration) for this gateway. */
export async function registerClient(issuer: string, gatewayUrl: string): Promise<TestClient> {
  const res = await fetch(`${issuer}/reg`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      redirect_uris: [`${gatewayUrl}/api/auth/oidc/callback`],
      post_logout_redirect_uris: [`${gatewayUrl}/login`],
    }),
  });
  if (res.status !== 201) throw new Error(`client registration: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { client_id: string; client_secret: string };
  return { clientId: body.client_id, clientSecret: body.client_secret };
}

/** Adds an account at the provider or changes its groups. */
export async function setAccount(
  issuer: string,
  name: string,
  account: { password?: string; groups: string[] },
): Promise<void> {
  const res = await fetch(`${issuer}/__test/accounts/${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (res.status !== 204) throw new Error(`set account ${name}: ${res.status}`);
}

/** A tiny cookie jar: name=value per origin, enough for the provider's and Berth's cookies. */
export class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();

  take(url: string, res: Response): void {
    const origin = new URL(url).origin;
    const jar = this.cookies.get(origin) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    this.cookies.set(origin, jar);
  }

  header(url: string): string {
    const jar = this.cookies.get(new URL(url).origin);
    return jar ? [...jar].map(([n, v]) => `${n}=${v}`).join('; ') : '';
  }

  get(url: string, name: string): string | undefined {
    return this.cookies.get(new URL(url).origin)?.get(name);
  }
}

/** One request with the jar's cookies, redirects not followed. */
export async function visit(
  jar: CookieJar,
  url: string,
  init: RequestInit = {},
): Promise<Response> {
  const res = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers as Record<string, string>), Cookie: jar.header(url) },
  });
  jar.take(url, res);
  return res;
}

/**
 * From Berth's /api/auth/oidc/start to the provider's redirect back: follows the redirects,
 * submits the login form, and returns the callback URL (not yet visited) with the jar.
 */
export async function signInAtProvider(
  gatewayUrl: string,
  username: string,
  password: string,
  options: { jar?: CookieJar; returnTo?: string; rewriteAuthorize?: (url: URL) => URL } = {},
): Promise<{ callback: URL; jar: CookieJar; authorize: URL }> {
  const jar = options.jar ?? new CookieJar();
  const start = await visit(
    jar,
    `${gatewayUrl}/api/auth/oidc/start?returnTo=${encodeURIComponent(options.returnTo ?? '/')}`,
  );
  if (start.status !== 302) throw new Error(`start: ${start.status} ${await start.text()}`);
  let authorize = new URL(start.headers.get('location') ?? '');
  if (options.rewriteAuthorize) authorize = options.rewriteAuthorize(authorize);
  let url = authorize.toString();
  let body: string | undefined;
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(`${gatewayUrl}/api/auth/oidc/callback`))
      return { callback: new URL(url), jar, authorize };
    const res = await visit(
      jar,
      url,
      body === undefined
        ? {}
        : {
            method: 'POST',
            body,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          },
    );
    body = undefined;
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url).toString();
      continue;
    }
    const html = await res.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action)
      throw new Error(`provider answered ${res.status} at ${url}: ${html.slice(0, 300)}`);
    if (/role="alert"/.test(html)) throw new Error(`provider refused the login of ${username}`);
    url = new URL(action.replace(/&amp;/g, '&'), url).toString();
    body = new URLSearchParams({ username, password }).toString();
  }
  throw new Error('too many redirects between Berth and the provider');
}

/** An admin session cookie on this gateway (user `admin` from the harness). */
export async function adminCookie(gateway: Gateway): Promise<string> {
  const res = await fetch(`${gateway.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: gateway.url },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`admin login: ${res.status}`);
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('admin login set no cookie');
  return cookie;
}

/** Default SSO settings for tests: OIDC on with `client`, ops → operator, infra-admins → admin. */
export function ssoSettings(
  issuer: string,
  client: TestClient,
  overrides: Partial<SsoSettingsInput> = {},
): SsoSettingsInput {
  return {
    oidc: {
      enabled: true,
      displayName: 'Test IdP',
      issuer,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      scopes: 'openid profile email groups',
      usernameClaim: 'preferred_username',
      groupsClaim: 'groups',
    },
    forwardAuth: { enabled: false, userHeader: 'Remote-User', groupsHeader: 'Remote-Groups' },
    mapping: {
      rules: [
        { group: 'ops', role: 'operator' },
        { group: 'infra-admins', role: 'admin' },
      ],
      defaultRole: 'none',
      endpointRules: [],
    },
    localLogin: { enabled: true, breakGlassUser: '' },
    ...overrides,
  };
}

export async function putSsoSettings(
  gateway: Gateway,
  cookie: string,
  settings: SsoSettingsInput,
): Promise<Response> {
  return fetch(`${gateway.url}/api/settings/sso`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Origin: gateway.url, Cookie: cookie },
    body: JSON.stringify(settings),
  });
}
