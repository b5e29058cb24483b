// PouchContainer-only container calls: checkpoints (CRIU) and in-place upgrade. The UI offers
// them only when the endpoint's engine has them (useCapabilities).
import { endpointKeys } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import { engine } from '@/lib/api-client';
import { splitShellWords } from './shell-words';

/**
 * pouchd lists checkpoints as their names (`null` when there are none); the reference's
 * `Checkpoint` object (`CheckpointName`) is read too so either shape shows.
 */
export function checkpointNames(body: unknown): string[] {
  if (!Array.isArray(body)) return [];
  return body
    .map((item: unknown) =>
      typeof item === 'string'
        ? item
        : item && typeof item === 'object' && 'CheckpointName' in item
          ? String((item as { CheckpointName: unknown }).CheckpointName)
          : '',
    )
    .filter(Boolean);
}

export function checkpointsQueryOptions(endpointId: string, containerId: string, dir: string) {
  return queryOptions({
    queryKey: [...endpointKeys.container(endpointId, containerId), 'checkpoints', dir] as const,
    queryFn: async ({ signal }) =>
      checkpointNames(
        await engine(endpointId).json<unknown>('GET', '/containers/{id}/checkpoints', {
          params: { id: containerId },
          query: { checkpointdir: dir.trim() || undefined },
          signal,
        }),
      ),
    retry: false,
  });
}

export interface CheckpointInput {
  id: string;
  dir: string;
  /** Stop the container once the checkpoint is written. */
  exit: boolean;
}

/** A checkpoint name CRIU and pouchd accept: a plain file name. */
export function validateCheckpointId(id: string): string | null {
  if (!id.trim()) return 'Name the checkpoint.';
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id.trim()))
    return 'Letters, digits, ".", "_" and "-" only, starting with a letter or digit.';
  return null;
}

export function validateCheckpointDir(dir: string): string | null {
  if (dir.trim() && !dir.trim().startsWith('/')) return 'An absolute path on the engine host.';
  return null;
}

/** The body of `POST /containers/{id}/checkpoints` (CheckpointCreateOptions). */
export function checkpointCreateBody(input: CheckpointInput) {
  return {
    CheckpointID: input.id.trim(),
    ...(input.dir.trim() ? { CheckpointDir: input.dir.trim() } : {}),
    Exit: input.exit,
  };
}

export function createCheckpoint(endpointId: string, containerId: string, input: CheckpointInput) {
  return engine(endpointId).json<undefined>('POST', '/containers/{id}/checkpoints', {
    params: { id: containerId },
    body: checkpointCreateBody(input),
  });
}

export function deleteCheckpoint(
  endpointId: string,
  containerId: string,
  checkpoint: string,
  dir: string,
) {
  return engine(endpointId).json<undefined>('DELETE', '/containers/{id}/checkpoints/{checkpoint}', {
    params: { id: containerId, checkpoint },
    query: { dir: dir.trim() || undefined },
  });
}

/** `start?checkpoint=`: start a stopped container from the state saved in a checkpoint. */
export function startFromCheckpoint(
  endpointId: string,
  containerId: string,
  checkpoint: string,
  dir: string,
) {
  return engine(endpointId).json<undefined>('POST', '/containers/{id}/start', {
    params: { id: containerId },
    query: { checkpoint, 'checkpoint-dir': dir.trim() || undefined },
  });
}

export interface UpgradeInput {
  image: string;
  /** Shell words; empty keeps the container's own. */
  cmd: string;
  entrypoint: string;
}

export interface UpgradeErrors {
  image?: string;
  cmd?: string;
  entrypoint?: string;
}

export function validateUpgrade(input: UpgradeInput, currentImage: string): UpgradeErrors {
  const errors: UpgradeErrors = {};
  const image = input.image.trim();
  if (!image) errors.image = 'Name the new image.';
  else if (/\s/.test(image)) errors.image = 'An image reference has no spaces.';
  // pouchd refuses "image not changed"; say so before asking.
  else if (sameImage(image, currentImage))
    errors.image = 'This is the image the container runs: an upgrade needs a different one.';
  for (const field of ['cmd', 'entrypoint'] as const) {
    try {
      splitShellWords(input[field]);
    } catch (error) {
      errors[field] = error instanceof Error ? error.message : 'Not a valid command line.';
    }
  }
  return errors;
}

function sameImage(a: string, b: string) {
  const norm = (ref: string) => {
    const short = ref
      .replace(/^registry\.hub\.docker\.com\/library\//, '')
      .replace(/^docker\.io\/library\//, '');
    return /:[^/]+$/.test(short) || short.includes('@') ? short : `${short}:latest`;
  };
  return norm(a) === norm(b);
}

/** The body of `POST /containers/{id}/upgrade` (ContainerUpgradeConfig). */
export function upgradeBody(input: UpgradeInput) {
  const cmd = splitShellWords(input.cmd);
  const entrypoint = splitShellWords(input.entrypoint);
  return {
    Image: input.image.trim(),
    ...(cmd.length ? { Cmd: cmd } : {}),
    ...(entrypoint.length ? { Entrypoint: entrypoint } : {}),
  };
}

export function upgradeContainer(endpointId: string, containerId: string, input: UpgradeInput) {
  return engine(endpointId).json<undefined>('POST', '/containers/{id}/upgrade', {
    params: { id: containerId },
    body: upgradeBody(input),
  });
}
