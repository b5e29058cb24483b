import { matchEngineRoute, roleAtLeast } from '@berth/api';
import type { Me, Role } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { meQueryOptions } from '@/lib/queries';

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
 * Whether the current user may make an engine call, by the same route table the gateway enforces
 * (`roleCanCall`). The UI hides what is not allowed; the gateway is the guard either way.
 */
export function useEnginePermission(): (method: string, path: string) => Permission {
  const me = useMe();
  return useCallback(
    (method: string, path: string) => {
      const needed = matchEngineRoute(method, path)?.route.role ?? 'admin';
      return { allowed: me ? roleAtLeast(me.role, needed) : false, needed };
    },
    [me],
  );
}
