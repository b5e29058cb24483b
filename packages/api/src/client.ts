import type {
  ContainerCreateResponse,
  ContainerInspect,
  ContainerSummary,
  EngineEvent,
  ImageSummary,
  Network,
  SystemInfo,
  SystemVersion,
  VolumeList,
} from './engine/types';
import { normalizeContainerStatus, toImageSummaries } from './adapters/pouch';
import { EngineError } from './errors';
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
} from './gateway/auth-types';
import type { EndpointSummary, Health } from './gateway/types';

export type QueryValue = string | number | boolean | undefined;
export type Query = Record<string, QueryValue>;

export interface ClientOptions {
  /** Origin and base path of the gateway; '' in the browser (same origin). */
  baseUrl?: string;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
}

export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    params.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Engine filters are a JSON map of string arrays: `{"status":["paused"]}`. */
export function encodeFilters(filters: Record<string, string[]>): string | undefined {
  const entries = Object.entries(filters).filter(([, values]) => values.length > 0);
  return entries.length ? JSON.stringify(Object.fromEntries(entries)) : undefined;
}

async function errorFrom(response: Response): Promise<EngineError> {
  const text = await response.text().catch(() => '');
  let message = text.trim() || response.statusText || `HTTP ${response.status}`;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'message' in parsed) {
      const candidate = (parsed as { message: unknown }).message;
      if (typeof candidate === 'string' && candidate) message = candidate;
    }
  } catch {
    // not JSON: keep the text
  }
  return new EngineError(response.status, message);
}

export interface RequestOptions {
  method?: string;
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** Low-level call to a gateway route; parses JSON, throws EngineError for any non-2xx answer. */
export function createHttp(options: ClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function send(path: string, init: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers, ...init.headers };
    let body: BodyInit | undefined;
    if (init.body !== undefined) {
      headers['Content-Type'] ??= 'application/json';
      body = JSON.stringify(init.body);
    }
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}${toQueryString(init.query)}`, {
        method: init.method ?? 'GET',
        headers,
        body,
        signal: init.signal,
        credentials: 'same-origin',
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') throw error;
      throw new EngineError(0, 'Cannot reach the Berth gateway. Check that it is running.');
    }
    // 304 is the engine saying "already so" (start a running container): not a failure.
    if (!response.ok && response.status !== 304) throw await errorFrom(response);
    return response;
  }

  async function json<T>(path: string, init?: RequestOptions): Promise<T> {
    const response = await send(path, init);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return { send, json };
}

export type Http = ReturnType<typeof createHttp>;

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
    logout: () => send<undefined>('/api/auth/logout', 'POST'),
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
  };
}

export type GatewayClient = ReturnType<typeof createGatewayClient>;

export type RemoveContainerOptions = { force?: boolean; volumes?: boolean };

/** Typed calls to one engine through the gateway's relay. One endpoint, one fetcher. */
export function createEngineClient(http: Http, endpointId: string) {
  const base = `/api/endpoints/${encodeURIComponent(endpointId)}/docker`;
  const id = encodeURIComponent;
  const call = <T>(path: string, init?: RequestOptions) => http.json<T>(`${base}${path}`, init);
  const post = (path: string, query?: Query, body?: unknown) =>
    call<undefined>(path, { method: 'POST', query, body });

  return {
    endpointId,
    getInfo: (signal?: AbortSignal) => call<SystemInfo>('/info', { signal }),
    getVersion: (signal?: AbortSignal) => call<SystemVersion>('/version', { signal }),

    listContainers: (
      query: { all?: boolean; filters?: string; size?: boolean } = {},
      signal?: AbortSignal,
    ) => call<ContainerSummary[]>('/containers/json', { query, signal }),
    inspectContainer: async (containerId: string, signal?: AbortSignal) => {
      const inspect = await call<ContainerInspect>(`/containers/${id(containerId)}/json`, {
        signal,
      });
      // pouchd's `stopped` (after an API stop) is Docker's `exited`.
      inspect.State.Status = normalizeContainerStatus(inspect.State.Status);
      return inspect;
    },
    createContainer: (body: object, name?: string) =>
      call<ContainerCreateResponse>('/containers/create', {
        method: 'POST',
        query: { name },
        body,
      }),
    startContainer: (containerId: string) => post(`/containers/${id(containerId)}/start`),
    stopContainer: (containerId: string, t?: number) =>
      post(`/containers/${id(containerId)}/stop`, { t }),
    restartContainer: (containerId: string, t?: number) =>
      post(`/containers/${id(containerId)}/restart`, { t }),
    killContainer: (containerId: string, signal?: string) =>
      post(`/containers/${id(containerId)}/kill`, { signal }),
    pauseContainer: (containerId: string) => post(`/containers/${id(containerId)}/pause`),
    unpauseContainer: (containerId: string) => post(`/containers/${id(containerId)}/unpause`),
    renameContainer: (containerId: string, name: string) =>
      post(`/containers/${id(containerId)}/rename`, { name }),
    removeContainer: (containerId: string, options: RemoveContainerOptions = {}) =>
      call<undefined>(`/containers/${id(containerId)}`, {
        method: 'DELETE',
        query: { force: options.force, v: options.volumes },
      }),

    // pouchd answers with full image details: the adapter makes summaries of them.
    listImages: async (
      query: { all?: boolean; filters?: string } = {},
      signal?: AbortSignal,
    ): Promise<ImageSummary[]> =>
      toImageSummaries(await call<unknown[] | null>('/images/json', { query, signal })),
    listNetworks: (signal?: AbortSignal) => call<Network[]>('/networks', { signal }),
    listVolumes: (signal?: AbortSignal) => call<VolumeList>('/volumes', { signal }),

    /**
     * Past events between `since` and `until` (unix seconds). With `until` the engine ends the
     * stream, so this resolves; the body is one JSON object per line.
     */
    listEvents: async (
      query: { since: number; until: number; filters?: string },
      signal?: AbortSignal,
    ): Promise<EngineEvent[]> => {
      const response = await http.send(`${base}/events`, { query, signal });
      const text = await response.text();
      return text
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as EngineEvent);
    },
  };
}

export type EngineClient = ReturnType<typeof createEngineClient>;
