// Fetchers for images, one per engine call, and the stream reader for pull/push/build/load.
import {
  endpointKeys,
  historySeconds,
  imageGetRequest,
  imageSaveRequest,
  readJsonLines,
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
import { engine, http } from '@/lib/api-client';

export function inspectImageQueryOptions(endpointId: string, imageId: string) {
  return queryOptions({
    queryKey: [...endpointKeys.image(endpointId, imageId), 'inspect'],
    queryFn: ({ signal }) =>
      engine(endpointId).json<ImageInspect>('GET', '/images/{name*}/json', {
        params: { name: imageId },
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
        await engine(endpointId).json<ImageHistoryItem[]>('GET', '/images/{name*}/history', {
          params: { name: imageId },
          signal,
        })
      ).map((layer) => ({ ...layer, Created: historySeconds(layer.Created) })),
  });
}

export function searchImagesQueryOptions(endpointId: string, term: string) {
  return queryOptions({
    queryKey: endpointKeys.imageSearch(endpointId, term),
    queryFn: ({ signal }) =>
      engine(endpointId).json<ImageSearchResult[]>('GET', '/images/search', {
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
  return engine(endpointId).json<undefined>('POST', '/images/{name*}/tag', {
    params: { name: imageId },
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
  return engine(endpointId).json<ImageDeleteItem[]>('DELETE', '/images/{name*}', {
    params: { name },
    query: { force: options.force, noprune: options.noprune },
  });
}

export function pruneImages(endpointId: string, all: boolean) {
  return engine(endpointId).json<ImagePruneResponse>('POST', '/images/prune', {
    query: { filters: JSON.stringify({ dangling: [all ? 'false' : 'true'] }) },
  });
}

/** What a change of images makes stale: the list and the disk usage. */
export const imagesChanged = (endpointId: string) => [
  endpointKeys.images(endpointId),
  endpointKeys.diskUsage(endpointId),
];

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
  const response = await http.send(engine(endpointId).at(path, request.query), {
    method: request.method ?? 'POST',
    headers: request.headers,
    rawBody: request.body,
    signal: request.signal,
  });
  await readJsonLines(response, onMessage);
}

/** Where the browser downloads one image as a tar: ImageGet on Docker, save?name= on pouchd. */
export function saveImageHref(endpointId: string, name: string, kind: EngineKind = 'docker') {
  const { path, query } = imageGetRequest(kind, name);
  return engine(endpointId).at(path, query);
}

/**
 * Where the browser downloads these images as one tar (a plain GET the browser streams):
 * Docker's `images/get?names=…`, PouchContainer's `images/save?name=` (one image).
 */
export function saveImagesHref(endpointId: string, names: string[], kind: EngineKind = 'docker') {
  const { path, query } = imageSaveRequest(kind, names);
  return engine(endpointId).at(path, query);
}
