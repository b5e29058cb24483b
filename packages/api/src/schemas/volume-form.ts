import { z } from 'zod';
import { pairsSchema, pairsToMap } from './pairs';

/** The engine's rule for volume names: two or more of letters, digits, _ . -, from a letter or digit. */
export const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** The create-volume form's view model. */
export const volumeFormSchema = z.object({
  name: z
    .string()
    .trim()
    .refine((name) => name === '' || VOLUME_NAME.test(name), {
      message: 'At least two characters: letters, digits, _ . - (starting with a letter or digit).',
    }),
  driver: z.string().trim(),
  options: pairsSchema,
  labels: pairsSchema,
});

export type VolumeFormValues = z.input<typeof volumeFormSchema>;

export const emptyVolumeForm = (): VolumeFormValues => ({
  name: '',
  driver: 'local',
  options: [],
  labels: [],
});

/** The `POST /volumes/create` body Berth sends. */
export interface VolumeCreateBody {
  Name?: string;
  Driver: string;
  DriverOpts: Record<string, string>;
  Labels: Record<string, string>;
}

/** `POST /volumes/create` body from the form (the engine names an unnamed volume itself). */
export function toVolumeCreate(values: z.output<typeof volumeFormSchema>): VolumeCreateBody {
  return {
    ...(values.name ? { Name: values.name } : {}),
    Driver: values.driver || 'local',
    DriverOpts: pairsToMap(values.options),
    Labels: pairsToMap(values.labels),
  };
}
