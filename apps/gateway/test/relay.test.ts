import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Demuxer,
  type ContainerInspect,
  type ContainerSummary,
  type EndpointSummary,
  type EngineEvent,
} from '@berth/api';
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
let auth: Record<string, string>;

function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(gateway.url);
    const req = request({ hostname, port, path, headers: auth }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
const api = (path: string, init: RequestInit = {}) =>
  fetch(`${gateway.url}${path}`, {
    ...init,
    headers: { ...auth, ...(init.headers as Record<string, string>) },
  });
const relay = (path: string, init?: RequestInit) => api(`/api/endpoints/local/docker${path}`, init);

beforeAll(async () => {
  await removeTestContainers();
  gateway = await startTestGateway();
  auth = bearer(tokenFor(gateway, 'admin'));
});

afterAll(async () => {
  await removeTestContainers();
  await gateway?.close();
});

describe('gateway routes', () => {
  it('answers health without secrets', async () => {
    const res = await api('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: expect.any(String) });
  });

  it('lists the local endpoint with its negotiated API version and kind', async () => {
    const endpoints = (await (await api('/api/endpoints')).json()) as EndpointSummary[];
    const version = await engine<{ ApiVersion: string; Version: string }>('GET', '/version');
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0]).toMatchObject({
      id: 'local',
      kind: 'docker',
      status: 'up',
      apiVersion: '1.41',
      engineVersion: version.body.Version,
      error: null,
    });
  });

  it('answers an unknown endpoint with 404 JSON', async () => {
    const res = await api('/api/endpoints/nope/docker/containers/json');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'No such endpoint: nope' });
  });

  it('answers unknown API routes with 404 JSON', async () => {
    const res = await api('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toMatch(/No such route/);
  });

  it('refuses dot segments that could walk around path checks', async () => {
    // fetch() would normalise the path; a raw request sends it as a hostile client would
    for (const path of ['/containers/%2e%2e/info', '/containers/../info', '/containers/./json']) {
      const res = await rawGet(`/api/endpoints/local/docker${path}`);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toEqual({
        message: 'The engine path may not contain "." or ".." segments.',
      });
    }
  });
});

describe('engine API relay', () => {
  it('lists exactly the containers the engine has', async () => {
    await Promise.all(
      ['relay-list-a', 'relay-list-b', 'relay-list-c'].map((n) => createContainer(n, ['true'])),
    );
    const viaBerth = (await (await relay('/containers/json?all=1')).json()) as ContainerSummary[];
    const direct = await engine<ContainerSummary[]>('GET', '/containers/json?all=1');
    expect(viaBerth.map((c) => c.Id).sort()).toEqual(direct.body.map((c) => c.Id).sort());
    expect(viaBerth.map((c) => c.Names[0])).toEqual(
      expect.arrayContaining(['/relay-list-a', '/relay-list-b', '/relay-list-c']),
    );
  });

  it('keeps the query string (filters)', async () => {
    const filters = encodeURIComponent(JSON.stringify({ name: ['relay-list-b'] }));
    const list = (await (
      await relay(`/containers/json?all=1&filters=${filters}`)
    ).json()) as ContainerSummary[];
    expect(list.map((c) => c.Names[0])).toEqual(['/relay-list-b']);
  });

  it('creates, starts, stops and removes a container on the engine', async () => {
    const created = await relay('/containers/create?name=relay-lifecycle', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        Image: 'berth/busybox:latest',
        Cmd: ['sleep', '300'],
        Labels: { 'berth.test': 'integration' },
      }),
    });
    expect(created.status).toBe(201);
    const { Id } = (await created.json()) as { Id: string };

    expect((await relay(`/containers/${Id}/start`, { method: 'POST' })).status).toBe(204);
    expect(
      (await engine<ContainerInspect>('GET', `/containers/${Id}/json`)).body.State.Running,
    ).toBe(true);

    expect((await relay(`/containers/${Id}/stop?t=1`, { method: 'POST' })).status).toBe(204);
    expect(
      (await engine<ContainerInspect>('GET', `/containers/${Id}/json`)).body.State.Running,
    ).toBe(false);

    expect((await relay(`/containers/${Id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await engine('GET', `/containers/${Id}/json`)).status).toBe(404);
  });

  it('keeps the engine status and message on errors', async () => {
    const missing = await relay('/containers/does-not-exist/json');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'No such container: does-not-exist' });

    const id = await createContainer('relay-bad-command', ['/nope']);
    const start = await relay(`/containers/${id}/start`, { method: 'POST' });
    const direct = await engine<{ message: string }>('GET', `/containers/${id}/json`);
    expect(start.status).toBeGreaterThanOrEqual(400);
    const body = (await start.json()) as { message: string };
    expect(body.message).toMatch(/executable file not found|no such file/);
    expect(direct.status).toBe(200);
  });

  it('streams request and response bodies (archive upload and download, byte for byte)', async () => {
    const id = await createContainer('relay-archive', ['sleep', '300']);
    const dir = mkdtempSync(join(tmpdir(), 'berth-archive-'));
    const payload = Buffer.alloc(256 * 1024);
    for (let i = 0; i < payload.length; i++) payload[i] = (i * 31) % 251;
    writeFileSync(join(dir, 'blob.bin'), payload);
    const tar = execFileSync('tar', ['-C', dir, '-c', 'blob.bin']);

    const put = await relay(`/containers/${id}/archive?path=/tmp`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/x-tar' },
      body: tar,
    });
    expect(put.status).toBe(200);

    const head = await relay(`/containers/${id}/archive?path=/tmp/blob.bin`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const stat = JSON.parse(
      Buffer.from(head.headers.get('x-docker-container-path-stat') ?? '', 'base64').toString(),
    ) as { size: number };
    expect(stat.size).toBe(payload.length);

    const get = await relay(`/containers/${id}/archive?path=/tmp/blob.bin`);
    expect(get.headers.get('content-type')).toBe('application/x-tar');
    const back = Buffer.from(await get.arrayBuffer());
    writeFileSync(join(dir, 'back.tar'), back);
    const extracted = execFileSync('tar', ['-xOf', join(dir, 'back.tar'), 'blob.bin'], {
      maxBuffer: 1 << 24,
    });
    expect(extracted.equals(payload)).toBe(true);
  });

  it('relays events history bounded by since/until and ends the stream', async () => {
    const since = Math.floor(Date.now() / 1000) - 1;
    const id = await createContainer('relay-events', ['true']);
    await engine('DELETE', `/containers/${id}`);
    const until = Math.floor(Date.now() / 1000) + 1;
    const res = await relay(
      `/events?since=${since}&until=${until}&filters=${encodeURIComponent(JSON.stringify({ container: [id] }))}`,
    );
    const events = (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as EngineEvent);
    expect(events.map((e) => e.Action)).toEqual(['create', 'destroy']);
  });

  it('streams live events as they happen, without buffering', async () => {
    const controller = new AbortController();
    const res = await relay(
      `/events?filters=${encodeURIComponent(JSON.stringify({ label: ['berth.test=integration'] }))}`,
      {
        signal: controller.signal,
      },
    );
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const created = createContainer('relay-live-event', ['true']);
    const { value } = await reader.read();
    const event = JSON.parse(Buffer.from(value!).toString('utf8').split('\n')[0]!) as EngineEvent;
    expect(event).toMatchObject({
      Type: 'container',
      Action: 'create',
      Actor: { ID: await created },
    });
    controller.abort();
  });

  it('streams a follow log as lines are written', async () => {
    const id = await createContainer('relay-follow', [
      'sh',
      '-c',
      'i=0; while true; do echo line-$i; i=$((i+1)); sleep 0.2; done',
    ]);
    await engine('POST', `/containers/${id}/start`);
    const controller = new AbortController();
    const res = await relay(`/containers/${id}/logs?follow=1&stdout=1&stderr=1`, {
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    const demuxer = new Demuxer();
    let stdout = '';
    const started = Date.now();
    while (stdout.split('\n').length <= 3) {
      const { value } = await reader.read();
      for (const frame of demuxer.push(value!)) stdout += new TextDecoder().decode(frame.payload);
    }
    expect(stdout.split('\n').slice(0, 3)).toEqual(['line-0', 'line-1', 'line-2']);
    // three lines 200 ms apart arrive while the stream is open, not at its end
    expect(Date.now() - started).toBeLessThan(10_000);
    controller.abort();
  });
});
