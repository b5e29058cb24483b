import { gatewayKeys } from '@berth/api';
import type { SecuritySettings } from '@berth/api';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { gateway } from '@/lib/api-client';

export function securitySettingsQueryOptions() {
  return queryOptions({
    queryKey: gatewayKeys.securitySettings(),
    queryFn: ({ signal }) => gateway.getSecuritySettings(signal),
  });
}

export function useSaveSecuritySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: Partial<SecuritySettings>) => gateway.putSecuritySettings(settings),
    meta: { errorTitle: 'Could not save the security settings' },
    onSuccess: (saved) => queryClient.setQueryData(gatewayKeys.securitySettings(), saved),
  });
}

/** `/srv/data/` and `/srv//data` are `/srv/data`; the gateway compares whole segments. */
export function normaliseHostPath(path: string): string {
  const trimmed = path.trim().replace(/\/{2,}/g, '/');
  return trimmed.length > 1 ? trimmed.replace(/\/+$/, '') : trimmed;
}

/** Why a host path cannot be allowed, or null. */
export function hostPathProblem(path: string, existing: readonly string[]): string | null {
  const normal = normaliseHostPath(path);
  if (!normal) return 'Enter a host path.';
  if (!normal.startsWith('/')) return 'Use an absolute path, starting with /.';
  if (normal.includes('\0')) return 'A path cannot contain a NUL character.';
  if (normal.split('/').some((segment) => segment === '.' || segment === '..'))
    return 'Write the path without . or .. segments.';
  if (existing.includes(normal)) return `${normal} is already allowed.`;
  return null;
}

const HOST_ENTRY = /^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/;

/** Why a host cannot be added to the engine-fetch list, or null (the gateway's own rule). */
export function fetchHostProblem(host: string, existing: readonly string[]): string | null {
  const normal = host.trim().toLowerCase();
  if (!normal) return 'Enter a host name or address.';
  if (/^[a-z]+:\/\//.test(normal)) return 'Enter the host alone, without http:// or https://.';
  if (normal.includes('/')) return 'Enter the host alone, without a path.';
  if (!HOST_ENTRY.test(normal))
    return 'Use a host name or address with an optional :port, e.g. registry.example.com, 10.0.0.5:5000 or *.corp.example.';
  if (existing.includes(normal)) return `${normal} is already on the list.`;
  return null;
}
