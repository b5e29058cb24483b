import { toQueryString } from './http';
import type { Http, Query } from './http';
import type {
  AuditEntry,
  AuditPage,
  CreatedToken,
  Me,
  Role,
  SecuritySettings,
  SetupStatus,
  TokenSummary,
  UserSummary,
} from '../gateway/auth-types';
import type { EndpointSummary, Health } from '../gateway/types';
import type { LoginMethods, SsoSettings } from '../gateway/sso-types';
import type { SsoSettingsInput } from '../schemas/sso-form';

export interface Credentials {
  username: string;
  password: string;
}

export interface NewUser extends Credentials {
  role: Role;
}

export interface UserPatch {
  role?: Role;
  password?: string;
  disabled?: boolean;
}

export interface NewToken {
  name: string;
  role: Role;
}

/** The audit log's filters, as `/api/audit` and `/api/audit.csv` take them. */
export interface AuditFilters {
  user?: string;
  /** Substring of the action (`login`, `Container`, `user.`). */
  action?: string;
  endpoint?: string;
  result?: AuditEntry['result'];
  /** Milliseconds since the epoch, inclusive. */
  from?: number;
  to?: number;
  /** Free text over target and detail. */
  q?: string;
}

function auditQuery(filters: AuditFilters): Query {
  return {
    user: filters.user || undefined,
    action: filters.action || undefined,
    endpoint: filters.endpoint || undefined,
    result: filters.result,
    from: filters.from,
    to: filters.to,
    q: filters.q || undefined,
  };
}

/** Where the browser downloads the audit log as CSV with these filters (a plain GET link). */
export function auditCsvPath(filters: AuditFilters): string {
  return `/api/audit.csv${toQueryString(auditQuery(filters))}`;
}

/** Typed calls to the gateway's own routes. */
export function createGatewayClient(http: Http) {
  const send = <T>(path: string, method: string, body?: unknown) =>
    http.json<T>(path, { method, body });
  return {
    getHealth: () => http.json<Health>('/api/health'),
    listEndpoints: () => http.json<EndpointSummary[]>('/api/endpoints'),

    getSetupStatus: (signal?: AbortSignal) => http.json<SetupStatus>('/api/auth/setup', { signal }),
    /** Creates the first admin and logs in as them. */
    setup: (input: Credentials) => send<Me>('/api/auth/setup', 'POST', input),
    login: (input: Credentials) => send<Me>('/api/auth/login', 'POST', input),
    /** An OIDC session's answer says where the provider's own logout is; others are empty. */
    logout: () => send<{ endSessionUrl: string } | undefined>('/api/auth/logout', 'POST'),
    getLoginMethods: (signal?: AbortSignal) =>
      http.json<LoginMethods>('/api/auth/methods', { signal }),
    getMe: (signal?: AbortSignal) => http.json<Me>('/api/auth/me', { signal }),

    listUsers: (signal?: AbortSignal) => http.json<UserSummary[]>('/api/users', { signal }),
    createUser: (input: NewUser) => send<UserSummary>('/api/users', 'POST', input),
    updateUser: (id: number, patch: UserPatch) =>
      send<UserSummary>(`/api/users/${id}`, 'PATCH', patch),
    deleteUser: (id: number) => send<undefined>(`/api/users/${id}`, 'DELETE'),

    listTokens: (signal?: AbortSignal) => http.json<TokenSummary[]>('/api/tokens', { signal }),
    createToken: (input: NewToken) => send<CreatedToken>('/api/tokens', 'POST', input),
    revokeToken: (id: number) => send<undefined>(`/api/tokens/${id}`, 'DELETE'),

    queryAudit: (
      filters: AuditFilters,
      page: { limit: number; offset: number },
      signal?: AbortSignal,
    ) =>
      http.json<AuditPage>('/api/audit', {
        query: { ...auditQuery(filters), limit: page.limit, offset: page.offset },
        signal,
      }),

    getSecuritySettings: (signal?: AbortSignal) =>
      http.json<SecuritySettings>('/api/settings/security', { signal }),
    putSecuritySettings: (settings: Partial<SecuritySettings>) =>
      send<SecuritySettings>('/api/settings/security', 'PUT', settings),
    getSsoSettings: (signal?: AbortSignal) =>
      http.json<SsoSettings>('/api/settings/sso', { signal }),
    putSsoSettings: (settings: SsoSettingsInput) =>
      send<SsoSettings>('/api/settings/sso', 'PUT', settings),
  };
}

export type GatewayClient = ReturnType<typeof createGatewayClient>;
