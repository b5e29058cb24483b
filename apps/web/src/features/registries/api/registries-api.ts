import { gatewayKeys } from '@berth/api';
import type { RegistryInput, RegistrySummary } from '@berth/api';
import { http } from '@/lib/api-client';

export const registryKeys = { all: gatewayKeys.registries };

export function createRegistry(input: RegistryInput) {
  return http.json<RegistrySummary>('/api/registries', { method: 'POST', body: input });
}

/** Leaving the password out keeps the stored one. */
export function updateRegistry(id: number, input: Partial<RegistryInput>) {
  return http.json<RegistrySummary>(`/api/registries/${id}`, { method: 'PUT', body: input });
}

export function deleteRegistry(id: number) {
  return http.json<undefined>(`/api/registries/${id}`, { method: 'DELETE' });
}

/** The engine logs in with the stored credentials (`POST /auth`); the answer is its status. */
export function testRegistryLogin(endpointId: string, id: number) {
  return http.json<{ status: string }>(
    `/api/endpoints/${encodeURIComponent(endpointId)}/registries/${id}/login`,
    { method: 'POST' },
  );
}
