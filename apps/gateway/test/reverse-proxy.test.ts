// Berth behind a real nginx under /berth/ (BERTH_BASE_PATH), with nginx as the trusted proxy:
// the app page, login, a list, a terminal and a log stream through the proxy; the origin check
// still refuses a foreign page; forwarded headers count only from the trusted proxy; and an
// idle websocket outlives nginx's idle timeout thanks to the gateway's heartbeats.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { CHANNEL_PROTOCOL } from '@berth/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../src/gateway';
import { ADMIN_PASSWORD, createContainer, engine, startTestGateway } from './harness';
import { freePort, startNginx, type NginxProxy } from './nginx-proxy';
import { openTerminal } from './terminal-client';

const BASE = '/berth';
/** nginx closes a proxied socket after this long without a byte from Berth. */
const PROXY_IDLE_SECONDS = 30;

let gateway: Gateway;
let proxy: NginxProxy;
let cookie = '';
let container = '';
let loginCookies: string[] = [];

/** A minimal built web app: the gateway serves its index.html with the base path put in. */
function staticDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'berth-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>',
  );
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("berth");\n');
  return dir;
}

beforeAll(async () => {
  // The proxy's port first: the gateway must know its public URL (the origin browsers use).
  const proxyPort = await freePort();
  gateway = await startTestGateway({
    BERTH_BASE_PATH: BASE,
    BERTH_TRUSTED_PROXIES: '127.0.0.1',
    BERTH_PUBLIC_URL: `http://127.0.0.1:${proxyPort}${BASE}`,
    BERTH_STATIC_DIR: staticDir(),
  });
  const upstream = new URL(gateway.url).host;
  proxy = await startNginx({
    upstream,
    basePath: BASE,
    idleSeconds: PROXY_IDLE_SECONDS,
    port: proxyPort,
  });
  container = await createContainer(`proxy-${process.pid}`, [
    'sh',
    '-c',
    'echo line-one; echo line-two; exec sleep 3600',
  ]);
  await engine('POST', `/containers/${container}/start`);
}, 60_000);

afterAll(async () => {
  if (container) await engine('DELETE', `/containers/${container}?force=1`);
  await proxy?.stop();
  await gateway?.close();
});

const viaProxy = (path: string) => `${proxy.origin}${BASE}${path}`;
const wsViaProxy = (path: string) => viaProxy(path).replace(/^http/, 'ws');

describe('behind nginx under /berth/', () => {
  it('serves the app under the base path, with its assets, and nothing outside it', async () => {
    const page = await fetch(viaProxy('/endpoints/local/containers'), {
      headers: { Accept: 'text/html' },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<meta name="berth-base-path" content="/berth" />');
    expect(html).toContain('src="/berth/assets/app.js"');
    const asset = await fetch(`${proxy.origin}/berth/assets/app.js`);
    expect(asset.status).toBe(200);
    const health = await fetch(viaProxy('/api/health'));
    expect(await health.json()).toMatchObject({ status: 'ok' });
    // Straight at the gateway, outside its base path: a JSON 404, and the bare base redirects.
    const outside = await fetch(`${gateway.url.replace(BASE, '')}/api/health`);
    expect(outside.status).toBe(404);
    expect((await outside.json()) as { message: string }).toMatchObject({
      message: expect.stringContaining('/berth/'),
    });
    const bare = await fetch(`${proxy.origin}/berth`, { redirect: 'manual' });
    // nginx's own location /berth/ answers the bare path with its 301 to /berth/.
    expect([301, 308]).toContain(bare.status);
    expect(bare.headers.get('location')).toMatch(/\/berth\/$/);
  });

  it('logs in from the proxy origin; the session cookie is scoped to the base path', async () => {
    const res = await fetch(viaProxy('/api/auth/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: proxy.origin },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    expect(res.status).toBe(200);
    loginCookies = res.headers.getSetCookie();
    expect(loginCookies[0]).toMatch(/Path=\/berth\//);
    // nginx speaks plain HTTP here (X-Forwarded-Proto: http): no Secure flag.
    expect(loginCookies[0]).not.toMatch(/Secure/);
    cookie = loginCookies.map((c) => c.split(';')[0]).join('; ');
    const me = await fetch(viaProxy('/api/auth/me'), { headers: { cookie } });
    expect(me.status).toBe(200);
  });

  it('lists containers through the proxy', async () => {
    const res = await fetch(viaProxy('/api/endpoints/local/docker/containers/json'), {
      headers: { cookie },
    });
    expect(res.status).toBe(200);
    const list = (await res.json()) as Array<{ Id: string }>;
    expect(list.map((c) => c.Id)).toContain(container);
  });

  it('runs a terminal through the proxy', async () => {
    const query = new URLSearchParams({ container, cmd: '["/bin/sh"]', tty: '1' });
    const t = await openTerminal(wsViaProxy(`/api/endpoints/local/ws/exec?${query}`), {
      cookie,
      Origin: proxy.origin,
    });
    await t.waitFor(() => t.text().includes('# '));
    t.send('echo through-$((40+2))\n');
    await t.waitFor(() => t.text().includes('through-42'));
    t.ws.close();
  });

  it('streams logs through the proxy', async () => {
    const query = new URLSearchParams({ container, follow: '0', tail: 'all', timestamps: '0' });
    const t = await openTerminal(wsViaProxy(`/api/endpoints/local/ws/logs?${query}`), {
      cookie,
      Origin: proxy.origin,
    });
    await t.closed;
    expect(t.text(1)).toBe('line-one\nline-two\n');
  });

  it('still refuses a foreign origin, for websockets and for changes', async () => {
    const refused = await upgradeStatus(wsViaProxy('/api/endpoints/local/ws/events'), {
      cookie,
      Origin: 'http://evil.example',
    });
    expect(refused).toBe(403);
    const post = await fetch(viaProxy('/api/auth/logout'), {
      method: 'POST',
      headers: { cookie, Origin: 'http://evil.example' },
    });
    expect(post.status).toBe(403);
    // The proxy's own origin, for contrast, may open the same socket.
    expect(
      await upgradeStatus(wsViaProxy('/api/endpoints/local/ws/events'), {
        cookie,
        Origin: proxy.origin,
      }),
    ).toBe(101);
  });

  it('believes X-Forwarded-Proto/Host only from the trusted proxy', async () => {
    // From 127.0.0.1 (the trusted proxy's address): HTTPS at the proxy makes the cookie Secure,
    // and the forwarded host (the public URL's) is one Berth answers to.
    const trusted = await login(gateway.url, {
      'X-Forwarded-Proto': 'https',
      'X-Forwarded-Host': `127.0.0.1:${proxy.port}`,
      Origin: proxy.origin,
    });
    expect(trusted.status).toBe(200);
    expect(trusted.cookies[0]).toMatch(/; Secure/);
    // A forwarded host Berth was not told about is refused as on a direct request (DNS rebinding).
    const rebinding = await login(gateway.url, {
      'X-Forwarded-Host': 'evil.example',
      Origin: 'http://evil.example',
    });
    expect(rebinding.status).toBe(421);

    // A gateway that trusts no proxy ignores the same headers: the forged origin is refused.
    const untrusting = await startTestGateway({ BERTH_BASE_PATH: BASE });
    try {
      const forged = await login(untrusting.url, {
        'X-Forwarded-Proto': 'https',
        'X-Forwarded-Host': 'evil.example',
        Origin: 'https://evil.example',
      });
      expect(forged.status).toBe(403);
      const plain = await login(untrusting.url, { 'X-Forwarded-Proto': 'https' });
      expect(plain.status).toBe(200);
      expect(plain.cookies[0]).not.toMatch(/Secure/);
    } finally {
      await untrusting.close();
    }
  });

  it(
    `keeps an idle websocket open past nginx's ${PROXY_IDLE_SECONDS} s idle timeout (heartbeats)`,
    async () => {
      // A log stream of a container that prints nothing more: no data, only the pings.
      const quiet = await createContainer(`proxy-quiet-${process.pid}`, ['sleep', '3600']);
      await engine('POST', `/containers/${quiet}/start`);
      try {
        const query = new URLSearchParams({ container: quiet, follow: '1', tail: '0' });
        const ws = new WebSocket(
          wsViaProxy(`/api/endpoints/local/ws/logs?${query}`),
          [CHANNEL_PROTOCOL],
          {
            headers: { cookie, Origin: proxy.origin },
          },
        );
        let pings = 0;
        ws.on('ping', () => (pings += 1));
        const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
        await new Promise((r, f) => {
          ws.once('open', r);
          ws.once('error', f);
        });
        const outcome = await Promise.race([
          closed.then((code) => `closed ${code}`),
          new Promise((r) => setTimeout(() => r('open'), (PROXY_IDLE_SECONDS + 5) * 1000)),
        ]);
        expect(outcome).toBe('open');
        expect(pings).toBeGreaterThanOrEqual(1);
        ws.close();
      } finally {
        await engine('DELETE', `/containers/${quiet}?force=1`);
      }
    },
    (PROXY_IDLE_SECONDS + 20) * 1000,
  );
});

async function login(
  base: string,
  headers: Record<string, string>,
): Promise<{ status: number; cookies: string[] }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  return { status: res.status, cookies: res.headers.getSetCookie() };
}

/** The status an upgrade gets: 101 when the socket opens, else the refusal's. */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, [CHANNEL_PROTOCOL], { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
    ws.once('error', reject);
  });
}
