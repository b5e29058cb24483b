// Forward-auth: user and groups from a trusted proxy's headers, only from BERTH_TRUSTED_PROXIES.
// The "proxy" is this test's own HTTP client; the untrusted one connects from another loopback
// source address (127.0.0.2), a real different peer as far as the gateway's socket can tell.
import { request } from 'node:http';
import type { AuditPage, Me } from '@berth/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../src/gateway';
import { startTestGateway } from './harness';
import { adminCookie, putSsoSettings, ssoSettings } from './sso-harness';

let gateway: Gateway;
let admin: string;

/** GET `path` with headers, from `localAddress`. */
function get(
  path: string,
  headers: Record<string, string>,
  localAddress = '127.0.0.1',
): Promise<{ status: number; body: unknown }> {
  const url = new URL(path, gateway.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, headers, localAddress },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') as unknown,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const noClient = { clientId: '', clientSecret: '' };

beforeAll(async () => {
  // Trusted: the loopback address this test's "proxy" connects from (a /32 range, to cover CIDR).
  gateway = await startTestGateway({ BERTH_TRUSTED_PROXIES: '127.0.0.1/32,10.1.2.3' });
  admin = await adminCookie(gateway);
  const base = ssoSettings('', noClient);
  const saved = await putSsoSettings(gateway, admin, {
    ...base,
    oidc: { ...base.oidc, enabled: false },
    forwardAuth: { enabled: true, userHeader: 'Remote-User', groupsHeader: 'Remote-Groups' },
  });
  expect(saved.status).toBe(200);
});

afterAll(async () => {
  await gateway?.close();
});

describe('forward-auth', () => {
  it('takes the user and groups from a trusted proxy and maps the role', async () => {
    const res = await get('/api/auth/me', { 'Remote-User': 'pat', 'Remote-Groups': 'dev, ops' });
    expect(res.status).toBe(200);
    expect(res.body as Me).toMatchObject({
      username: 'pat',
      role: 'operator',
      via: 'proxy',
      method: 'proxy',
    });
    const audit = await fetch(`${gateway.url}/api/audit?action=login&user=pat`, {
      headers: { Cookie: admin },
    });
    const entry = ((await audit.json()) as AuditPage).entries[0];
    expect(entry?.detail).toContain('method=proxy');
    expect(entry?.detail).toContain('ops→operator');
  });

  it('follows a group change at once (the proxy asks on every request)', async () => {
    const admins = await get('/api/auth/me', {
      'Remote-User': 'pat',
      'Remote-Groups': 'infra-admins',
    });
    expect((admins.body as Me).role).toBe('admin');
    const none = await get('/api/auth/me', { 'Remote-User': 'pat', 'Remote-Groups': 'visitors' });
    expect(none.status).toBe(401);
  });

  it('ignores the headers from an address that is not a trusted proxy', async () => {
    const res = await get(
      '/api/auth/me',
      { 'Remote-User': 'admin-wannabe', 'Remote-Groups': 'infra-admins' },
      '127.0.0.2',
    );
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'Log in first.' });
  });

  it('never lets the proxy header name a local user', async () => {
    const res = await get('/api/auth/me', { 'Remote-User': 'admin', 'Remote-Groups': 'ops' });
    expect(res.status).toBe(401);
  });

  it('ignores the headers while forward-auth is off, even from the proxy', async () => {
    const other = await startTestGateway({ BERTH_TRUSTED_PROXIES: '127.0.0.1' });
    try {
      const url = new URL(other.url);
      const res = await fetch(`${url.origin}/api/auth/me`, {
        headers: { 'Remote-User': 'pat', 'Remote-Groups': 'infra-admins' },
      });
      expect(res.status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('refuses to turn forward-auth on without BERTH_TRUSTED_PROXIES', async () => {
    const other = await startTestGateway();
    try {
      const base = ssoSettings('', noClient);
      const res = await putSsoSettings(other, await adminCookie(other), {
        ...base,
        oidc: { ...base.oidc, enabled: false },
        forwardAuth: { enabled: true, userHeader: 'Remote-User', groupsHeader: 'Remote-Groups' },
      });
      expect(res.status).toBe(409);
    } finally {
      await other.close();
    }
  });
});
