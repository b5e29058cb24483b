import { z } from 'zod';
import { registryInputSchema } from './gateway-requests';

/**
 * The registry dialog: the gateway's own body schema (registryInputSchema), except that an edit
 * may leave the password blank to keep the stored one.
 */
export const registryFormSchema = (editing: boolean) =>
  editing ? registryInputSchema.extend({ password: z.string().max(4096) }) : registryInputSchema;

export type RegistryFormValues = z.input<typeof registryInputSchema>;

/** An edit's `PUT` body: a blank password is left out, so the stored one stays. */
export function toRegistryPatch(
  values: z.output<ReturnType<typeof registryFormSchema>>,
): Partial<z.output<typeof registryInputSchema>> {
  const { password, ...rest } = values;
  return password ? { ...rest, password } : rest;
}
