// PouchContainer's `POST /daemon/update` form: the daemon's labels (one key=value a line) and
// its image proxy. The body goes through the gateway's relay as it is; the rules apply here.
import { z } from 'zod';

function labelLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function isHttpUrl(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}

export const daemonUpdateFormSchema = z.object({
  labels: z.string().superRefine((text, ctx) => {
    const bad = labelLines(text).find((line) => !/^[^=\s][^=]*=.*$/.test(line));
    if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `"${bad}" is not key=value.` });
  }),
  imageProxy: z
    .string()
    .trim()
    .refine(
      (proxy) => proxy === '' || isHttpUrl(proxy),
      'An http:// or https:// address, e.g. http://proxy.example.com:3128.',
    ),
});
export type DaemonUpdateFormValues = z.input<typeof daemonUpdateFormSchema>;

/** The DaemonUpdateConfig body: only what the form sets (an empty proxy is left as it is). */
export function toDaemonUpdate(values: DaemonUpdateFormValues) {
  const proxy = values.imageProxy.trim();
  return { Labels: labelLines(values.labels), ...(proxy ? { ImageProxy: proxy } : {}) };
}
