import { normalizeContainerStatus, toImageSummaries } from '../adapters/pouch';
import type { EnginePath } from '../engine/routes';
import type {
  ContainerCreateResponse,
  ContainerInspect,
  ContainerSummary,
  ContainerWaitResponse,
  EngineEvent,
  ImageSummary,
  Network,
  SystemInfo,
  SystemVersion,
  VolumeList,
  WaitCondition,
} from '../engine/types';
import type { Http, Query, RequestOptions } from './http';

/** The `{name}` parts of a path template, as an object of strings. */
type ParamsOf<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? { [K in Name extends `${infer Bare}*` ? Bare : Name]: string } & ParamsOf<Rest>
  : unknown;

/** Path parameters are required exactly when the template has some. */
export type EngineCallOptions<P extends EnginePath> = Omit<RequestOptions, 'method'> &
  (P extends `${string}{${string}` ? { params: ParamsOf<P> } : { params?: undefined });

/**
 * A template with its parameters filled in: `{id}` is one encoded segment, `{name*}` may span
 * several (image and plugin names have slashes; each segment is encoded, the slashes kept).
 */
export function fillEnginePath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)(\*?)\}/g, (_match, name: string, many: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${template}: no value for {${name}}`);
    return many ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
  });
}

export type RemoveContainerOptions = { force?: boolean; volumes?: boolean };

/**
 * Typed calls to one engine through the gateway's relay: the one place the browser builds a
 * relay URL. Paths are the templates of the route table (`/containers/{id}/start`), so a call the
 * references do not have is a type error; streams (pull progress, logs, exports) come back as the
 * Response; uploads (tars) go as raw bodies.
 */
export function createEngineClient(http: Http, endpointId: string) {
  const base = `/api/endpoints/${encodeURIComponent(endpointId)}/docker`;
  const target = <P extends EnginePath>(path: P, params?: Record<string, string>) =>
    `${base}${fillEnginePath(path, params)}`;

  /** The response as is: for streams, downloads and bodies that are not JSON. */
  function send<P extends EnginePath>(
    method: string,
    path: P,
    options: EngineCallOptions<P> = {} as EngineCallOptions<P>,
  ): Promise<Response> {
    const { params, ...init } = options as RequestOptions & { params?: Record<string, string> };
    return http.send(target(path, params), { ...init, method });
  }

  /** A JSON answer (undefined for an empty one: 204, 304). */
  function json<T, P extends EnginePath = EnginePath>(
    method: string,
    path: P,
    options: EngineCallOptions<P> = {} as EngineCallOptions<P>,
  ): Promise<T> {
    const { params, ...init } = options as RequestOptions & { params?: Record<string, string> };
    return http.json<T>(target(path, params), { ...init, method });
  }

  /** A URL the browser opens itself: a download link (`export`, `get`, an archive). */
  function url<P extends EnginePath>(
    path: P,
    options: { query?: Query } & (P extends `${string}{${string}`
      ? { params: ParamsOf<P> }
      : { params?: undefined }),
  ): string {
    return http.url(
      target(path, options.params as Record<string, string> | undefined),
      options.query,
    );
  }

  /**
   * The relay URL of a path already filled in, with its query: for the calls an adapter spells
   * per engine (image save and load, push), whose path is not one template.
   */
  function at(path: string, query?: URLSearchParams): string {
    const search = query?.toString();
    return `${http.url(`${base}${path}`)}${search ? `?${search}` : ''}`;
  }

  const post = <P extends EnginePath>(path: P, options: EngineCallOptions<P>) =>
    json<undefined, P>('POST', path, options);

  return {
    endpointId,
    send,
    json,
    url,
    at,

    getInfo: (signal?: AbortSignal) => json<SystemInfo>('GET', '/info', { signal }),
    getVersion: (signal?: AbortSignal) => json<SystemVersion>('GET', '/version', { signal }),

    listContainers: (
      query: { all?: boolean; filters?: string; size?: boolean } = {},
      signal?: AbortSignal,
    ) => json<ContainerSummary[]>('GET', '/containers/json', { query, signal }),
    inspectContainer: async (containerId: string, signal?: AbortSignal) => {
      const inspect = await json<ContainerInspect>('GET', '/containers/{id}/json', {
        params: { id: containerId },
        signal,
      });
      // pouchd's `stopped` (after an API stop) is Docker's `exited`.
      inspect.State.Status = normalizeContainerStatus(inspect.State.Status);
      return inspect;
    },
    createContainer: (body: object, name?: string) =>
      json<ContainerCreateResponse>('POST', '/containers/create', { query: { name }, body }),
    startContainer: (id: string) => post('/containers/{id}/start', { params: { id } }),
    stopContainer: (id: string, t?: number) =>
      post('/containers/{id}/stop', { params: { id }, query: { t } }),
    restartContainer: (id: string, t?: number) =>
      post('/containers/{id}/restart', { params: { id }, query: { t } }),
    killContainer: (id: string, signal?: string) =>
      post('/containers/{id}/kill', { params: { id }, query: { signal } }),
    pauseContainer: (id: string) => post('/containers/{id}/pause', { params: { id } }),
    unpauseContainer: (id: string) => post('/containers/{id}/unpause', { params: { id } }),
    renameContainer: (id: string, name: string) =>
      post('/containers/{id}/rename', { params: { id }, query: { name } }),
    /**
     * Blocks until the container stops and resolves with its exit code (ContainerWait). The
     * relay holds the call open as long as it takes; abort the signal to stop waiting. pouchd
     * knows no `condition`: leave it out there.
     */
    waitContainer: (
      id: string,
      options: { condition?: WaitCondition; signal?: AbortSignal } = {},
    ) =>
      json<ContainerWaitResponse>('POST', '/containers/{id}/wait', {
        params: { id },
        query: { condition: options.condition },
        signal: options.signal,
      }),
    removeContainer: (id: string, options: RemoveContainerOptions = {}) =>
      json<undefined>('DELETE', '/containers/{id}', {
        params: { id },
        query: { force: options.force, v: options.volumes },
      }),

    // pouchd answers with full image details: the adapter makes summaries of them.
    listImages: async (
      query: { all?: boolean; filters?: string } = {},
      signal?: AbortSignal,
    ): Promise<ImageSummary[]> =>
      toImageSummaries(await json<unknown[] | null>('GET', '/images/json', { query, signal })),
    listNetworks: (signal?: AbortSignal) => json<Network[]>('GET', '/networks', { signal }),
    listVolumes: (signal?: AbortSignal) => json<VolumeList>('GET', '/volumes', { signal }),

    /**
     * Past events between `since` and `until` (unix seconds). With `until` the engine ends the
     * stream, so this resolves; the body is one JSON object per line.
     */
    listEvents: async (
      query: { since: number; until: number; filters?: string },
      signal?: AbortSignal,
    ): Promise<EngineEvent[]> => {
      const response = await send('GET', '/events', { query, signal });
      const text = await response.text();
      return text
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as EngineEvent);
    },
  };
}

export type EngineClient = ReturnType<typeof createEngineClient>;
