// Create a container from the form: pull when the image is missing (if asked), create with the
// first network, connect the others, start. Each step reports, so the form can show progress.
import { EngineError, isEngineError } from '@berth/api';
import { engine } from '@/lib/api-client';
import type { CreateRequest } from './create-view-model';

export type CreateStep = 'pull' | 'create' | 'connect' | 'start';

export interface CreateProgress {
  step: CreateStep;
  detail?: string;
}

/** Pulls an image, reading the progress stream to its end; the stream's own error is thrown. */
export async function pullImage(
  endpointId: string,
  image: string,
  onLine?: (status: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  const hasTag = /:[^/]+$/.test(image) || image.includes('@');
  const response = await engine(endpointId).send('POST', '/images/create', {
    query: { fromImage: image, tag: hasTag ? undefined : 'latest' },
    signal,
  });
  const reader = response.body?.getReader();
  if (!reader) return;
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (!line) continue;
      const message = JSON.parse(line) as { status?: string; error?: string; progress?: string };
      if (message.error) throw new EngineError(500, message.error);
      if (message.status) onLine?.([message.status, message.progress].filter(Boolean).join(' '));
    }
  }
}

function isMissingImage(error: unknown): boolean {
  return isEngineError(error) && error.status === 404 && /no such image/i.test(error.message);
}

export async function createContainerFromRequest(
  endpointId: string,
  request: CreateRequest,
  options: { pullIfMissing: boolean; start: boolean },
  onProgress: (progress: CreateProgress) => void,
): Promise<string> {
  const client = engine(endpointId);
  onProgress({ step: 'create' });
  let created: { Id: string; Warnings?: string[] | null };
  try {
    created = await client.createContainer(request.body, request.name);
  } catch (error) {
    if (!options.pullIfMissing || !isMissingImage(error)) throw error;
    const image = String(request.body.Image);
    onProgress({ step: 'pull', detail: `Pulling ${image}…` });
    await pullImage(endpointId, image, (status) => onProgress({ step: 'pull', detail: status }));
    onProgress({ step: 'create' });
    created = await client.createContainer(request.body, request.name);
  }
  for (const { network, endpointConfig } of request.connectAfter) {
    onProgress({ step: 'connect', detail: network });
    await client.json('POST', '/networks/{id}/connect', {
      params: { id: network },
      body: { Container: created.Id, EndpointConfig: endpointConfig },
    });
  }
  if (options.start) {
    onProgress({ step: 'start' });
    await client.startContainer(created.Id);
  }
  return created.Id;
}
