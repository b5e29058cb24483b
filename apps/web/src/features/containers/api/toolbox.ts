// The container toolbox's engine calls: top, changes, live update, commit, export.
import { endpointKeys } from '@berth/api';
import type { ContainerUpdateBody } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
import { engine } from '@/lib/api-client';

export interface TopResult {
  Titles: string[];
  Processes: string[][] | null;
}

export function topQueryOptions(endpointId: string, containerId: string, psArgs: string) {
  return queryOptions({
    queryKey: [...endpointKeys.container(endpointId, containerId), 'top', psArgs] as const,
    queryFn: ({ signal }) =>
      engine(endpointId).json<TopResult>('GET', '/containers/{id}/top', {
        params: { id: containerId },
        query: { ps_args: psArgs.trim() || undefined },
        signal,
      }),
    retry: false,
  });
}

export interface Change {
  Path: string;
  /** 0 modified, 1 added, 2 deleted. */
  Kind: 0 | 1 | 2;
}

export const CHANGE_KIND = { 0: 'C', 1: 'A', 2: 'D' } as const;

export function changesQueryOptions(endpointId: string, containerId: string) {
  return queryOptions({
    queryKey: [...endpointKeys.container(endpointId, containerId), 'changes'] as const,
    queryFn: async ({ signal }) =>
      (await engine(endpointId).json<Change[] | null>('GET', '/containers/{id}/changes', {
        params: { id: containerId },
        signal,
      })) ?? [],
    retry: false,
  });
}

export function updateContainer(endpointId: string, containerId: string, body: object) {
  // pouchd answers an empty body (null here) where Docker answers `{Warnings}`.
  return engine(endpointId).json<{ Warnings?: string[] | null } | null>(
    'POST',
    '/containers/{id}/update',
    { params: { id: containerId }, body },
  );
}

/** A live resource update: the container's inspect (its HostConfig) changes. */
export function updateContainerMutation(
  endpointId: string,
  containerId: string,
): UseMutationOptions<{ Warnings?: string[] | null } | null, Error, ContainerUpdateBody> {
  return {
    mutationFn: (body) => updateContainer(endpointId, containerId, body),
    meta: { invalidates: [endpointKeys.container(endpointId, containerId)] },
  };
}

export interface CommitOptions {
  repo: string;
  tag: string;
  comment: string;
  author: string;
  pause: boolean;
  /** Dockerfile instructions, one a line (CMD, ENV, …). */
  changes: string[];
}

export function commitContainer(endpointId: string, containerId: string, options: CommitOptions) {
  const given = (value: string) => value.trim() || undefined;
  return engine(endpointId).json<{ Id: string }>('POST', '/commit', {
    query: {
      container: containerId,
      repo: given(options.repo),
      tag: given(options.tag),
      comment: given(options.comment),
      author: given(options.author),
      pause: options.pause,
      // The engine takes `changes` repeated, one instruction each.
      changes: options.changes,
    },
    body: {},
  });
}

/** Committing makes an image: the image lists change. */
export function commitContainerMutation(
  endpointId: string,
  containerId: string,
): UseMutationOptions<{ Id: string }, Error, CommitOptions> {
  return {
    mutationFn: (options) => commitContainer(endpointId, containerId, options),
    meta: { invalidates: [endpointKeys.images(endpointId)] },
  };
}

export function exportUrl(endpointId: string, containerId: string) {
  return engine(endpointId).url('/containers/{id}/export', { params: { id: containerId } });
}
