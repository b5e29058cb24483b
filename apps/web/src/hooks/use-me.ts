import { matchEngineRoute, roleAtLeast } from '@berth/api';
import type { Me, Role } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useCallback } from 'react';
import { endpointsQueryOptions, findEndpoint, meQueryOptions } from '@/lib/queries';

/** The logged-in user; the app's guard loads it before any page renders. */
export function useMe(): Me | undefined {
  const { data } = useQuery(meQueryOptions());
  return data ?? undefined;
}

export interface Permission {
  allowed: boolean;
  /** The least role that may do it, for "needs the operator role" hints. */
  needed: Role;
}

/**
 * The user's role on the endpoint in the URL: an admin may have given them a role on some
 * endpoints only (the gateway says which in each endpoint summary); elsewhere their own role.
 */
export function useEndpointRole(): Role | undefined {
  const me = useMe();
  const { endpointId } = useParams({ strict: false });
  const endpoints = useQuery({ ...endpointsQueryOptions(), enabled: Boolean(endpointId) });
  if (!me) return undefined;
  return (endpointId && findEndpoint(endpoints.data, endpointId)?.role) || me.role;
}

/**
 * Whether the current user may make an engine call on this endpoint, by the same route table
 * the gateway enforces (`roleCanCall`). The UI hides what is not allowed; the gateway is the
 * guard either way.
 */
export function useEnginePermission(): (method: string, path: string) => Permission {
  const role = useEndpointRole();
  return useCallback(
    (method: string, path: string) => {
      const needed = matchEngineRoute(method, path)?.route.role ?? 'admin';
      return { allowed: role ? roleAtLeast(role, needed) : false, needed };
    },
    [role],
  );
}
