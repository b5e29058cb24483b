import { registryHostOfServer, roleAtLeast, type Role } from '@berth/api';
import { HttpError } from '../http/errors';
import type { RegistryStore } from '../store/registries';
import type { EngineFetch } from './engine-fetches';

/** Go's base64.URLEncoding (with padding), which the engine decodes registry headers with. */
function engineBase64(value: unknown): string {
  return Buffer.from(JSON.stringify(value))
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

export interface SavedCredentialsRequest {
  /** The `X-Berth-Registry` header: a saved registry's id. */
  registryId: string;
  /** The audit/route name of the call, for messages. */
  action: string;
  op: string | undefined;
  role: Role;
  fetches: readonly EngineFetch[];
}

/**
 * The engine headers that carry a saved registry's credentials, for a call that goes to that
 * registry and no other. Credentials are bound to their registry's host: a call naming any other
 * host is refused (403, both hosts named) before anything reaches the engine, so a caller cannot
 * have the engine hand a saved password to a server of their choosing. Viewers get them only
 * for registries an admin opened to viewers.
 */
export function savedCredentialHeaders(
  registries: RegistryStore,
  request: SavedCredentialsRequest,
): Record<string, string> {
  const id = Number(request.registryId);
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new HttpError(400, 'X-Berth-Registry must be the id of a saved registry.');
  const saved = registries.byId(id);
  const auth = saved && registries.credentials(id);
  if (!saved || !auth) throw new HttpError(404, `No saved registry with id ${id}.`);
  if (!roleAtLeast(request.role, 'operator') && !saved.viewers) {
    throw new HttpError(
      403,
      `The credentials of saved registry ${saved.name} are not for viewers; an admin can allow it on the Registries page.`,
    );
  }
  const toRegistries = request.fetches.filter((f) => f.kind === 'registry');
  if (!toRegistries.length) {
    throw new HttpError(
      400,
      `${request.action} contacts no registry, so saved credentials (X-Berth-Registry) are not sent with it.`,
    );
  }
  const host = registryHostOfServer(saved.server);
  const elsewhere = toRegistries.find((f) => f.host !== host);
  if (elsewhere) {
    throw new HttpError(
      403,
      `Saved registry ${saved.name} is for ${host}, but ${elsewhere.key} points at ${elsewhere.host ?? 'no readable host'}; its credentials go only to ${host}. Choose the registry that matches, or none.`,
    );
  }
  // A build sends credentials per registry (for its FROM lines); the engine picks by host.
  if (request.op === 'ImageBuild')
    return { 'x-registry-config': engineBase64({ [saved.server]: auth }) };
  return { 'x-registry-auth': engineBase64(auth) };
}
