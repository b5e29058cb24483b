import type { z } from 'zod';
import { HttpError } from './errors';

/** Parses a request body; the first problem becomes a 400 with a sentence naming the field. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'body';
  throw new HttpError(400, `${field}: ${issue?.message ?? 'is invalid'}`);
}

export function parseId(value: unknown): number {
  const id = typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new HttpError(400, 'The id must be a positive whole number.');
  return id;
}
