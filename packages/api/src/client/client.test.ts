import { describe, expect, it } from 'vitest';
import {
  auditCsvPath,
  createEngineClient,
  createGatewayClient,
  createHttp,
  encodeFilters,
  toQueryString,
} from './index';
import { EngineError } from '../errors';

function fakeFetch(status: number, body: string, type = 'application/json') {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return new Response(status === 204 ? null : body, {
      status,
      headers: { 'Content-Type': type },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

describe('query strings and filters', () => {
  it('drops undefined values and writes booleans as 1/0', () => {
    expect(toQueryString({ all: true, size: false, name: undefined, t: 5 })).toBe(
      '?all=1&size=0&t=5',
    );
    expect(toQueryString({})).toBe('');
  });

  it('encodes filters as a JSON map of arrays and omits empty ones', () => {
    expect(encodeFilters({ status: ['paused'], label: [] })).toBe('{"status":["paused"]}');
    expect(encodeFilters({ label: [] })).toBeUndefined();
  });
});

describe('engine client (against a canned gateway answer)', () => {
  it('calls the relay path of its endpoint', async () => {
    const { fetch, calls } = fakeFetch(204, '');
    const client = createEngineClient(createHttp({ fetch }), 'local');
    await client.stopContainer('abc', 3);
    expect(calls[0]?.url).toBe('/api/endpoints/local/docker/containers/abc/stop?t=3');
    expect(calls[0]?.init?.method).toBe('POST');
  });

  it('waits for an exit with POST /containers/{id}/wait and reads the exit code', async () => {
    const { fetch, calls } = fakeFetch(200, '{"StatusCode":3,"Error":null}');
    const client = createEngineClient(createHttp({ fetch }), 'local');
    expect(await client.waitContainer('a b', { condition: 'next-exit' })).toEqual({
      StatusCode: 3,
      Error: null,
    });
    expect(calls[0]?.url).toBe(
      '/api/endpoints/local/docker/containers/a%20b/wait?condition=next-exit',
    );
    expect(calls[0]?.init?.method).toBe('POST');
  });

  it("throws EngineError with the engine's status and message", async () => {
    const { fetch } = fakeFetch(409, '{"message":"container is paused"}');
    const client = createEngineClient(createHttp({ fetch }), 'local');
    const error = await client.startContainer('abc').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ status: 409, message: 'container is paused' });
  });

  it('keeps a plain-text error body as the message', async () => {
    const { fetch } = fakeFetch(500, 'boom', 'text/plain');
    const error = await createEngineClient(createHttp({ fetch }), 'local')
      .getInfo()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 500, message: 'boom' });
  });

  it('sends a read once more after a network error (a network change), never a write', async () => {
    const calls: string[] = [];
    const fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
      calls.push(init?.method ?? 'GET');
      if (calls.length === 1 || init?.method === 'POST') throw new TypeError('network changed');
      return new Response('{"ID":"x"}', { status: 200 });
    }) as typeof globalThis.fetch;
    const client = createEngineClient(createHttp({ fetch }), 'local');
    await expect(client.getInfo()).resolves.toEqual({ ID: 'x' });
    expect(calls).toEqual(['GET', 'GET']);
    await expect(client.startContainer('abc')).rejects.toMatchObject({ status: 0 });
    expect(calls).toEqual(['GET', 'GET', 'POST']);
  });

  it('says the gateway is unreachable when the network fails', async () => {
    let calls = 0;
    const fetch = (async () => {
      calls++;
      throw new TypeError('fetch failed');
    }) as typeof globalThis.fetch;
    const error = await createEngineClient(createHttp({ fetch }), 'local')
      .getInfo()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 0,
      message: expect.stringContaining('Cannot reach the Berth gateway'),
    });
    expect(calls).toBe(2);
  });
});

describe('gateway client (auth routes)', () => {
  it('posts credentials as JSON and reads Me back', async () => {
    const { fetch, calls } = fakeFetch(
      200,
      JSON.stringify({ id: 1, username: 'admin', role: 'admin', via: 'session' }),
    );
    const client = createGatewayClient(createHttp({ fetch, headers: { 'X-Berth-Csrf': '1' } }));
    const me = await client.login({ username: 'admin', password: 'harbour-lights-2026' });
    expect(me.role).toBe('admin');
    expect(calls[0]?.url).toBe('/api/auth/login');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(calls[0]?.init?.headers).toMatchObject({
      'X-Berth-Csrf': '1',
      'Content-Type': 'application/json',
    });
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({
      username: 'admin',
      password: 'harbour-lights-2026',
    });
  });

  it('writes audit filters into the query, leaving out empty ones', async () => {
    const { fetch, calls } = fakeFetch(200, JSON.stringify({ entries: [], total: 0 }));
    const client = createGatewayClient(createHttp({ fetch }));
    await client.queryAudit(
      { user: 'bob', action: '', result: 'denied', from: 1000 },
      { limit: 200, offset: 400 },
    );
    expect(calls[0]?.url).toBe('/api/audit?user=bob&result=denied&from=1000&limit=200&offset=400');
    expect(auditCsvPath({ action: 'login', q: 'x y' })).toBe('/api/audit.csv?action=login&q=x+y');
  });
});

describe('engine client paths', () => {
  it('fills path templates, encoding one segment per {param} and keeping slashes of {name*}', async () => {
    const { fetch, calls } = fakeFetch(200, '{}');
    const client = createEngineClient(createHttp({ fetch }), 'edge one');
    await client.json('GET', '/volumes/{name}', { params: { name: 'a b/c' } });
    await client.json('POST', '/images/{name*}/push', {
      params: { name: '127.0.0.1:5000/team/app' },
      query: { tag: 'v1' },
    });
    expect(calls.map((c) => c.url)).toEqual([
      '/api/endpoints/edge%20one/docker/volumes/a%20b%2Fc',
      '/api/endpoints/edge%20one/docker/images/127.0.0.1%3A5000/team/app/push?tag=v1',
    ]);
    expect(client.url('/containers/{id}/export', { params: { id: 'abc' } })).toBe(
      '/api/endpoints/edge%20one/docker/containers/abc/export',
    );
  });

  it('sends raw bodies with their content type', async () => {
    const { fetch, calls } = fakeFetch(200, '');
    const client = createEngineClient(createHttp({ fetch }), 'local');
    const tar = new Uint8Array([1, 2, 3]);
    await client.send('POST', '/images/load', { rawBody: tar, contentType: 'application/x-tar' });
    expect(calls[0]?.init?.body).toBe(tar);
    expect(calls[0]?.init?.headers).toMatchObject({ 'Content-Type': 'application/x-tar' });
  });
});
