import { z } from 'zod';
import { wallPairingApproveSchema } from './gateway-requests';

/** The code as the wall shows it, without the dashes and spaces people type along. */
const cleanCode = (code: string) => code.replace(/[^a-z0-9]/gi, '');

/**
 * Pairing a wall screen: the code as typed, a name (the gateway's own rule) and the layout
 * chosen in a select (an id as text; empty means the first layout offered).
 */
export const wallPairFormSchema = z.object({
  code: z.string().refine((code) => cleanCode(code).length >= 4, 'Enter the code the wall shows.'),
  name: wallPairingApproveSchema.shape.name,
  layoutId: z.string(),
});
export type WallPairFormValues = z.input<typeof wallPairFormSchema>;

/** The `POST /api/wall/pairings/approve` body (parsed there with wallPairingApproveSchema). */
export function toWallPairing(
  values: z.output<typeof wallPairFormSchema>,
  fallbackLayoutId: number | null,
): z.input<typeof wallPairingApproveSchema> {
  return {
    code: cleanCode(values.code),
    name: values.name,
    layoutId: values.layoutId ? Number(values.layoutId) : fallbackLayoutId,
  };
}
