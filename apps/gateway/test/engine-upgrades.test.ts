// The engine's own upgrade routes through the relay, against the real engine: Docker's
// websocket attach (ContainerAttachWebsocket) and BuildKit's h2c session (Session), with the
// same token, role, origin and audit checks as Berth's own websockets.
import { randomUUID } from 'node:crypto';
import { createServer as createHttp2Server, type ServerHttp2Session } from 'node:http2';
import { connect } from 'node:net';
import { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Gateway } from '../src/gateway';
import {
  bearer,
  createContainer,
  engine,
  removeTestContainers,
  startTestGateway,
  tokenFor,
} from './harness';

let gateway: Gateway;
let cat: string;

const attachUrl = (id: string, query = 'stream=1&stdin=1&stdout=1&stderr=1') =>
  `${gateway.url.replace('http', 'ws')}/api/endpoints/local/docker/containers/${id}/attach/ws?${query}`;

/** Opens a websocket and reports either the open socket or the refusal's status and body. */
function openWs(
  url: string,
  headers: Record<string, string>,
): Promise<{ ws?: WebSocket; status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => resolve({ ws, status: 101, body: '' }));
    ws.on('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
      );
    });
    ws.on('error', reject);
  });
}

/** Collects what the socket receives, as text, until `predicate` holds. */
function receiveUntil(ws: WebSocket, predicate: (text: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(
      () => reject(new Error(`timed out; got ${JSON.stringify(text)}`)),
      10_000,
    );
    ws.on('message', (data: Buffer) => {
      text += data.toString('utf8');
      if (predicate(text)) {
        clearTimeout(timer);
        resolve(text);
      }
    });
  });
}

/** Writes a raw HTTP request to the gateway and reads what comes back for `ms`. */
function rawExchange(request: string, ms: number): Promise<Buffer> {
  const { port } = new URL(gateway.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks)));
    socket.write(request);
    setTimeout(() => socket.destroy(), ms);
  });
}

function sessionRequest(headers: Record<string, string>): string {
  const { host } = new URL(gateway.url);
  const lines = [
    'POST /api/endpoints/local/docker/session HTTP/1.1',
    `Host: ${host}`,
    'Connection: Upgrade',
    'Upgrade: h2c',
    `X-Docker-Expose-Session-Uuid: ${randomUUID()}`,
    'X-Docker-Expose-Session-Name: berth-test',
    'X-Docker-Expose-Session-Sharedkey: berth-test',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

beforeAll(async () => {
  await removeTestContainers();
  gateway = await startTestGateway();
  cat = await createContainer('upgrade-cat', ['cat'], {
    OpenStdin: true,
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
  });
  await engine('POST', `/containers/${cat}/start`);
});

afterAll(async () => {
  await removeTestContainers();
  await gateway?.close();
});

describe('ContainerAttachWebsocket through the relay', () => {
  it('a script with a Bearer token sends input to cat and reads it back', async () => {
    const { ws, status, body } = await openWs(
      attachUrl(cat),
      bearer(tokenFor(gateway, 'operator')),
    );
    expect(status, body).toBe(101);
    const echoed = receiveUntil(ws!, (text) => text.includes('hello through berth'));
    ws!.send('hello through berth\n');
    expect(await echoed).toContain('hello through berth');
    const closed = new Promise((r) => ws!.on('close', r));
    ws!.close();
    await closed;
    // cat keeps running: closing an attach detaches, it does not stop the container.
    const inspect = await engine<{ State: { Running: boolean } }>('GET', `/containers/${cat}/json`);
    expect(inspect.body.State.Running).toBe(true);
  });

  it('refuses a viewer, a foreign origin and an anonymous caller, and audits the refusal', async () => {
    const viewer = await openWs(attachUrl(cat), bearer(tokenFor(gateway, 'viewer')));
    expect(viewer.status).toBe(403);
    expect(JSON.parse(viewer.body)).toEqual({
      message: 'Your role (viewer) cannot open ContainerAttachWebsocket; it needs operator.',
    });
    const foreign = await openWs(attachUrl(cat), {
      ...bearer(tokenFor(gateway, 'operator')),
      Origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect((await openWs(attachUrl(cat), { Origin: gateway.url })).status).toBe(401);

    const audit = gateway.security.deps.audit.query({ limit: 50 });
    const rows = audit.entries.map((e) => `${e.action}:${e.result}:${e.status}`);
    expect(rows).toEqual(
      expect.arrayContaining([
        'ContainerAttachWebsocket:ok:101',
        'ContainerAttachWebsocket:denied:403',
      ]),
    );
  });

  it("passes the engine's refusal through with its status and message", async () => {
    const missing = await openWs(
      attachUrl('no-such-container-x'),
      bearer(tokenFor(gateway, 'operator')),
    );
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).message).toMatch(/no-such-container-x/);
  });

  it('refuses other engine calls that ask to upgrade, with the reason', async () => {
    const other = await openWs(
      `${gateway.url.replace('http', 'ws')}/api/endpoints/local/docker/containers/${cat}/json`,
      bearer(tokenFor(gateway, 'admin')),
    );
    expect(other.status).toBe(400);
    expect(JSON.parse(other.body).message).toMatch(/does not upgrade through the relay/);
  });
});

describe('Session (h2c) through the relay', () => {
  it('switches protocols for an admin token and then carries the engine HTTP/2 bytes', async () => {
    const answer = await rawExchange(sessionRequest(bearer(tokenFor(gateway, 'admin'))), 1500);
    const text = answer.toString('latin1');
    expect(text).toMatch(/^HTTP\/1\.1 101 /);
    expect(text).toMatch(/\r\nUpgrade: h2c\r\n/i);
    // After the 101 the daemon speaks first, as the HTTP/2 client of the session: its preface.
    expect(text.slice(text.indexOf('\r\n\r\n') + 4)).toMatch(
      /^PRI \* HTTP\/2\.0\r\n\r\nSM\r\n\r\n/,
    );
    const audit = gateway.security.deps.audit.query({ limit: 50 });
    expect(audit.entries.map((e) => `${e.action}:${e.status}`)).toContain('Session:101');
  });

  it('carries HTTP/2 both ways: the daemon answers our PING and sends its gRPC health check', async () => {
    const { port } = new URL(gateway.url);
    const socket = connect(Number(port), '127.0.0.1');
    // Read the 101 head, then hand the rest of the bytes to an HTTP/2 server: the session's
    // server side is ours (the build client's), the daemon is its client.
    const rest = await new Promise<Buffer>((resolve, reject) => {
      let got = Buffer.alloc(0);
      const onData = (chunk: Buffer) => {
        got = Buffer.concat([got, chunk]);
        const end = got.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onData);
        socket.pause();
        const head = got.subarray(0, end).toString('latin1');
        if (!head.startsWith('HTTP/1.1 101 ')) reject(new Error(head));
        else resolve(got.subarray(end + 4));
      };
      socket.on('data', onData);
      socket.on('error', reject);
      socket.write(sessionRequest(bearer(tokenFor(gateway, 'admin'))));
    });
    // http2 reads a net.Socket's handle directly (bytes already read would be lost), so it gets
    // a stream that starts with them and then follows the socket.
    const stream = new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, done) {
        socket.write(chunk, done);
      },
      final(done) {
        socket.end();
        done();
      },
    });
    stream.push(rest);
    socket.on('data', (chunk: Buffer) => stream.push(chunk));
    socket.on('end', () => stream.push(null));
    const server = createHttp2Server();
    const paths: string[] = [];
    const healthCheck = new Promise<string>((resolve) => {
      server.on('stream', (stream, headers) => {
        paths.push(String(headers[':path']));
        stream.respond({ ':status': 200, 'content-type': 'application/grpc' });
        stream.end();
        if (String(headers[':path']).includes('Health')) resolve(String(headers[':path']));
      });
    });
    const session = new Promise<ServerHttp2Session>((resolve) => server.on('session', resolve));
    server.emit('connection', stream);
    socket.resume();
    const h2 = await session;
    const rtt = await new Promise<number>((resolve, reject) =>
      h2.ping((error, duration) => (error ? reject(error) : resolve(duration))),
    );
    expect(rtt).toBeGreaterThanOrEqual(0);
    expect(await healthCheck).toBe('/grpc.health.v1.Health/Check');
    h2.destroy();
    server.close();
  });

  it('refuses an operator: the session is admin-only, as in the route table', async () => {
    const answer = await rawExchange(sessionRequest(bearer(tokenFor(gateway, 'operator'))), 500);
    expect(answer.toString()).toMatch(/^HTTP\/1\.1 403 /);
    expect(answer.toString()).toContain('it needs admin');
  });
});
