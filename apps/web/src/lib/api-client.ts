// The one place the browser talks to the gateway. Auth (CSRF header, 401 handling) plugs in here.
import { createEngineClient, createGatewayClient, createHttp } from '@berth/api';
import type { EngineClient } from '@berth/api';

export const http = createHttp();

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
