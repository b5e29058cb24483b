// Bad input on every path that answers before login must cost that one request, never the
// gateway. Each probe is sent raw (no client library would send it) to a real gateway, and the
// gateway must still answer afterwards.
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Gateway } from '../src/gateway';
import { rawRequest, spawnGateway, type GatewayProcess } from './gateway-process';
import {
  bearer,
  createContainer,
  engine,
  removeTestContainers,
  startTestGateway,
  tokenFor,
} from './harness';
import { openTerminal } from './terminal-client';

function upgrade(target: string, host: string): string {
  return [
    `GET ${target} HTTP/1.1`,
    `Host: ${host}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    `Origin: http://${host}`,
    '',
    '',
  ].join('\r\n');
}

const BAD_UPGRADES = [
  '//a:99999/api/endpoints/local/ws/events',
  '//a:99999/',
  '/api/endpoints/%E0%A4%A/ws/events',
  '/api/endpoints/local/ws/%E0%A4%A',
  '/api/endpoints/local/ws/logs?container=%E0%A4%A&tail=%ZZ',
  'http://a:99999/api/endpoints/local/ws/events',
  '*',
];

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

describe('the gateway in this process', () => {
  let gateway: Gateway;
  let port: number;
  let host: string;

  beforeAll(async () => {
    gateway = await startTestGateway();
    const url = new URL(gateway.url);
    port = Number(url.port);
    host = url.host;
  });
  afterAll(async () => gateway?.close());

  it.each(BAD_UPGRADES)(
    'answers the anonymous upgrade %s with a 4xx and stays up',
    async (target) => {
      const answer = await rawRequest(port, upgrade(target, host));
      const status = statusOf(answer);
      expect(status, answer).toBeGreaterThanOrEqual(400);
      expect(status, answer).toBeLessThan(500);
      expect(answer).not.toMatch(/at .*\.ts:\d+/);
      expect((await fetch(`${gateway.url}/api/health`)).status).toBe(200);
    },
  );

  it('answers malformed escapes in REST paths with 400 JSON', async () => {
    const token = tokenFor(gateway, 'admin');
    for (const path of [
      '/api/endpoints/%E0%A4%A/docker/containers/json',
      '/api/endpoints/local/docker/containers/%E0%A4%A/json',
      '/api/users/%E0%A4%A',
    ]) {
      const res = await fetch(`${gateway.url}${path}`, { headers: bearer(token) });
      expect([400, 404], path).toContain(res.status);
      const body = (await res.json()) as { message: string };
      expect(body.message, path).toMatch(/\w/);
      expect(JSON.stringify(body)).not.toMatch(/URIError|at .*\.js/);
    }
  });

  it('closes a websocket that sends a bad frame, and keeps serving the others', async () => {
    const token = tokenFor(gateway, 'viewer');
    const good = new WebSocket(
      `${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws/events`,
      {
        headers: bearer(token),
      },
    );
    await new Promise((resolve, reject) => {
      good.once('open', resolve);
      good.once('error', reject);
    });
    const bad = new WebSocket(`${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws/stats`, {
      headers: bearer(token),
    });
    await new Promise((resolve, reject) => {
      bad.once('open', resolve);
      bad.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => bad.once('close', (code) => resolve(code)));
    // A masked frame with the reserved opcode 0x3: a protocol error on the server's side.
    const raw = (bad as unknown as { _socket: Socket })._socket;
    raw.write(Buffer.from([0x83, 0x80, 1, 2, 3, 4]));
    expect(await closed).toBeGreaterThanOrEqual(1002);
    expect(good.readyState).toBe(WebSocket.OPEN);
    good.close();
    expect((await fetch(`${gateway.url}/api/health`)).status).toBe(200);
  });
});

describe('the gateway as its own process (no test runner catching for it)', () => {
  let gateway: GatewayProcess;
  let port: number;

  beforeAll(async () => {
    gateway = await spawnGateway();
    port = gateway.port;
  });
  afterAll(() => gateway?.stop());

  it('survives every bad upgrade from the issue, and a cross-site one', async () => {
    const host = `127.0.0.1:${port}`;
    for (const target of BAD_UPGRADES) {
      const answer = await rawRequest(port, upgrade(target, host));
      expect(statusOf(answer), `${target}: ${answer}`).toBeGreaterThanOrEqual(400);
    }
    // What `new WebSocket('ws://<berth>//a:99999/')` on any web page sends.
    const crossSite = upgrade('//a:99999/', host).replace(
      `Origin: http://${host}`,
      'Origin: https://evil.example',
    );
    expect(statusOf(await rawRequest(port, crossSite))).toBeGreaterThanOrEqual(400);
    // Truncated upgrades and garbage before any request line.
    await rawRequest(port, upgrade('//a:99999/', host).slice(0, 40), 300);
    await rawRequest(port, Buffer.from([0x16, 0x03, 0x01, 0xff, 0xff, 0, 0, 0]), 300);
    expect(gateway.exited()).toBeNull();
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(gateway.stderr()).not.toMatch(/Invalid URL/);
  });
});

describe('terminal input sent the moment the socket opens', () => {
  let gateway: Gateway;
  let container: string;
  let auth: Record<string, string>;

  beforeAll(async () => {
    await removeTestContainers();
    gateway = await startTestGateway();
    auth = bearer(tokenFor(gateway, 'operator'));
    container = await createContainer('harden-early-input', ['sleep', '3600']);
    await engine('POST', `/containers/${container}/start`);
  });
  afterAll(async () => {
    await removeTestContainers();
    await gateway?.close();
  });

  // Before the fix about half of these lost the input: it arrived while the gateway was still
  // creating and starting the exec, and nobody was listening on the websocket yet.
  it('reaches the shell, in order and after the initial size, 20 times out of 20', async () => {
    for (let i = 0; i < 20; i++) {
      const query = new URLSearchParams({
        container,
        cmd: '["/bin/sh"]',
        tty: '1',
        cols: String(100 + i),
        rows: '33',
      });
      const t = await openTerminal(
        `${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws/exec?${query}`,
        auth,
      );
      t.send('stty size\n');
      t.send(`echo second-$((${i}+1))\n`);
      await t.waitFor(() => t.text().includes(`33 ${100 + i}\r\n`), 5_000);
      await t.waitFor(() => t.text().includes(`second-${i + 1}\r\n`), 5_000);
      // in order: the size answer comes before the second command's output
      expect(t.text().indexOf(`33 ${100 + i}\r\n`)).toBeLessThan(
        t.text().indexOf(`second-${i + 1}\r\n`),
      );
      t.ws.close();
      await t.closed;
    }
  });

  it('applies a resize sent before the exec is attached, after the initial size', async () => {
    const query = new URLSearchParams({ container, cmd: '["/bin/sh"]', tty: '1', cols: '90' });
    const t = await openTerminal(
      `${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws/exec?${query}&rows=20`,
      auth,
    );
    t.resize(77, 22);
    t.send('sleep 0.3; stty size\n');
    await t.waitFor(() => t.text().includes('22 77\r\n'), 5_000);
    t.ws.close();
  });
});
