import { EngineError, endpointKeys, JsonLines } from '@berth/api';
import type {
  StackDeployEvent,
  StackDetail,
  StackKind,
  StackPreview,
  StackSummary,
  StackVersion,
} from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import { CSRF_HEADERS, http } from '@/lib/api-client';
import { appUrl } from '@/lib/base-path';

export const stacksBase = (endpointId: string) =>
  `/api/endpoints/${encodeURIComponent(endpointId)}/stacks`;

export function stacksQueryOptions(endpointId: string) {
  return queryOptions({
    queryKey: [...endpointKeys.stacks(endpointId), 'list'] as const,
    queryFn: ({ signal }) => http.json<StackSummary[]>(stacksBase(endpointId), { signal }),
  });
}

export function stackQueryOptions(endpointId: string, name: string) {
  return queryOptions({
    queryKey: endpointKeys.stack(endpointId, name),
    queryFn: ({ signal }) =>
      http.json<StackDetail>(`${stacksBase(endpointId)}/${encodeURIComponent(name)}`, { signal }),
    retry: false,
  });
}

export function stackVersionQueryOptions(endpointId: string, name: string, version: number) {
  return queryOptions({
    queryKey: [...endpointKeys.stack(endpointId, name), 'version', version] as const,
    queryFn: ({ signal }) =>
      http.json<StackVersion>(
        `${stacksBase(endpointId)}/${encodeURIComponent(name)}/versions/${version}`,
        { signal },
      ),
    staleTime: Infinity,
  });
}

export function previewStack(
  endpointId: string,
  input: { name: string; compose: string; env: string; kind?: StackKind },
  signal?: AbortSignal,
): Promise<StackPreview> {
  return http.json<StackPreview>(`${stacksBase(endpointId)}/preview`, {
    method: 'POST',
    body: input,
    signal,
  });
}

export type StackOperation = 'start' | 'stop' | 'restart';

export function operateStack(endpointId: string, name: string, operation: StackOperation) {
  return http.json<{ message: string }>(
    `${stacksBase(endpointId)}/${encodeURIComponent(name)}/${operation}`,
    { method: 'POST' },
  );
}

export function removeStack(
  endpointId: string,
  name: string,
  options: { volumes: boolean; forget: boolean },
) {
  const query = new URLSearchParams();
  if (options.volumes) query.set('volumes', '1');
  if (options.forget) query.set('forget', '1');
  return http.json<{ message: string }>(
    `${stacksBase(endpointId)}/${encodeURIComponent(name)}?${query.toString()}`,
    { method: 'DELETE' },
  );
}

/** A refused file: the gateway's message and each problem at its line. */
export class StackRefusedError extends EngineError {
  constructor(
    status: number,
    message: string,
    readonly problems: Array<{ message: string; line?: number }>,
  ) {
    super(status, message);
  }
}

export interface DeployRequest {
  method: 'POST' | 'PUT';
  /** Below the stacks base: '' (create), '/name' (redeploy), '/name/rollback', '/name/scale'. */
  path: string;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Runs a deploy and hands each JSON line of its progress to `onEvent`. A refusal before the
 * deploy starts (invalid file, policy) throws StackRefusedError with the problems.
 */
export async function streamDeploy(
  endpointId: string,
  request: DeployRequest,
  onEvent: (event: StackDeployEvent) => void,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(appUrl(`${stacksBase(endpointId)}${request.path}`), {
      method: request.method,
      headers: { ...CSRF_HEADERS, 'Content-Type': 'application/json' },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
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
    let problems: Array<{ message: string; line?: number }> = [];
    try {
      const parsed = JSON.parse(text) as { message?: unknown; problems?: typeof problems };
      if (typeof parsed.message === 'string' && parsed.message) message = parsed.message;
      if (Array.isArray(parsed.problems)) problems = parsed.problems;
    } catch {
      // plain text: keep it
    }
    throw new StackRefusedError(response.status, message, problems);
  }
  const lines = new JsonLines<StackDeployEvent>();
  const reader = response.body?.getReader();
  if (!reader) return;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const event of lines.push(value)) onEvent(event);
  }
  for (const event of lines.end()) onEvent(event);
}
