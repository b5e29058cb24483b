import { gatewayKeys } from '@berth/api';
import type { EndpointInput, EndpointSummary, EndpointTestResult } from '@berth/api';
import type { UseMutationOptions } from '@tanstack/react-query';
import { http } from '@/lib/api-client';

export interface ImportResult {
  found: number;
  created: EndpointSummary[];
}

export const endpointAdminKeys = {
  all: gatewayKeys.endpoints,
};

const path = (id: string) => `/api/endpoints/${encodeURIComponent(id)}`;

export function createEndpoint(input: EndpointInput) {
  return http.json<EndpointSummary>('/api/endpoints', { method: 'POST', body: input });
}

/** Omitted TLS or SSH fields keep what the gateway has stored. */
export function updateEndpoint(id: string, input: EndpointInput) {
  return http.json<EndpointSummary>(path(id), { method: 'PUT', body: input });
}

export function deleteEndpoint(id: string) {
  return http.json<undefined>(path(id), { method: 'DELETE' });
}

/** Connects once without saving: kind, versions and latency, or why it failed. */
export function testEndpoint(input: Omit<EndpointInput, 'name'>) {
  return http.json<EndpointTestResult>('/api/endpoints/test', { method: 'POST', body: input });
}

/** The Docker CLI's contexts on the gateway's host; names already present are skipped. */
export function importContexts() {
  return http.json<ImportResult>('/api/endpoints/import', { method: 'POST' });
}

/** Saving adds the endpoint, or changes the one being edited; the endpoint lists change. */
export function saveEndpointMutation(
  existing: EndpointSummary | null,
): UseMutationOptions<EndpointSummary, Error, EndpointInput> {
  return {
    mutationFn: (input) => (existing ? updateEndpoint(existing.id, input) : createEndpoint(input)),
    meta: { invalidates: [endpointAdminKeys.all()] },
  };
}
