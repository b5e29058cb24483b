// OpenID Connect login against the REAL test provider (oidc-provider, started by
// scripts/check.mjs / scripts/test.mjs), plus token cases signed by the test itself.
import type { AuditPage, Me, SsoSettings } from '@berth/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../src/gateway';
import { ADMIN_PASSWORD, startTestGateway } from './harness';
import { startSelfSignedIssuer, type SelfSignedIssuer } from './self-signed-issuer';
import {
  adminCookie,
  CookieJar,
  putSsoSettings,
  registerClient,
  setAccount,
  signInAtProvider,
  ssoSettings,
  testIssuer,
  visit,
  type TestClient,
} from './sso-harness';

let gateway: Gateway;
let admin: string;
let client: TestClient;
const issuer = testIssuer();

async function me(cookie: string): Promise<{ status: number; body: Me }> {
  const res = await fetch(`${gateway.url}/api/auth/me`, { headers: { Cookie: cookie } });
  return { status: res.status, body: (await res.json()) as Me };
}

/** The whole sign-in; returns the callback answer and the session cookie it set, if any. */
async function signIn(username: string, password: string, returnTo = '/') {
  const { callback, jar } = await signInAtProvider(gateway.url, username, password, { returnTo });
  const res = await visit(jar, callback.toString());
  const session = jar.get(gateway.url, 'berth_session');
  return { res, session: session ? `berth_session=${session}` : undefined };
}

async function lastLoginAudit(username: string) {
  const res = await fetch(`${gateway.url}/api/audit?action=login&user=${username}`, {
    headers: { Cookie: admin },
  });
  return ((await res.json()) as AuditPage).entries[0];
}

beforeAll(async () => {
  gateway = await startTestGateway();
  admin = await adminCookie(gateway);
  client = await registerClient(issuer, gateway.url);
  const saved = await putSsoSettings(gateway, admin, ssoSettings(issuer, client));
  expect(saved.status).toBe(200);
});

afterAll(async () => {
  await gateway?.close();
});

describe('OIDC login through the real provider', () => {
  it('signs in, creates the user with the mapped role, and lands on the return path', async () => {
    const { res, session } = await signIn('olive', 'olive-pass-2026', '/containers?all=1');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/containers?all=1');
    expect(res.headers.getSetCookie().join('\n')).toMatch(
      /berth_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict/,
    );
    expect(session).toBeDefined();
    const who = await me(session ?? '');
    expect(who.body).toMatchObject({ username: 'olive', role: 'operator', method: 'oidc' });
    const audit = await lastLoginAudit('olive');
    expect(audit?.result).toBe('ok');
    expect(audit?.detail).toContain('method=oidc');
    expect(audit?.detail).toContain('groups=[ops]');
    expect(audit?.detail).toContain('ops→operator');
  });

  it('gives the highest role of the matched groups (infra-admins and ops → admin)', async () => {
    const { session } = await signIn('ada', 'ada-pass-2026');
    expect((await me(session ?? '')).body.role).toBe('admin');
  });

  it('refuses a user whose groups map to no role when the default is none, and audits why', async () => {
    const { res, session } = await signIn('vic', 'vic-pass-2026');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toMatch(/no role in Berth/);
    expect(session).toBeUndefined();
    const audit = await lastLoginAudit('vic');
    expect(audit).toMatchObject({ result: 'denied', status: 403 });
    expect(audit?.detail).toContain('role=refused');
  });

  it('re-evaluates the role at the next login after the group changed at the provider', async () => {
    await setAccount(issuer, 'gus', { password: 'gus-pass-2026', groups: ['ops'] });
    const first = await signIn('gus', 'gus-pass-2026');
    expect((await me(first.session ?? '')).body.role).toBe('operator');
    await setAccount(issuer, 'gus', { groups: ['infra-admins'] });
    const second = await signIn('gus', 'gus-pass-2026');
    expect((await me(second.session ?? '')).body.role).toBe('admin');
    await setAccount(issuer, 'gus', { groups: ['visitors'] });
    const third = await signIn('gus', 'gus-pass-2026');
    expect(third.res.status).toBe(403);
  });

  it('lowering the role at the next login ends the sessions opened with the higher one', async () => {
    await setAccount(issuer, 'hal', { password: 'hal-pass-2026', groups: ['infra-admins'] });
    const high = await signIn('hal', 'hal-pass-2026');
    await setAccount(issuer, 'hal', { groups: ['ops'] });
    const low = await signIn('hal', 'hal-pass-2026');
    expect((await me(low.session ?? '')).body.role).toBe('operator');
    expect((await me(high.session ?? '')).status).toBe(401);
  });

  it('an SSO user gets no Berth password (no way in around the provider)', async () => {
    const list = await fetch(`${gateway.url}/api/users`, { headers: { Cookie: admin } });
    const olive = (
      (await list.json()) as Array<{ id: number; username: string; source: string }>
    ).find((u) => u.username === 'olive');
    expect(olive?.source).toBe('oidc');
    const res = await fetch(`${gateway.url}/api/users/${olive?.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Origin: gateway.url, Cookie: admin },
      body: JSON.stringify({ password: 'harbour-crane-2026' }),
    });
    expect(res.status).toBe(409);
    const login = await fetch(`${gateway.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: gateway.url },
      body: JSON.stringify({ username: 'olive', password: 'harbour-crane-2026' }),
    });
    expect(login.status).toBe(401);
  });

  it('refuses an identity whose name is a local user (no account takeover)', async () => {
    await setAccount(issuer, 'admin', { password: 'admin-at-idp-2026', groups: ['infra-admins'] });
    const { res, session } = await signIn('admin', 'admin-at-idp-2026');
    expect(res.status).toBe(409);
    expect(session).toBeUndefined();
  });

  it('refuses a callback whose state was changed (wrong state)', async () => {
    const { callback, jar } = await signInAtProvider(gateway.url, 'olive', 'olive-pass-2026');
    callback.searchParams.set('state', 'not-the-state-berth-sent');
    const res = await visit(jar, callback.toString());
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toMatch(/refused/);
    expect(jar.get(gateway.url, 'berth_session')).toBeUndefined();
  });

  it('sends a browser whose sign-in is refused to the login page with the reason, not to JSON', async () => {
    const { callback } = await signInAtProvider(gateway.url, 'olive', 'olive-pass-2026');
    const res = await visit(new CookieJar(), callback.toString(), {
      headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(res.status).toBe(303);
    const to = new URL(res.headers.get('location') ?? '', gateway.url);
    expect(to.pathname).toBe('/login');
    expect(to.searchParams.get('signin')).toMatch(/another browser/);
  });

  it('refuses a callback without the sign-in cookie (started in another browser)', async () => {
    const { callback } = await signInAtProvider(gateway.url, 'olive', 'olive-pass-2026');
    const res = await visit(new CookieJar(), callback.toString());
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/another browser/);
  });

  it('refuses a code the provider issued to a second client (wrong audience)', async () => {
    const other = await registerClient(issuer, gateway.url);
    const { callback, jar } = await signInAtProvider(gateway.url, 'olive', 'olive-pass-2026', {
      rewriteAuthorize: (url) => {
        url.searchParams.set('client_id', other.clientId);
        return url;
      },
    });
    const res = await visit(jar, callback.toString());
    expect(res.status).toBe(401);
    expect(jar.get(gateway.url, 'berth_session')).toBeUndefined();
  });

  it('never redirects off Berth after login (return path //evil.example)', async () => {
    const { res } = await signIn('olive', 'olive-pass-2026', '//evil.example/x');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
  });

  it('logout ends the Berth session and points at the provider end-session endpoint', async () => {
    const { session } = await signIn('olive', 'olive-pass-2026');
    const res = await fetch(`${gateway.url}/api/auth/logout`, {
      method: 'POST',
      headers: { Cookie: session ?? '', Origin: gateway.url },
    });
    expect(res.status).toBe(200);
    const { endSessionUrl } = (await res.json()) as { endSessionUrl: string };
    const url = new URL(endSessionUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${issuer}/session/end`);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${gateway.url}/login`);
    expect(url.searchParams.get('id_token_hint')).toBeTruthy();
    expect((await me(session ?? '')).status).toBe(401);
  });
});

describe('SSO settings and local login', () => {
  it('never sends the client secret back, and keeps it when left out', async () => {
    const res = await fetch(`${gateway.url}/api/settings/sso`, { headers: { Cookie: admin } });
    const text = await res.text();
    expect(text).not.toContain(client.clientSecret);
    expect((JSON.parse(text) as SsoSettings).oidc.clientSecretSet).toBe(true);
    const { clientSecret: _drop, ...oidc } = ssoSettings(issuer, client).oidc;
    expect(
      (await putSsoSettings(gateway, admin, { ...ssoSettings(issuer, client), oidc })).status,
    ).toBe(200);
    const { session } = await signIn('olive', 'olive-pass-2026');
    expect((await me(session ?? '')).body.role).toBe('operator');
  });

  it('refuses a plain-http issuer that is not on loopback, naming the field', async () => {
    const bad = ssoSettings('http://id.example.com', client);
    const res = await putSsoSettings(gateway, admin, bad);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/^oidc\.issuer: /);
  });

  it('password login off: only the break-glass admin may still use a password', async () => {
    await fetch(`${gateway.url}/api/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: gateway.url, Cookie: admin },
      body: JSON.stringify({
        username: 'local-op',
        password: 'harbour-crane-2026',
        role: 'operator',
      }),
    });
    const refused = await putSsoSettings(gateway, admin, {
      ...ssoSettings(issuer, client),
      localLogin: { enabled: false, breakGlassUser: 'local-op' },
    });
    expect(refused.status).toBe(400);
    const saved = await putSsoSettings(gateway, admin, {
      ...ssoSettings(issuer, client),
      localLogin: { enabled: false, breakGlassUser: 'admin' },
    });
    expect(saved.status).toBe(200);
    const login = (username: string, password: string) =>
      fetch(`${gateway.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: gateway.url },
        body: JSON.stringify({ username, password }),
      });
    expect((await login('local-op', 'harbour-crane-2026')).status).toBe(403);
    // A wrong password still reads as a wrong password: the break-glass name is not revealed.
    expect((await login('local-op', 'wrong-password-2026')).status).toBe(401);
    expect((await login('admin', ADMIN_PASSWORD)).status).toBe(200);
    const methods = await (await fetch(`${gateway.url}/api/auth/methods`)).json();
    expect(methods).toEqual({ local: false, oidc: { name: 'Test IdP' } });
    await putSsoSettings(gateway, admin, ssoSettings(issuer, client));
  });
});

describe('ID tokens the test signs itself (driving openid-client validation)', () => {
  let fake: SelfSignedIssuer;
  let fakeGateway: Gateway;
  let fakeAdmin: string;

  beforeAll(async () => {
    fake = await startSelfSignedIssuer();
    fakeGateway = await startTestGateway();
    fakeAdmin = await adminCookie(fakeGateway);
    const saved = await putSsoSettings(
      fakeGateway,
      fakeAdmin,
      ssoSettings(fake.issuer, { clientId: fake.clientId, clientSecret: fake.clientSecret }),
    );
    expect(saved.status).toBe(200);
  });

  afterAll(async () => {
    await fakeGateway?.close();
    await fake?.close();
  });

  /** Starts a sign-in, has the issuer answer with `flavour`, and calls back with a code. */
  async function callbackWith(flavour: Parameters<SelfSignedIssuer['next']>[0]) {
    const jar = new CookieJar();
    const start = await visit(jar, `${fakeGateway.url}/api/auth/oidc/start`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location') ?? '');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    fake.next(flavour, authorize.searchParams.get('nonce') ?? '');
    const state = authorize.searchParams.get('state') ?? '';
    const res = await visit(
      jar,
      `${fakeGateway.url}/api/auth/oidc/callback?code=any&state=${encodeURIComponent(state)}`,
    );
    return { res, session: jar.get(fakeGateway.url, 'berth_session') };
  }

  it('accepts a correctly signed token (the control case for the refusals below)', async () => {
    const { res, session } = await callbackWith('good');
    expect(res.status).toBe(303);
    expect(session).toBeDefined();
  });

  it.each([
    ['forged-signature', /signature/i],
    ['expired', /exp/i],
    ['wrong-audience', /aud/i],
  ] as const)('refuses a self-signed %s ID token', async (flavour, reason) => {
    const { res, session } = await callbackWith(flavour);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toMatch(reason);
    expect(session).toBeUndefined();
  });
});
