// The harness's second private engine (BERTH_E2E_SECOND_ENGINE, a unix:// socket): fleet and wall
// specs add it to Berth as an endpoint and start containers on it straight over its socket.
import type { APIRequestContext } from '@playwright/test';
import type { EndpointSummary } from '@berth/api';
import { engineRequest, IDLE_CMD, IMAGE, uniqueName } from './engine';

export const SECOND_ENGINE = process.env.BERTH_E2E_SECOND_ENGINE;

function secondEngine<T>(method: string, path: string, body?: unknown) {
  if (!SECOND_ENGINE?.startsWith('unix://'))
    throw new Error('BERTH_E2E_SECOND_ENGINE is not set to a unix:// socket');
  return engineRequest<T>(method, path, body, SECOND_ENGINE);
}

/** Creates (and starts) a container on the second engine; returns its name and id. */
export async function runOnSecondEngine(label: string): Promise<{ id: string; name: string }> {
  const name = uniqueName(label);
  const created = await secondEngine<{ Id: string }>(
    'POST',
    `/containers/create?name=${encodeURIComponent(name)}`,
    { Image: IMAGE, Cmd: IDLE_CMD, Labels: { 'berth.e2e': '1' }, HostConfig: {} },
  );
  if (created.status !== 201)
    throw new Error(`create ${name}: ${created.status} ${JSON.stringify(created.body)}`);
  const started = await secondEngine('POST', `/containers/${created.body.Id}/start`);
  if (started.status !== 204) throw new Error(`start ${name}: ${started.status}`);
  return { id: created.body.Id, name };
}

export async function removeFromSecondEngine(idOrName: string): Promise<void> {
  await secondEngine('DELETE', `/containers/${idOrName}?force=1`);
}

/** Adds the second engine to Berth through the admin API; returns its summary. */
export async function addSecondEndpoint(
  api: APIRequestContext,
  label: string,
): Promise<EndpointSummary> {
  const response = await api.post('/api/endpoints', {
    data: { name: uniqueName(label), url: SECOND_ENGINE },
  });
  if (response.status() !== 201)
    throw new Error(`add endpoint: ${response.status()} ${await response.text()}`);
  return (await response.json()) as EndpointSummary;
}

export async function removeEndpoint(api: APIRequestContext, id: string): Promise<void> {
  const response = await api.delete(`/api/endpoints/${encodeURIComponent(id)}`);
  if (response.status() !== 204 && response.status() !== 404)
    throw new Error(`remove endpoint ${id}: ${response.status()} ${await response.text()}`);
}
