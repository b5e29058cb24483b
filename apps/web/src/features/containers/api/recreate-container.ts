// Recreate: replace a container with one made from the (edited) form, keeping its name. The old
// one is only removed once the new one runs; any failure before that puts the old one back.
import type { ContainerInspect } from '@berth/api';
import { engine } from '@/lib/api-client';
import { createContainerFromRequest } from './create-container';
import type { CreateRequest } from './create-view-model';

export type Report = (progress: { step: string; detail?: string }) => void;

export async function recreateContainer(
  endpointId: string,
  old: ContainerInspect,
  request: CreateRequest,
  options: { pullIfMissing: boolean; start: boolean },
  report: Report,
): Promise<string> {
  const client = engine(endpointId);
  const oldName = old.Name.replace(/^\//, '');
  const parked = `${oldName}-old-${Math.floor(Date.now() / 1000)}`;
  const wasRunning = old.State.Running;

  if (wasRunning) {
    report({ step: `Stopping ${oldName}` });
    await client.stopContainer(old.Id);
  }
  report({ step: `Renaming ${oldName}`, detail: `to ${parked}` });
  try {
    await client.renameContainer(old.Id, parked);
  } catch (error) {
    if (wasRunning) await client.startContainer(old.Id).catch(() => undefined);
    throw error;
  }

  let createdId: string;
  try {
    createdId = await createContainerFromRequest(
      endpointId,
      { ...request, name: request.name ?? oldName },
      options,
      (p) => report({ step: `New container: ${p.step}`, detail: p.detail }),
    );
  } catch (error) {
    report({ step: 'Failed: putting the old container back' });
    // The create may have made a container before a later step (connect, start) failed.
    const leftover = await client.inspectContainer(request.name ?? oldName).catch(() => null);
    if (leftover && leftover.Id !== old.Id) {
      await client.removeContainer(leftover.Id, { force: true }).catch(() => undefined);
    }
    await client.renameContainer(old.Id, oldName).catch(() => undefined);
    if (wasRunning) await client.startContainer(old.Id).catch(() => undefined);
    throw error;
  }

  report({ step: `Removing the old container`, detail: parked });
  await client.removeContainer(old.Id, { force: true });
  return createdId;
}
