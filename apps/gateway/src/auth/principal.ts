import type { LoginMethod, Role } from '@berth/api';
import { ROLES } from '@berth/api';

/** Who is calling: resolved once per request from the session cookie or a bearer token. */
export interface Principal {
  userId: number;
  username: string;
  role: Role;
  /** 'proxy': named by a trusted forward-auth proxy's headers on this very request. */
  via: 'session' | 'token' | 'proxy';
  /** How the user signed in (sessions and proxy requests; tokens have none). */
  method?: LoginMethod;
  tokenId?: number;
  /** A token's own role (the principal's role is also capped by the owner's). */
  tokenRole?: Role;
  /** The session cookie value, so logout can end exactly this session. */
  sessionSecret?: string;
}

export function lowerRole(a: Role, b: Role): Role {
  return ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express types res.locals through this global namespace
  namespace Express {
    interface Locals {
      principal?: Principal;
      /** Why a request was refused, for the audit log. */
      denial?: string;
    }
  }
}
