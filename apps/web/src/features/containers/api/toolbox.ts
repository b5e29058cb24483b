// The container toolbox's engine calls: top, changes, live update, commit, export.
import { endpointKeys } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import { http } from '@/lib/api-client';

export const dockerBase = (endpointId: string) =>
  `/api/endpoints/${encodeURIComponent(endpointId)}/docker`;
const containerPath = (endpointId: string, containerId: string) =>
  `${dockerBase(endpointId)}/containers/${encodeURIComponent(containerId)}`;

export interface TopResult {
  Titles: string[];
  Processes: string[][] | null;
}

export function topQueryOptions(endpointId: string, containerId: string, psArgs: string) {
  return queryOptions({
    queryKey: [...endpointKeys.container(endpointId, containerId), 'top', psArgs] as const,
    queryFn: ({ signal }) =>
      http.json<TopResult>(`${containerPath(endpointId, containerId)}/top`, {
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
      (await http.json<Change[] | null>(`${containerPath(endpointId, containerId)}/changes`, {
        signal,
      })) ?? [],
    retry: false,
  });
}

export function updateContainer(endpointId: string, containerId: string, body: object) {
  return http.json<{ Warnings?: string[] | null }>(
    `${containerPath(endpointId, containerId)}/update`,
    { method: 'POST', body },
  );
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
  const search = new URLSearchParams({ container: containerId });
  if (options.repo.trim()) search.set('repo', options.repo.trim());
  if (options.tag.trim()) search.set('tag', options.tag.trim());
  if (options.comment.trim()) search.set('comment', options.comment.trim());
  if (options.author.trim()) search.set('author', options.author.trim());
  search.set('pause', options.pause ? '1' : '0');
  // The engine takes `changes` repeated, one instruction each.
  for (const change of options.changes) search.append('changes', change);
  return http.json<{ Id: string }>(`${dockerBase(endpointId)}/commit?${search.toString()}`, {
    method: 'POST',
    body: {},
  });
}

export function exportUrl(endpointId: string, containerId: string) {
  return `${containerPath(endpointId, containerId)}/export`;
}
