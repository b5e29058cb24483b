// The image forms' view models: tag, pull, push, load, search and build (the build's query too).
import { z } from 'zod';
import { fileSchema } from './file';

const present = (message: string) => z.string().trim().min(1, message);

export const imageTagSchema = z.object({
  reference: present('Enter a repository and tag, e.g. myapp:1.0'),
});
export type ImageTagValues = z.input<typeof imageTagSchema>;

export const imagePullSchema = z.object({
  reference: present('Enter an image reference, e.g. alpine or registry:5000/team/app.'),
  /** Used when the reference has none. */
  tag: z.string().trim(),
  /** A saved registry's id, '' for none. */
  registry: z.string(),
});
export type ImagePullValues = z.input<typeof imagePullSchema>;

export const imagePushSchema = z.object({
  tag: present('Choose the tag to push.'),
  registry: z.string(),
});
export type ImagePushValues = z.input<typeof imagePushSchema>;

/**
 * Loading a tar. PouchContainer names the loaded image from `?name=` (its OCI tar carries none),
 * so there the name is required.
 */
export function imageLoadSchema(needsName: boolean) {
  return z.object({
    file: fileSchema('Choose an image archive (.tar).'),
    name: z
      .string()
      .trim()
      .refine((name) => !needsName || name !== '', {
        message: 'Name the image: PouchContainer would call it unknown/unknown.',
      })
      .refine((name) => !/\s/.test(name), { message: 'An image name has no spaces.' }),
  });
}
export type ImageLoadValues = z.input<ReturnType<typeof imageLoadSchema>>;

export const imageSearchSchema = z.object({ term: z.string().trim() });
export type ImageSearchValues = z.input<typeof imageSearchSchema>;

/** `KEY=VALUE` lines (blank lines and `#` comments skipped); a line without `=` is an error. */
export function parsePairs(text: string): { pairs: Record<string, string>; error: string | null } {
  const pairs: Record<string, string> = {};
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) return { pairs, error: `Line ${index + 1}: write KEY=VALUE.` };
    pairs[line.slice(0, eq).trim()] = line.slice(eq + 1);
  }
  return { pairs, error: null };
}

export function splitTags(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

const pairLines = z.string().superRefine((text, ctx) => {
  const { error } = parsePairs(text);
  if (error) ctx.addIssue({ code: 'custom', message: error });
});

export const BUILD_SOURCES = ['dockerfile', 'tar', 'remote'] as const;

/** The build page's form: where the context comes from, then the build's options. */
export const buildFormSchema = z
  .object({
    source: z.enum(BUILD_SOURCES),
    dockerfile: z.string(),
    /** The context archive when `source` is `tar`. */
    file: z.custom<Blob | null>((value) => value === null || value instanceof Blob),
    remote: z.string().trim(),
    /** Path of the Dockerfile inside an uploaded context or repository ('' = Dockerfile). */
    dockerfilePath: z.string().trim(),
    tags: z.string(),
    buildArgs: pairLines,
    labels: pairLines,
    target: z.string().trim(),
    nocache: z.boolean(),
    pull: z.boolean(),
  })
  .superRefine((form, ctx) => {
    if (form.source === 'dockerfile' && !form.dockerfile.trim())
      ctx.addIssue({ code: 'custom', path: ['dockerfile'], message: 'Write a Dockerfile first.' });
    if (form.source === 'tar' && !form.file)
      ctx.addIssue({
        code: 'custom',
        path: ['file'],
        message: 'Choose a tar archive of the build context.',
      });
    if (form.source === 'remote' && !/^(https?:\/\/|git@|git:\/\/)/.test(form.remote))
      ctx.addIssue({
        code: 'custom',
        path: ['remote'],
        message: 'Enter a Git repository or an HTTP(S) URL of a context or Dockerfile.',
      });
  });

export type BuildFormValues = z.input<typeof buildFormSchema>;

export const emptyBuildForm = (): BuildFormValues => ({
  source: 'dockerfile',
  dockerfile: 'FROM berth/busybox:latest\n',
  file: null,
  remote: '',
  dockerfilePath: '',
  tags: '',
  buildArgs: '',
  labels: '',
  target: '',
  nocache: false,
  pull: false,
});

/** `POST /build`'s query from the form (tags repeat as `t`; args and labels are JSON). */
export function toBuildQuery(form: z.output<typeof buildFormSchema>): URLSearchParams {
  const query = new URLSearchParams();
  for (const tag of splitTags(form.tags)) query.append('t', tag);
  const args = parsePairs(form.buildArgs).pairs;
  if (Object.keys(args).length) query.set('buildargs', JSON.stringify(args));
  const labels = parsePairs(form.labels).pairs;
  if (Object.keys(labels).length) query.set('labels', JSON.stringify(labels));
  if (form.target) query.set('target', form.target);
  if (form.nocache) query.set('nocache', '1');
  if (form.pull) query.set('pull', '1');
  if (form.source === 'remote') query.set('remote', form.remote);
  if (form.source !== 'dockerfile' && form.dockerfilePath)
    query.set('dockerfile', form.dockerfilePath);
  // Remove intermediate containers even when a step fails, as `docker build` does.
  query.set('rm', '1');
  query.set('forcerm', '1');
  return query;
}
