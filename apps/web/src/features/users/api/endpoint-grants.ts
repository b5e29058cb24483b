import { gatewayKeys } from '@berth/api';
import type { Role } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import { http } from '@/lib/api-client';

/** A role on one endpoint; a user with any grants sees only those endpoints. */
export interface EndpointGrant {
  endpoint: string;
  role: Role;
}

export const grantKeys = {
  user: (userId: number) => [...gatewayKeys.users(), userId, 'endpoints'] as const,
};

export function grantsQueryOptions(userId: number) {
  return queryOptions({
    queryKey: grantKeys.user(userId),
    queryFn: ({ signal }) =>
      http.json<{ grants: EndpointGrant[] }>(`/api/users/${userId}/endpoints`, { signal }),
    staleTime: 0,
  });
}

export function putGrants(userId: number, grants: EndpointGrant[]) {
  return http.json<{ grants: EndpointGrant[] }>(`/api/users/${userId}/endpoints`, {
    method: 'PUT',
    body: { grants },
  });
}
