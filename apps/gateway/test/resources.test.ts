import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonLines, writeTar } from '@berth/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_PASSWORD, REGISTRY_USER } from '../../../scripts/lib/registry.mjs';
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
let admin: Record<string, string>;
let operator: Record<string, string>;
const registry = process.env.BERTH_TEST_REGISTRY;

const call = (path: string, init: RequestInit = {}) => fetch(`${gateway.url}${path}`, init);
const relay = (path: string, headers: Record<string, string>, init: RequestInit = {}) =>
  call(`/api/endpoints/local/docker${path}`, {
    ...init,
    headers: { ...headers, ...(init.headers as Record<string, string>) },
  });

/** Reads a JSON-lines progress stream to its end. */
async function progress(res: Response): Promise<
  Array<{
    status?: string;
    error?: string;
    errorDetail?: { message: string };
    progressDetail?: object;
    id?: string;
  }>
> {
  const lines = new JsonLines<{
    status?: string;
    error?: string;
    errorDetail?: { message: string };
  }>();
  const out = [];
  const reader = res.body!.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    out.push(...lines.push(value));
  }
  out.push(...lines.end());
  return out;
}

beforeAll(async () => {
  await removeTestContainers();
  gateway = await startTestGateway();
  admin = bearer(tokenFor(gateway, 'admin'));
  operator = bearer(tokenFor(gateway, 'operator'));
});

afterAll(async () => {
  await removeTestContainers();
  await gateway?.close();
});

describe.skipIf(!registry)('registries (real docker-registry with htpasswd)', () => {
  it('push and pull back with stored credentials, progress streaming, the password never shown', async () => {
    const json = { ...admin, 'Content-Type': 'application/json' };
    const saved = await call('/api/registries', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        name: 'ci',
        server: registry,
        username: REGISTRY_USER,
        password: REGISTRY_PASSWORD,
      }),
    });
    expect(saved.status).toBe(201);
    const { id } = (await saved.json()) as { id: number };
    const listed = await (await call('/api/registries', { headers: operator })).text();
    expect(listed).not.toContain(REGISTRY_PASSWORD);

    const login = await call(`/api/endpoints/local/registries/${id}/login`, {
      method: 'POST',
      headers: admin,
    });
    expect(await login.json()).toEqual({ status: 'Login Succeeded' });
    const wrong = await call('/api/registries', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        name: 'wrong',
        server: registry,
        username: REGISTRY_USER,
        password: 'nope-nope-nope',
      }),
    });
    const wrongId = ((await wrong.json()) as { id: number }).id;
    const refused = await call(`/api/endpoints/local/registries/${wrongId}/login`, {
      method: 'POST',
      headers: admin,
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(((await refused.json()) as { message: string }).message).toMatch(
      /unauthorized|authentication required|401/i,
    );

    const repo = `${registry}/berth/busybox`;
    expect(
      (
        await relay(
          `/images/berth/busybox:latest/tag?repo=${encodeURIComponent(repo)}&tag=ci`,
          operator,
          { method: 'POST' },
        )
      ).status,
    ).toBe(201);

    const anonymous = await progress(
      await relay(
        `/images/${encodeURIComponent(repo)}/push?tag=ci`,
        { ...operator, 'X-Registry-Auth': 'e30=' },
        { method: 'POST' },
      ),
    );
    // no credentials (an empty auth): the engine's own words come through the progress stream
    expect(anonymous.find((p) => p.error)?.error).toMatch(/no basic auth credentials|unauthorized/);

    const pushed = await progress(
      await relay(
        `/images/${encodeURIComponent(repo)}/push?tag=ci`,
        { ...operator, 'X-Berth-Registry': String(id) },
        { method: 'POST' },
      ),
    );
    expect(
      pushed.filter((p) => p.error),
      JSON.stringify(pushed.slice(-3)),
    ).toEqual([]);
    // One status line per layer streams through; a layer another test already pushed to this
    // registry is mounted or skipped instead of uploaded again, so "Pushing" is not guaranteed.
    expect(
      pushed.some(
        (p) => p.id && /^(Pushing|Pushed|Layer already exists|Mounted from)/.test(p.status ?? ''),
      ),
    ).toBe(true);
    expect(pushed.some((p) => /digest: sha256:/.test(p.status ?? ''))).toBe(true);

    await engine('DELETE', `/images/${encodeURIComponent(`${repo}:ci`)}`);
    expect((await engine('GET', `/images/${encodeURIComponent(`${repo}:ci`)}/json`)).status).toBe(
      404,
    );
    const pulled = await progress(
      await relay(
        `/images/create?fromImage=${encodeURIComponent(repo)}&tag=ci`,
        { ...operator, 'X-Berth-Registry': String(id) },
        { method: 'POST' },
      ),
    );
    expect(pulled.filter((p) => p.error)).toEqual([]);
    expect(
      pulled.some((p) => /Downloaded newer image|Image is up to date/.test(p.status ?? '')),
    ).toBe(true);
    expect((await engine('GET', `/images/${encodeURIComponent(`${repo}:ci`)}/json`)).status).toBe(
      200,
    );
  });
});

describe('file browser over the archive endpoints', () => {
  it('uploads a tar made by Berth into a folder and downloads it back byte for byte', async () => {
    const id = await createContainer('res-files', ['sleep', '300']);
    await engine('POST', `/containers/${id}/start`);
    const data = new Uint8Array(300_000).map((_, i) => (i * 7) % 256);
    const tar = writeTar([{ name: 'upload/blob.bin', data, mode: 0o600 }]);
    const put = await relay(`/containers/${id}/archive?path=/tmp`, operator, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/x-tar' },
      body: tar,
    });
    expect(put.status).toBe(200);
    const stat = await relay(`/containers/${id}/archive?path=/tmp/upload/blob.bin`, operator, {
      method: 'HEAD',
    });
    expect(
      JSON.parse(
        Buffer.from(stat.headers.get('x-docker-container-path-stat')!, 'base64').toString(),
      ),
    ).toMatchObject({ name: 'blob.bin', size: data.length });
    const back = Buffer.from(
      await (
        await relay(`/containers/${id}/archive?path=/tmp/upload/blob.bin`, operator)
      ).arrayBuffer(),
    );
    const dir = mkdtempSync(join(tmpdir(), 'berth-res-'));
    writeFileSync(join(dir, 'back.tar'), back);
    expect(
      execFileSync('tar', ['-xOf', join(dir, 'back.tar'), 'blob.bin'], {
        maxBuffer: 1 << 24,
      }).equals(Buffer.from(data)),
    ).toBe(true);
  });

  it('stops an upload at an entry that would leave the folder', async () => {
    const id = await createContainer('res-traversal', ['sleep', '300']);
    await engine('POST', `/containers/${id}/start`);
    const dir = mkdtempSync(join(tmpdir(), 'berth-evil-'));
    writeFileSync(join(dir, 'ok.txt'), 'fine');
    // GNU tar writes ../ names when told to (-P); Berth must refuse them
    const evil = execFileSync(
      'tar',
      [
        '-C',
        dir,
        '-cPf',
        '-',
        'ok.txt',
        `${dir}/../${dir.split('/').pop()}/ok.txt`,
        '--transform',
        's,^.*/ok.txt$,../escaped.txt,',
      ],
      { maxBuffer: 1 << 20 },
    );
    const res = await relay(`/containers/${id}/archive?path=/tmp`, operator, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/x-tar' },
      body: evil,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/climbs out of the folder/);
    const escaped = await engine('HEAD', `/containers/${id}/archive?path=/escaped.txt`);
    expect(escaped.status).toBe(404);

    // the same climb hidden in a GNU long-name record (names over 100 bytes), which the
    // engine's extraction applies: the guard must read names as the engine does
    const long = `${'d'.repeat(120)}/../../../escaped-long.txt`;
    const hidden = execFileSync(
      'tar',
      ['-C', dir, '--format=gnu', '-cPf', '-', 'ok.txt', '--transform', `s,^ok.txt$,${long},`],
      { maxBuffer: 1 << 20 },
    );
    expect(hidden.includes(Buffer.from('././@LongLink'))).toBe(true);
    const refused = await relay(`/containers/${id}/archive?path=/tmp`, operator, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/x-tar' },
      body: hidden,
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toMatch(
      /climbs out of the folder/,
    );
    expect((await engine('HEAD', `/containers/${id}/archive?path=/escaped-long.txt`)).status).toBe(
      404,
    );
  });

  it('refuses compressed uploads for non-admins (their paths cannot be checked on the fly)', async () => {
    const id = await createContainer('res-gzip', ['sleep', '300']);
    await engine('POST', `/containers/${id}/start`);
    const gz = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]);
    const res = await relay(`/containers/${id}/archive?path=/tmp`, operator, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/x-tar' },
      body: gz,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/uncompressed tar/);
  });
});

describe('images: build and prune', () => {
  it('builds from an uploaded tar context and streams the build log', async () => {
    const context = writeTar([
      {
        name: 'Dockerfile',
        data: new TextEncoder().encode(
          'FROM berth/busybox:latest\nCOPY hello.txt /hello.txt\nRUN cat /hello.txt\n',
        ),
      },
      { name: 'hello.txt', data: new TextEncoder().encode('from-the-context\n') },
    ]);
    const res = await relay('/build?t=berth-itest/built:ctx&rm=1', operator, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-tar' },
      body: context,
    });
    expect(res.status).toBe(200);
    const log = await progress(res);
    expect(log.filter((l) => l.error)).toEqual([]);
    expect(log.map((l) => (l as { stream?: string }).stream ?? '').join('')).toContain(
      'from-the-context',
    );
    expect((await engine('GET', '/images/berth-itest/built:ctx/json')).status).toBe(200);
  });

  it('prunes exactly the dangling images a preview lists', async () => {
    // make a dangling image: build the same tag twice with different content
    for (const n of [1, 2]) {
      const context = writeTar([
        {
          name: 'Dockerfile',
          data: new TextEncoder().encode(
            `FROM berth/busybox:latest\nRUN echo ${n}-${Date.now()} > /n\n`,
          ),
        },
      ]);
      await progress(
        await relay('/build?t=berth-itest/dangle:1', admin, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-tar' },
          body: context,
        }),
      );
    }
    const filters = encodeURIComponent(JSON.stringify({ dangling: ['true'] }));
    const preview = (await (
      await relay(`/images/json?filters=${filters}`, admin)
    ).json()) as Array<{ Id: string }>;
    expect(preview.length).toBeGreaterThan(0);
    const pruned = (await (
      await relay(`/images/prune?filters=${filters}`, admin, { method: 'POST' })
    ).json()) as { ImagesDeleted: Array<{ Deleted?: string }> | null };
    const deleted = new Set((pruned.ImagesDeleted ?? []).map((d) => d.Deleted).filter(Boolean));
    for (const image of preview) expect(deleted.has(image.Id)).toBe(true);
    expect(
      ((await (await relay(`/images/json?filters=${filters}`, admin)).json()) as unknown[]).length,
    ).toBe(0);
  });
});
