import { gatewayKeys } from '@berth/api';
import type {
  Health,
  WallDeviceSummary,
  WallLayoutConfig,
  WallLayoutSummary,
  WallPairingState,
} from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
import { http } from '@/lib/api-client';

export const wallKeys = {
  all: () => [...gatewayKeys.all, 'wall'] as const,
  layouts: () => [...wallKeys.all(), 'layouts'] as const,
  devices: () => [...wallKeys.all(), 'devices'] as const,
};

export function layoutsQueryOptions() {
  return queryOptions({
    queryKey: wallKeys.layouts(),
    queryFn: ({ signal }) => http.json<WallLayoutSummary[]>('/api/wall/layouts', { signal }),
  });
}

export function devicesQueryOptions() {
  return queryOptions({
    queryKey: wallKeys.devices(),
    queryFn: ({ signal }) => http.json<WallDeviceSummary[]>('/api/wall/devices', { signal }),
    refetchInterval: 10_000,
  });
}

export function saveLayout(id: number | null, input: { name: string; config: WallLayoutConfig }) {
  return id === null
    ? http.json<WallLayoutSummary>('/api/wall/layouts', { method: 'POST', body: input })
    : http.json<WallLayoutSummary>(`/api/wall/layouts/${id}`, { method: 'PUT', body: input });
}

export function deleteLayout(id: number) {
  return http.json<undefined>(`/api/wall/layouts/${id}`, { method: 'DELETE' });
}

export function revokeDevice(id: number) {
  return http.json<undefined>(`/api/wall/devices/${id}`, { method: 'DELETE' });
}

export function approvePairing(input: { code: string; name: string; layoutId: number | null }) {
  return http.json<WallDeviceSummary>('/api/wall/pairings/approve', {
    method: 'POST',
    body: input,
  });
}

/** Approving a code makes a device: the devices list changes. */
export function approvePairingMutation(): UseMutationOptions<
  WallDeviceSummary,
  Error,
  Parameters<typeof approvePairing>[0]
> {
  return { mutationFn: approvePairing, meta: { invalidates: [wallKeys.devices()] } };
}

export interface Pairing {
  secret: string;
  code: string;
  expiresAt: number;
}

/** The wall asks to be paired; it keeps the secret and shows the code. */
export function startPairing() {
  return http.json<Pairing>('/api/wall/pairings', { method: 'POST' });
}

/** Pending (202) until an admin approves; then the answer sets the wall's session cookie. */
export function pairingState(secret: string) {
  return http.json<WallPairingState>('/api/wall/pairings/state', {
    method: 'POST',
    body: { secret },
  });
}

export function getHealth(signal?: AbortSignal) {
  return http.json<Health>('/api/health', { signal });
}

/** A wall's address may pin a layout: `/wall?layout=3`. */
export function parseWallSearch(search: Record<string, unknown>): { layout?: number } {
  const layout = Number(search.layout);
  return Number.isInteger(layout) && layout > 0 ? { layout } : {};
}
