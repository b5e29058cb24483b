// Berth's own users, sessions, tokens and audit, as the gateway's /api routes answer them.

export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** True when `role` is at least `needed` (admin > operator > viewer). */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export interface Me {
  id: number;
  username: string;
  role: Role;
  /**
   * 'session' for a browser login, 'token' for an API token, 'proxy' for a user a trusted
   * forward-auth proxy named in its headers.
   */
  via: 'session' | 'token' | 'proxy';
  /** How the session was opened: a Berth password, the OpenID provider, or the proxy. */
  method?: 'local' | 'oidc' | 'proxy';
}

export interface SetupStatus {
  /** True until the first admin exists; then nothing but the setup page works. */
  needed: boolean;
}

export interface UserSummary {
  id: number;
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: number;
  lastLoginAt: number | null;
  /** Where the account comes from: a Berth password, an OpenID provider or a forward-auth proxy. */
  source?: 'local' | 'oidc' | 'proxy';
}

export interface TokenSummary {
  id: number;
  name: string;
  role: Role;
  owner: string;
  createdAt: number;
  lastUsedAt: number | null;
}

/** Only the create answer carries the secret, once. */
export interface CreatedToken extends TokenSummary {
  token: string;
}

export interface AuditEntry {
  id: number;
  time: number;
  username: string | null;
  role: Role | null;
  ip: string | null;
  endpoint: string | null;
  /** e.g. `ContainerStart`, `login`, `exec`, `user.create`. */
  action: string;
  /** What it acted on: a container id, a user name, a path. */
  target: string | null;
  /** HTTP status, or the outcome for sessions. */
  status: number;
  result: 'ok' | 'denied' | 'error';
  detail: string | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
}

/** Who the engine-fetch policy holds back. */
export const FETCH_POLICY_SCOPES = ['non-admins', 'everyone', 'off'] as const;
export type FetchPolicyScope = (typeof FETCH_POLICY_SCOPES)[number];

/**
 * Where a caller may send an engine to fetch from (image pulls and pushes, searches, registry
 * inspects, imports from a URL, build and plugin remotes): the engine makes those requests from
 * its own host, so an open list would let a caller reach what only that host can.
 */
export interface EngineFetchPolicy {
  appliesTo: FetchPolicyScope;
  /** Registry hosts and download hosts: `registry.example.com`, `10.0.0.5:5000`, `*.corp.example`. */
  allowedHosts: string[];
  /** Docker Hub (`docker.io`) is on the list unless an admin takes it off. */
  allowDockerHub: boolean;
}

export interface SecuritySettings {
  /** Host paths non-admins may bind-mount (prefix match on whole path segments). */
  allowedBindPaths: string[];
  engineFetch: EngineFetchPolicy;
}

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  allowedBindPaths: [],
  engineFetch: { appliesTo: 'non-admins', allowedHosts: [], allowDockerHub: true },
};
