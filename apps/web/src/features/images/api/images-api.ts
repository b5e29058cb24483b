// Fetchers for images, one per engine call, and the stream reader for pull/push/build/load.
import {
  EngineError,
  endpointKeys,
  historySeconds,
  imageGetRequest,
  imageSaveRequest,
  JsonLines,
} from '@berth/api';
import type {
  EngineKind,
  ImageDeleteItem,
  ImageHistoryItem,
  ImageInspect,
  ImagePruneResponse,
  ImageSearchResult,
  ProgressMessage,
} from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
import { CSRF_HEADERS, http } from '@/lib/api-client';

export function engineBase(endpointId: string): string {
  return `/api/endpoints/${encodeURIComponent(endpointId)}/docker`;
}

/** Image names keep their slashes in the path (`/images/reg:5000/a/b/json`); ids are plain. */
function imagePath(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

export function inspectImageQueryOptions(endpointId: string, imageId: string) {
  return queryOptions({
    queryKey: [...endpointKeys.image(endpointId, imageId), 'inspect'],
    queryFn: ({ signal }) =>
      http.json<ImageInspect>(`${engineBase(endpointId)}/images/${imagePath(imageId)}/json`, {
        signal,
      }),
  });
}

export function imageHistoryQueryOptions(endpointId: string, imageId: string) {
  return queryOptions({
    queryKey: [...endpointKeys.image(endpointId, imageId), 'history'],
    // pouchd gives layer times in nanoseconds, Docker in seconds.
    queryFn: async ({ signal }) =>
      (
        await http.json<ImageHistoryItem[]>(
          `${engineBase(endpointId)}/images/${imagePath(imageId)}/history`,
          { signal },
        )
      ).map((layer) => ({ ...layer, Created: historySeconds(layer.Created) })),
  });
}

export function searchImagesQueryOptions(endpointId: string, term: string) {
  return queryOptions({
    queryKey: endpointKeys.imageSearch(endpointId, term),
    queryFn: ({ signal }) =>
      http.json<ImageSearchResult[]>(`${engineBase(endpointId)}/images/search`, {
        query: { term, limit: 25 },
        signal,
      }),
    enabled: term.trim().length > 0,
    retry: false,
    staleTime: 60_000,
  });
}

/** Splits `reg:5000/a/b:tag` into repo and tag (a digest or no tag gives tag ''). */
export function splitReference(reference: string): { repo: string; tag: string } {
  const at = reference.indexOf('@');
  if (at >= 0) return { repo: reference.slice(0, at), tag: '' };
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  if (colon > slash) return { repo: reference.slice(0, colon), tag: reference.slice(colon + 1) };
  return { repo: reference, tag: '' };
}

export function tagImage(endpointId: string, imageId: string, repo: string, tag: string) {
  return http.json<undefined>(`${engineBase(endpointId)}/images/${imagePath(imageId)}/tag`, {
    method: 'POST',
    query: { repo, tag: tag || undefined },
  });
}

/** Another name for the same image (`repo:tag`, `latest` when no tag is given). */
export function tagImageMutation(
  endpointId: string,
  imageId: string,
): UseMutationOptions<undefined, Error, string> {
  return {
    mutationFn: (reference) => {
      const { repo, tag } = splitReference(reference);
      return tagImage(endpointId, imageId, repo, tag || 'latest');
    },
    meta: { invalidates: [endpointKeys.images(endpointId)] },
  };
}

export function removeImage(
  endpointId: string,
  name: string,
  options: { force: boolean; noprune: boolean },
) {
  return http.json<ImageDeleteItem[]>(`${engineBase(endpointId)}/images/${imagePath(name)}`, {
    method: 'DELETE',
    query: { force: options.force, noprune: options.noprune },
  });
}

export function pruneImages(endpointId: string, all: boolean) {
  return http.json<ImagePruneResponse>(`${engineBase(endpointId)}/images/prune`, {
    method: 'POST',
    query: { filters: JSON.stringify({ dangling: [all ? 'false' : 'true'] }) },
  });
}

const imagesChanged = (endpointId: string) => [
  endpointKeys.images(endpointId),
  endpointKeys.diskUsage(endpointId),
];

/** Removing one name: a tag untags only it, an id removes the image. */
export function removeImageMutation(
  endpointId: string,
  name: string,
): UseMutationOptions<ImageDeleteItem[], Error, { force: boolean; noprune: boolean }> {
  return {
    mutationFn: (options) => removeImage(endpointId, name, options),
    meta: { invalidates: imagesChanged(endpointId) },
  };
}

/** Prune dangling images, or every unused one with `all`. */
export function pruneImagesMutation(
  endpointId: string,
): UseMutationOptions<ImagePruneResponse, Error, boolean> {
  return {
    mutationFn: (all) => pruneImages(endpointId, all),
    meta: { invalidates: imagesChanged(endpointId) },
  };
}

export interface StreamRequest {
  method?: string;
  /** Several values for one key are allowed (`t=a&t=b`, `names=a&names=b`). */
  query?: URLSearchParams;
  headers?: Record<string, string>;
  body?: BodyInit;
  signal?: AbortSignal;
}

/**
 * Sends an engine call whose answer is JSON lines, handing each line over as it arrives. A
 * refusal before the stream starts throws EngineError with the engine's message; errors inside
 * the stream arrive as `{error}` lines for the caller to show.
 */
export async function streamEngine(
  endpointId: string,
  path: string,
  request: StreamRequest,
  onMessage: (message: ProgressMessage) => void,
): Promise<void> {
  const query = request.query?.toString();
  let response: Response;
  try {
    response = await fetch(`${engineBase(endpointId)}${path}${query ? `?${query}` : ''}`, {
      method: request.method ?? 'POST',
      headers: { ...CSRF_HEADERS, ...request.headers },
      body: request.body,
      signal: request.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new EngineError(0, 'Cannot reach the Berth gateway. Check that it is running.');
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    let message = text.trim() || `HTTP ${response.status}`;
    try {
      const parsed = JSON.parse(text) as { message?: unknown };
      if (typeof parsed.message === 'string' && parsed.message) message = parsed.message;
    } catch {
      // plain text: keep it
    }
    throw new EngineError(response.status, message);
  }
  const lines = new JsonLines<ProgressMessage>();
  const reader = response.body?.getReader();
  if (!reader) return;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const message of lines.push(value)) onMessage(message);
  }
  for (const message of lines.end()) onMessage(message);
}

/**
 * Where the browser downloads these images as one tar (a plain GET the browser streams):
 * Docker's `images/get?names=…`, PouchContainer's `images/save?name=` (one image).
 */
/** Where the browser downloads one image as a tar: ImageGet on Docker, save?name= on pouchd. */
export function saveImageHref(endpointId: string, name: string, kind: EngineKind = 'docker') {
  const { path, query } = imageGetRequest(kind, name);
  const search = query.toString();
  return `${engineBase(endpointId)}${path}${search ? `?${search}` : ''}`;
}

export function saveImagesHref(endpointId: string, names: string[], kind: EngineKind = 'docker') {
  const { path, query } = imageSaveRequest(kind, names);
  return `${engineBase(endpointId)}${path}?${query.toString()}`;
}
