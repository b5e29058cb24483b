// The one place the browser talks to the gateway. Every request carries the CSRF header (the
// gateway wants it, or a same-origin Origin, on mutations); a 401 is handled in the query client.
import { createEngineClient, createGatewayClient, createHttp } from '@berth/api';
import type { EngineClient } from '@berth/api';
import { basePath } from './base-path';

/** A foreign page cannot set a custom header without a CORS preflight, which Berth never grants. */
export const CSRF_HEADERS = { 'X-Berth-Csrf': '1' } as const;

export const http = createHttp({ baseUrl: basePath, headers: { ...CSRF_HEADERS } });

export const gateway = createGatewayClient(http);

const engines = new Map<string, EngineClient>();

/** The typed Engine API client for one endpoint (memoised: one endpoint, one fetcher). */
export function engine(endpointId: string): EngineClient {
  let client = engines.get(endpointId);
  if (!client) {
    client = createEngineClient(http, endpointId);
    engines.set(endpointId, client);
  }
  return client;
}
