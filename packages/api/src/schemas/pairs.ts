import { z } from 'zod';

/** Rows of key/value fields (labels, driver options, env): blank keys are dropped. */
export const pairsSchema = z.array(z.object({ key: z.string(), value: z.string() }));

export type Pairs = z.infer<typeof pairsSchema>;

export function pairsToMap(rows: Pairs): Record<string, string> {
  return Object.fromEntries(
    rows.filter((row) => row.key.trim()).map((row) => [row.key.trim(), row.value]),
  );
}

export function mapToPairs(map: Record<string, string> | null | undefined): Pairs {
  return Object.entries(map ?? {}).map(([key, value]) => ({ key, value }));
}
