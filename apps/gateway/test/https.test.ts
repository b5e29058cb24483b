import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { request } from 'node:https';
import { afterAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../src/gateway';
import { ADMIN_PASSWORD, startTestGateway, tempDataDir } from './harness';

let gateway: Gateway | undefined;

afterAll(async () => {
  await gateway?.close();
});

function httpsCall(
  url: string,
  method: string,
  body?: object,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const payload = body ? JSON.stringify(body) : undefined;
    // the test's own self-signed certificate
    const req = request(
      {
        hostname,
        port,
        path: pathname,
        method,
        rejectUnauthorized: false,
        headers: payload
          ? { 'Content-Type': 'application/json', Origin: `https://${hostname}:${port}` }
          : {},
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('HTTPS', () => {
  it('serves over TLS with Secure session cookies and HSTS', async () => {
    const dir = tempDataDir();
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    gateway = await startTestGateway({ BERTH_TLS_CERT: cert, BERTH_TLS_KEY: key });
    expect(gateway.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await httpsCall(`${gateway.url}/api/health`, 'GET');
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toMatch(/max-age=/);
    const login = await httpsCall(`${gateway.url}/api/auth/login`, 'POST', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    expect(login.status).toBe(200);
    expect(String(login.headers['set-cookie'])).toMatch(
      /berth_session=.*; Secure; SameSite=Strict|berth_session=.*HttpOnly; Secure/,
    );
  });
});
