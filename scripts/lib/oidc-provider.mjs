// A real OpenID Connect provider for the single sign-on tests: the certified `oidc-provider`
// package on a free 127.0.0.1 port, with open dynamic client registration (each test registers a
// client with its gateway's own redirect URI), a plain login page Chromium can fill, accounts in
// groups, and a small control route for tests to add accounts or change their groups.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

/** The accounts every run starts with: name → password and groups. */
export const OIDC_ACCOUNTS = {
  olive: { password: 'olive-pass-2026', groups: ['ops'] },
  ada: { password: 'ada-pass-2026', groups: ['infra-admins', 'ops'] },
  vic: { password: 'vic-pass-2026', groups: ['visitors'] },
};

const escape = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

function loginPage(uid, client, error) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1><p>Sign in to continue to ${escape(client)}.</p>
${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="username">Username</label> <input id="username" name="username" autocomplete="username" required>
<label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form></main></body></html>`;
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

export async function startOidcProvider({ host = '127.0.0.1', port = 0 } = {}) {
  // Imported here, not at the top: `npm test` loads this file before it installs the packages
  // (a fresh clone has no node_modules yet).
  const { default: Provider } = await import('oidc-provider');
  const accounts = new Map(
    Object.entries(OIDC_ACCOUNTS).map(([name, a]) => [name, { ...a, groups: [...a.groups] }]),
  );
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const issuer = `http://${host}:${server.address().port}`;
  // A fresh signing key per run: the package's development keys are public.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-1', alg: 'RS256', use: 'sig' };

  const provider = new Provider(issuer, {
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    features: {
      devInteractions: { enabled: false },
      registration: { enabled: true },
      // The package's own logout page loads a web font from the internet; this one loads nothing.
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign out</title></head>
<body><main><h1>Sign out of the test identity provider?</h1>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button></main></body></html>`;
        },
      },
    },
    // Explicit lifetimes (seconds), as a real deployment sets them.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    claims: {
      openid: ['sub'],
      profile: ['preferred_username', 'name'],
      email: ['email'],
      groups: ['groups'],
    },
    // Scope claims in the ID token too, as Keycloak, Authentik and Dex do with groups.
    conformIdTokenClaims: false,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          preferred_username: id,
          name: id,
          email: `${id}@example.test`,
          groups: [...account.groups],
        }),
      };
    },
    // First-party test clients: no consent screen, the requested scopes are granted.
    async loadExistingGrant(ctx) {
      const grantId =
        ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) {
        const grant = await ctx.oidc.provider.Grant.find(grantId);
        grant.addOIDCScope(ctx.oidc.params.scope);
        await grant.save();
        return grant;
      }
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope(ctx.oidc.params.scope);
      await grant.save();
      return grant;
    },
  });
  const handleOidc = provider.callback();

  async function interaction(req, res, url) {
    const [, , uid, action] = url.pathname.split('/');
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return send(res, 400, 'text/plain', 'interaction mismatch');
    const client = details.params.client_id;
    if (req.method === 'GET') return send(res, 200, 'text/html', loginPage(uid, client));
    if (req.method === 'POST' && action === 'login') {
      const form = new URLSearchParams(await readBody(req));
      const name = form.get('username') ?? '';
      const account = accounts.get(name);
      if (!account || account.password !== form.get('password'))
        return send(res, 200, 'text/html', loginPage(uid, client, 'Wrong username or password.'));
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: name } },
        { mergeWithLastSubmission: false },
      );
    }
    return send(res, 405, 'text/plain', 'method not allowed');
  }

  // PUT /__test/accounts/<name> {password?, groups}: add an account or change its groups.
  async function control(req, res, url) {
    const name = decodeURIComponent(url.pathname.slice('/__test/accounts/'.length));
    if (req.method !== 'PUT' || !name) return send(res, 404, 'text/plain', 'no such route');
    const body = JSON.parse((await readBody(req)) || '{}');
    const current = accounts.get(name) ?? { password: `${name}-pass-2026`, groups: [] };
    accounts.set(name, {
      password: body.password ?? current.password,
      groups: Array.isArray(body.groups) ? body.groups.map(String) : current.groups,
    });
    return send(res, 204, 'text/plain', '');
  }

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const route = url.pathname.startsWith('/interaction/')
      ? interaction
      : url.pathname.startsWith('/__test/accounts/')
        ? control
        : undefined;
    if (!route) return handleOidc(req, res);
    route(req, res, url).catch((error) => {
      if (!res.headersSent) send(res, 500, 'text/plain', String(error?.message ?? error));
    });
  });

  return {
    issuer,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
