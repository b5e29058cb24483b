import { z } from 'zod';
import { fileSchema } from './file';

/** Install or upgrade: where the plugin comes from, what to call it, whose credentials to send. */
export const pluginInstallSchema = z.object({
  remote: z.string().trim().min(1, 'Enter the remote reference, e.g. vieux/sshfs:latest'),
  alias: z.string().trim(),
  /** A saved registry's id, '' for none (anonymous). */
  registry: z.string(),
});

export type PluginInstallValues = z.input<typeof pluginInstallSchema>;

/** The `remote` (and `name`) query of `POST /plugins/pull` from the form. */
export function toPluginPullQuery(
  values: z.output<typeof pluginInstallSchema>,
): Record<string, string> {
  return { remote: values.remote, ...(values.alias ? { name: values.alias } : {}) };
}

/** Which saved registry's credentials the gateway adds (null: none). */
export const registryIdOf = (value: string): number | null => (value ? Number(value) : null);

/** Creating a plugin from a tar of config.json and rootfs/. */
export const pluginCreateSchema = z.object({
  name: z.string().trim().min(1, 'A name is required (repository[:tag]).'),
  file: fileSchema('Choose a tar holding config.json and rootfs/.'),
});

export type PluginCreateValues = z.input<typeof pluginCreateSchema>;

/** A push: the one choice is whose credentials go with it. */
export const pluginPushSchema = z.object({ registry: z.string() });

/** Enabling: how long the engine waits for the plugin's socket. */
export const pluginEnableSchema = z.object({
  timeout: z
    .string()
    .trim()
    .regex(/^\d+$/, 'A whole number of seconds.')
    .transform((value) => Number(value)),
});

export type PluginEnableValues = z.input<typeof pluginEnableSchema>;

/**
 * A plugin's settings: the settable env it declares (by name) and free lines of other settings
 * (`args=…`, `mount.source=…`).
 */
export const pluginSettingsSchema = z.object({
  env: z.record(z.string(), z.string()),
  extra: z.string(),
});

export type PluginSettingsValues = z.input<typeof pluginSettingsSchema>;

/**
 * The `POST /plugins/{name}/set` body: only the declared env that changed, as `KEY=value`, then
 * every non-blank line of the other settings.
 */
export function toPluginSettings(
  values: z.output<typeof pluginSettingsSchema>,
  before: ReadonlyArray<{ name: string; value: string }>,
): string[] {
  const changed = before
    .filter((e) => values.env[e.name] !== undefined && values.env[e.name] !== e.value)
    .map((e) => `${e.name}=${values.env[e.name]}`);
  const extra = values.extra
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return [...changed, ...extra];
}
