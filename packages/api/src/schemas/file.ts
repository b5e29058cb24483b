import { z } from 'zod';

/** A picked File (a Blob), null until one is chosen; `message` when it is still missing. */
export const fileSchema = (message: string) =>
  z
    .custom<Blob | null>((value) => value === null || value instanceof Blob)
    .transform((file, ctx) => {
      if (file) return file;
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    });
