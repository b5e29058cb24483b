// Saved registry credentials go to their own registry and nowhere else, and callers cannot send
// the engine to fetch from hosts an admin did not allow (issue: a viewer could exfiltrate the
// saved password). A loopback HTTP listener plays the attacker's registry: every probe must be
// refused and the listener must see nothing; a positive control shows it would have.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { JsonLines, type AuditPage } from '@berth/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REGISTRY_PASSWORD, REGISTRY_USER } from '../../../scripts/lib/registry.mjs';
import type { Gateway } from '../src/gateway';
import { bearer, createContainer, engine, startTestGateway, tokenFor } from './harness';

const registry = process.env.BERTH_TEST_REGISTRY;

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** An "attacker" registry on loopback: records every connection and request. */
class Listener {
  connections = 0;
  requests: Seen[] = [];
  private readonly server: Server = createServer((req, res) => {
    this.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end('{"errors":[{"code":"NAME_UNKNOWN","message":"nothing here"}]}');
  });
  private readonly sockets = new Set<Socket>();
  host = '';

  async start(): Promise<void> {
    this.server.on('connection', (socket) => {
      this.connections++;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    // The engine tries TLS first: that arrives as a bad request line, still a connection.
    this.server.on('clientError', (_error, socket) => socket.destroy());
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.host = `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  reset(): void {
    this.connections = 0;
    this.requests = [];
  }

  withCredentials(): Seen[] {
    return this.requests.filter((r) => r.headers.authorization !== undefined);
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

let gateway: Gateway;
let admin: Record<string, string>;
let operator: Record<string, string>;
let viewer: Record<string, string>;
let listener: Listener;
let savedId: string;

async function relay(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${gateway.url}/api/endpoints/local/docker${path}`, {
    method,
    headers: body ? { ...headers, 'Content-Type': 'application/json' } : headers,
    body,
  });
  return { status: res.status, text: await res.text() };
}

async function putSettings(body: unknown): Promise<void> {
  const res = await fetch(`${gateway.url}/api/settings/security`, {
    method: 'PUT',
    headers: { ...admin, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

const messageOf = (text: string) => (JSON.parse(text) as { message: string }).message;

/** Gives the engine time to have connected, had the call been let through. */
const settle = () => new Promise((r) => setTimeout(r, 300));

describe.skipIf(!registry)('saved registry credentials and the engine-fetch policy', () => {
  beforeAll(async () => {
    listener = new Listener();
    await listener.start();
    gateway = await startTestGateway();
    admin = bearer(tokenFor(gateway, 'admin'));
    operator = bearer(tokenFor(gateway, 'operator'));
    viewer = bearer(tokenFor(gateway, 'viewer'));
    const saved = await fetch(`${gateway.url}/api/registries`, {
      method: 'POST',
      headers: { ...admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'ci',
        server: registry,
        username: REGISTRY_USER,
        password: REGISTRY_PASSWORD,
      }),
    });
    expect(saved.status).toBe(201);
    savedId = String(((await saved.json()) as { id: number }).id);
    // A local image named for the listener, so a push would really start.
    await engine(
      'POST',
      `/images/berth/busybox:latest/tag?repo=${encodeURIComponent(`${listener.host}/sec/push`)}&tag=latest`,
    );
  });

  beforeEach(() => listener.reset());

  afterAll(async () => {
    await engine('DELETE', `/images/${encodeURIComponent(`${listener.host}/sec/push:latest`)}`);
    await gateway?.close();
    await listener?.stop();
  });

  it('positive control: an admin pull from the listener does reach it, without credentials', async () => {
    const res = await relay(
      'POST',
      `/images/create?fromImage=${encodeURIComponent(`${listener.host}/sec/probe`)}&tag=latest`,
      admin,
    );
    // The engine's own answer to a registry that has nothing (its status, its words).
    expect(res.status, res.text).toBeLessThan(500);
    expect(listener.requests.some((r) => r.url.startsWith('/v2/'))).toBe(true);
    expect(listener.withCredentials()).toEqual([]);
  });

  const probes: Array<{
    who: 'operator' | 'viewer';
    what: string;
    method: string;
    path: () => string;
    saved: boolean;
    refusal: RegExp;
  }> = [
    {
      who: 'operator',
      what: 'pull from the listener with the saved registry',
      method: 'POST',
      path: () =>
        `/images/create?fromImage=${encodeURIComponent(`${listener.host}/sec/probe`)}&tag=latest`,
      saved: true,
      refusal: /engine-fetch policy: fromImage points at 127\.0\.0\.1:\d+, a loopback address/,
    },
    {
      who: 'operator',
      what: 'push to the listener with the saved registry',
      method: 'POST',
      path: () => `/images/${encodeURIComponent(`${listener.host}/sec/push`)}/push?tag=latest`,
      saved: true,
      refusal: /image name points at 127\.0\.0\.1:\d+/,
    },
    {
      who: 'viewer',
      what: 'distribution inspect on the listener with the saved registry',
      method: 'GET',
      path: () => `/distribution/${encodeURIComponent(`${listener.host}/sec/probe:latest`)}/json`,
      saved: true,
      refusal: /image name points at 127\.0\.0\.1:\d+/,
    },
    {
      who: 'viewer',
      what: 'search on the listener with the saved registry',
      method: 'GET',
      path: () => `/images/search?term=${encodeURIComponent(`${listener.host}/sec`)}`,
      saved: true,
      refusal: /term points at 127\.0\.0\.1:\d+/,
    },
    {
      who: 'viewer',
      what: 'distribution inspect on a loopback host, no credentials',
      method: 'GET',
      path: () => `/distribution/${encodeURIComponent(`${listener.host}/x:latest`)}/json`,
      saved: false,
      refusal: /loopback address/,
    },
    {
      who: 'viewer',
      what: 'search on a loopback host, no credentials',
      method: 'GET',
      path: () => `/images/search?term=${encodeURIComponent(`${listener.host}/x`)}`,
      saved: false,
      refusal: /loopback address/,
    },
    {
      who: 'operator',
      what: 'import from a loopback URL',
      method: 'POST',
      path: () =>
        `/images/create?fromSrc=${encodeURIComponent(`http://${listener.host}/x.tar`)}&repo=probe`,
      saved: false,
      refusal: /fromSrc points at 127\.0\.0\.1:\d+, a loopback address/,
    },
    {
      who: 'operator',
      what: 'build from a loopback remote',
      method: 'POST',
      path: () => `/build?remote=${encodeURIComponent(`http://${listener.host}/ctx.tar`)}`,
      saved: false,
      refusal: /remote points at 127\.0\.0\.1:\d+, a loopback address/,
    },
  ];

  it.each(probes)('refuses: $who $what', async (probe) => {
    const headers = {
      ...(probe.who === 'operator' ? operator : viewer),
      ...(probe.saved ? { 'X-Berth-Registry': savedId } : {}),
    };
    const res = await relay(probe.method, probe.path(), headers);
    expect(res.status, res.text).toBe(403);
    expect(messageOf(res.text)).toMatch(probe.refusal);
    await settle();
    expect(listener.connections).toBe(0);
    expect(listener.withCredentials()).toEqual([]);
  });

  it('binds credentials to their host for everyone: an admin naming another host is refused, naming both', async () => {
    const res = await relay(
      'POST',
      `/images/create?fromImage=${encodeURIComponent(`${listener.host}/sec/probe`)}&tag=latest`,
      { ...admin, 'X-Berth-Registry': savedId },
    );
    expect(res.status).toBe(403);
    expect(messageOf(res.text)).toBe(
      `Saved registry ci is for ${registry}, but fromImage points at ${listener.host}; its credentials go only to ${registry}. Choose the registry that matches, or none.`,
    );
    await settle();
    expect(listener.connections).toBe(0);
  });

  it('with the fetch policy off, a mismatched saved registry is still refused; the audit log names both hosts', async () => {
    await putSettings({
      engineFetch: { appliesTo: 'off', allowedHosts: [], allowDockerHub: true },
    });
    try {
      const res = await relay(
        'POST',
        `/images/${encodeURIComponent(`${listener.host}/sec/push`)}/push?tag=latest`,
        { ...operator, 'X-Berth-Registry': savedId },
      );
      expect(res.status).toBe(403);
      await settle();
      expect(listener.connections).toBe(0);
      const audit = (await (
        await fetch(`${gateway.url}/api/audit?result=denied&limit=50`, { headers: admin })
      ).json()) as AuditPage;
      const entry = audit.entries.find((e) => e.action === 'ImagePush');
      expect(entry?.detail).toContain(`is for ${registry}`);
      expect(entry?.detail).toContain(listener.host);
    } finally {
      await putSettings({
        engineFetch: { appliesTo: 'non-admins', allowedHosts: [], allowDockerHub: true },
      });
    }
  });

  it('a service create with the saved registry and another image host is refused before the engine sees it', async () => {
    const res = await relay(
      'POST',
      '/services/create',
      { ...admin, 'X-Berth-Registry': savedId },
      JSON.stringify({
        Name: 'probe',
        TaskTemplate: { ContainerSpec: { Image: `${listener.host}/sec/probe:latest` } },
      }),
    );
    expect(res.status).toBe(403);
    expect(messageOf(res.text)).toContain('TaskTemplate.ContainerSpec.Image points at');
  });

  it('viewers get saved credentials only where an admin opened the registry to them', async () => {
    const name = encodeURIComponent(`${registry}/berth/none:latest`);
    const closed = await relay('GET', `/distribution/${name}/json`, {
      ...viewer,
      'X-Berth-Registry': savedId,
    });
    expect(closed.status).toBe(403);
    expect(messageOf(closed.text)).toMatch(/not for viewers/);
    const listed = (await (
      await fetch(`${gateway.url}/api/registries`, { headers: viewer })
    ).json()) as unknown[];
    expect(listed).toEqual([]);

    const opened = await fetch(`${gateway.url}/api/registries/${savedId}`, {
      method: 'PUT',
      headers: { ...admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ viewers: true }),
    });
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as { viewers: boolean }).viewers).toBe(true);
    const nowListed = (await (
      await fetch(`${gateway.url}/api/registries`, { headers: viewer })
    ).json()) as Array<{ id: number }>;
    expect(nowListed.map((r) => String(r.id))).toEqual([savedId]);
    // Allowed now: the registry answers (the tag does not exist, so its own 4xx).
    const asked = await relay('GET', `/distribution/${name}/json`, {
      ...viewer,
      'X-Berth-Registry': savedId,
    });
    expect(messageOf(asked.text)).not.toMatch(/not for viewers|policy/);
  });

  it('the allowed path still works: an operator pushes and pulls on the saved registry with its credentials', async () => {
    // An image of its own (a unique layer), so the registry's other tests see no shared blobs.
    const repo = `${registry}/berth/bound`;
    const id = await createContainer(`bound-${Date.now()}`, [
      'sh',
      '-c',
      `echo ${Math.random()} > /unique`,
    ]);
    await engine('POST', `/containers/${id}/start`);
    await engine('POST', `/containers/${id}/wait`);
    const committed = await engine(
      'POST',
      `/commit?container=${id}&repo=${encodeURIComponent(repo)}&tag=ok`,
    );
    expect(committed.status).toBe(201);
    await engine('DELETE', `/containers/${id}`);
    const progress = async (res: { status: number; text: string }) => {
      expect(res.status, res.text).toBe(200);
      const lines = new JsonLines<{ error?: string; status?: string }>();
      return [...lines.push(new TextEncoder().encode(res.text)), ...lines.end()];
    };
    const pushed = await progress(
      await relay('POST', `/images/${encodeURIComponent(repo)}/push?tag=ok`, {
        ...operator,
        'X-Berth-Registry': savedId,
      }),
    );
    expect(pushed.filter((m) => m.error)).toEqual([]);
    expect(pushed.some((m) => /digest: sha256:/.test(m.status ?? ''))).toBe(true);
    await engine('DELETE', `/images/${encodeURIComponent(`${repo}:ok`)}`);
    const pulled = await progress(
      await relay('POST', `/images/create?fromImage=${encodeURIComponent(repo)}&tag=ok`, {
        ...operator,
        'X-Berth-Registry': savedId,
      }),
    );
    expect(pulled.filter((m) => m.error)).toEqual([]);
    expect((await engine('GET', `/images/${encodeURIComponent(`${repo}:ok`)}/json`)).status).toBe(
      200,
    );
    await engine('DELETE', `/images/${encodeURIComponent(`${repo}:ok`)}`);
  });

  it('an admin can allow a host exactly; then an operator reaches it, still without saved credentials', async () => {
    await putSettings({
      engineFetch: { appliesTo: 'non-admins', allowedHosts: [listener.host], allowDockerHub: true },
    });
    try {
      const res = await relay(
        'POST',
        `/images/create?fromImage=${encodeURIComponent(`${listener.host}/sec/probe`)}&tag=latest`,
        operator,
      );
      expect(messageOf(res.text)).not.toMatch(/policy/);
      expect(listener.requests.some((r) => r.url.startsWith('/v2/'))).toBe(true);
      expect(listener.withCredentials()).toEqual([]);
    } finally {
      await putSettings({
        engineFetch: { appliesTo: 'non-admins', allowedHosts: [], allowDockerHub: true },
      });
    }
  });

  it('settings refuse a host entry that is a URL, naming the field', async () => {
    const res = await fetch(`${gateway.url}/api/settings/security`, {
      method: 'PUT',
      headers: { ...admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        engineFetch: {
          appliesTo: 'non-admins',
          allowedHosts: ['http://x/y'],
          allowDockerHub: true,
        },
      }),
    });
    expect(res.status).toBe(400);
    expect(messageOf(await res.text())).toMatch(
      /^engineFetch\.allowedHosts\.0: must be host names/,
    );
  });
});
