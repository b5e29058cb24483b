import { EngineError, endpointKeys, fillEnginePath, readJsonLines } from '@berth/api';
import type { Plugin, PluginPrivilege, ProgressMessage } from '@berth/api';
import { queryOptions } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
import { engine, http } from '@/lib/api-client';

export function pluginsQueryOptions(endpointId: string) {
  return queryOptions({
    queryKey: [...endpointKeys.plugins(endpointId), 'list'],
    queryFn: ({ signal }) => engine(endpointId).json<Plugin[]>('GET', '/plugins', { signal }),
  });
}

/** PluginInspect: the installed plugin as the engine has it (settings, config, enabled). */
export function pluginInspectQueryOptions(endpointId: string, plugin: string) {
  return queryOptions({
    queryKey: [...endpointKeys.plugins(endpointId), 'inspect', plugin],
    queryFn: ({ signal }) =>
      engine(endpointId).json<Plugin>('GET', '/plugins/{name*}/json', {
        params: { name: plugin },
        signal,
      }),
  });
}

/** A saved registry's credentials are added by the gateway; the browser only names it. */
const registryHeaders = (registryId: number | null): Record<string, string> =>
  registryId === null ? {} : { 'X-Berth-Registry': String(registryId) };

export function getPrivileges(endpointId: string, remote: string, registryId: number | null) {
  return engine(endpointId).json<PluginPrivilege[] | null>('GET', '/plugins/privileges', {
    query: { remote },
    headers: registryHeaders(registryId),
  });
}

export function enablePlugin(endpointId: string, plugin: string, timeout: number) {
  return engine(endpointId).json('POST', '/plugins/{name*}/enable', {
    params: { name: plugin },
    query: { timeout },
  });
}

export function disablePlugin(endpointId: string, plugin: string) {
  return engine(endpointId).json('POST', '/plugins/{name*}/disable', { params: { name: plugin } });
}

export function setPlugin(endpointId: string, plugin: string, settings: string[]) {
  return engine(endpointId).json('POST', '/plugins/{name*}/set', {
    params: { name: plugin },
    body: settings,
  });
}

export function removePlugin(endpointId: string, plugin: string, force: boolean) {
  return engine(endpointId).json('DELETE', '/plugins/{name*}', {
    params: { name: plugin },
    query: { force: force || undefined },
  });
}

export async function createPlugin(endpointId: string, plugin: string, tar: Blob) {
  await engine(endpointId).send('POST', '/plugins/create', {
    query: { name: plugin },
    rawBody: tar,
    contentType: 'application/x-tar',
  });
}

/**
 * Pull, upgrade and push answer with JSON-lines progress; an `{error}` line is a failure even
 * though the HTTP status was 200, so it is thrown with the engine's words.
 */
export async function pluginStream(
  endpointId: string,
  path: string,
  query: Record<string, string>,
  registryId: number | null,
  body: unknown,
  onMessage: (message: ProgressMessage) => void,
): Promise<void> {
  const response = await http.send(engine(endpointId).at(path, new URLSearchParams(query)), {
    method: 'POST',
    headers: registryHeaders(registryId),
    body,
  });
  let error: string | undefined;
  await readJsonLines<ProgressMessage>(response, (message) => {
    if (message.error) error = message.errorDetail?.message ?? message.error;
    onMessage(message);
  });
  if (error) throw new EngineError(500, error);
}

/** `KEY=value` settings of a plugin whose config marks them settable, with their current value. */
export function settableEnv(
  plugin: Plugin,
): Array<{ name: string; description: string; value: string }> {
  const current = new Map(
    plugin.Settings.Env.map((e) => {
      const at = e.indexOf('=');
      return [at === -1 ? e : e.slice(0, at), at === -1 ? '' : e.slice(at + 1)] as const;
    }),
  );
  return (plugin.Config.Env ?? [])
    .filter((e) => e.Settable?.includes('value'))
    .map((e) => ({
      name: e.Name,
      description: e.Description,
      value: current.get(e.Name) ?? e.Value,
    }));
}

export function pluginTypes(plugin: Plugin): string {
  return plugin.Config.Interface.Types.map((t) =>
    typeof t === 'string' ? t : `${t.Prefix}.${t.Capability}/${t.Version}`,
  ).join(', ');
}

const invalidatesPlugins = (endpointId: string) => ({
  invalidates: [endpointKeys.plugins(endpointId)],
});

/** A progress line of pull, upgrade or push, as shown in the dialog. */
export type ProgressLine = (line: string) => void;

const progressLine =
  (onLine: ProgressLine) =>
  (message: ProgressMessage): void => {
    if (message.status) onLine(`${message.id ? `${message.id}: ` : ''}${message.status}`);
  };

export interface PrivilegesRequest {
  remote: string;
  registryId: number | null;
}

/** What the engine says a plugin would be granted; nothing changes yet. */
export function pluginPrivilegesMutation(
  endpointId: string,
): UseMutationOptions<PluginPrivilege[], Error, PrivilegesRequest> {
  return {
    mutationFn: async ({ remote, registryId }) =>
      (await getPrivileges(endpointId, remote, registryId)) ?? [],
  };
}

export interface InstallRequest {
  /** `remote` (and `name`) for a pull; `remote` for an upgrade. */
  query: Record<string, string>;
  registryId: number | null;
  /** Exactly the privileges the admin accepted. */
  privileges: PluginPrivilege[];
}

/** Pull a new plugin, or upgrade `upgrade` in place, streaming progress to `onLine`. */
export function installPluginMutation(
  endpointId: string,
  upgrade: string | undefined,
  onLine: ProgressLine,
): UseMutationOptions<void, Error, InstallRequest> {
  return {
    mutationFn: ({ query, registryId, privileges }) =>
      pluginStream(
        endpointId,
        upgrade ? fillEnginePath('/plugins/{name*}/upgrade', { name: upgrade }) : '/plugins/pull',
        upgrade ? { remote: query.remote ?? '' } : query,
        registryId,
        privileges,
        progressLine(onLine),
      ),
    meta: invalidatesPlugins(endpointId),
  };
}

export function pushPluginMutation(
  endpointId: string,
  plugin: string,
  onLine: ProgressLine,
): UseMutationOptions<void, Error, number | null> {
  return {
    mutationFn: (registryId) =>
      pluginStream(
        endpointId,
        fillEnginePath('/plugins/{name*}/push', { name: plugin }),
        {},
        registryId,
        undefined,
        progressLine(onLine),
      ),
  };
}

export function createPluginMutation(
  endpointId: string,
): UseMutationOptions<void, Error, { name: string; file: Blob }> {
  return {
    mutationFn: ({ name: plugin, file }) => createPlugin(endpointId, plugin, file),
    meta: invalidatesPlugins(endpointId),
  };
}

export function enablePluginMutation(
  endpointId: string,
  plugin: string,
): UseMutationOptions<unknown, Error, number> {
  return {
    mutationFn: (timeout) => enablePlugin(endpointId, plugin, timeout),
    meta: invalidatesPlugins(endpointId),
  };
}

/** Disabling needs no questions: a failure is a toast. */
export function disablePluginMutation(
  endpointId: string,
): UseMutationOptions<unknown, Error, string> {
  return {
    mutationFn: (plugin) => disablePlugin(endpointId, plugin),
    meta: { errorTitle: 'Could not disable the plugin', ...invalidatesPlugins(endpointId) },
  };
}

export function setPluginMutation(
  endpointId: string,
  plugin: string,
): UseMutationOptions<unknown, Error, string[]> {
  return {
    mutationFn: (settings) => setPlugin(endpointId, plugin, settings),
    meta: invalidatesPlugins(endpointId),
  };
}
