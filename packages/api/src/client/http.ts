import { EngineError } from '../errors';

/** A list is sent as the parameter repeated (`changes=…&changes=…`), as the engine wants it. */
export type QueryValue = string | number | boolean | undefined | readonly string[];
export type Query = Record<string, QueryValue>;

export interface ClientOptions {
  /** Origin and base path of the gateway; '' in the browser (same origin). */
  baseUrl?: string;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
}

export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value))
      for (const item of value as readonly string[]) params.append(key, item);
    else params.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Engine filters are a JSON map of string arrays: `{"status":["paused"]}`. */
export function encodeFilters(filters: Record<string, string[]>): string | undefined {
  const entries = Object.entries(filters).filter(([, values]) => values.length > 0);
  return entries.length ? JSON.stringify(Object.fromEntries(entries)) : undefined;
}

async function errorFrom(response: Response): Promise<EngineError> {
  const text = await response.text().catch(() => '');
  let message = text.trim() || response.statusText || `HTTP ${response.status}`;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'message' in parsed) {
      const candidate = (parsed as { message: unknown }).message;
      if (typeof candidate === 'string' && candidate) message = candidate;
    }
  } catch {
    // not JSON: keep the text
  }
  return new EngineError(response.status, message);
}

export interface RequestOptions {
  method?: string;
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (a tar, a file), with `contentType`; wins over `body`. */
  rawBody?: BodyInit;
  contentType?: string;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** How long a read waits before its one retry after a network error. */
export const NETWORK_RETRY_MS = 250;

const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError';

/** Low-level call to a gateway route; parses JSON, throws EngineError for any non-2xx answer. */
export function createHttp(options: ClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function send(path: string, init: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers, ...init.headers };
    let body: BodyInit | undefined;
    if (init.rawBody !== undefined) {
      headers['Content-Type'] ??= init.contentType ?? 'application/octet-stream';
      body = init.rawBody;
    } else if (init.body !== undefined) {
      headers['Content-Type'] ??= 'application/json';
      body = JSON.stringify(init.body);
    }
    const method = init.method ?? 'GET';
    const url = `${baseUrl}${path}${toQueryString(init.query)}`;
    const request = () =>
      doFetch(url, { method, headers, body, signal: init.signal, credentials: 'same-origin' });
    let response: Response;
    try {
      response = await request().catch(async (error: unknown) => {
        // Chromium fails requests in flight when the host's interfaces change (ERR_NETWORK_
        // CHANGED: a container's veth coming or going on a Docker host): a read is sent once
        // more before the gateway counts as unreachable. A write is never repeated.
        if (isAbort(error) || (method !== 'GET' && method !== 'HEAD')) throw error;
        await new Promise((resolve) => setTimeout(resolve, NETWORK_RETRY_MS));
        return request();
      });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new EngineError(0, 'Cannot reach the Berth gateway. Check that it is running.');
    }
    // 304 is the engine saying "already so" (start a running container): not a failure.
    if (!response.ok && response.status !== 304) throw await errorFrom(response);
    return response;
  }

  async function json<T>(path: string, init?: RequestOptions): Promise<T> {
    const response = await send(path, init);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    send,
    json,
    url: (path: string, query?: Query) => `${baseUrl}${path}${toQueryString(query)}`,
  };
}

export type Http = ReturnType<typeof createHttp>;
