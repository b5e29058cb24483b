import { z } from 'zod';

/** A repository name as the engine takes it: lowercase path components, an optional registry host. */
const REPOSITORY =
  /^(?:[a-z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;

/**
 * The import-image form (ImageCreate with `fromSrc`): a root filesystem tarball uploaded from
 * the browser (`fromSrc=-`) or fetched by the engine from a URL, named `repo:tag`, with an
 * optional commit message and Dockerfile instructions (`changes`, one a line).
 */
export const imageImportSchema = z
  .object({
    source: z.enum(['upload', 'url']),
    /** The tarball picked in the browser (an upload); the gateway never sees this form. */
    file: z.custom<Blob | null>((value) => value === null || value instanceof Blob),
    url: z.string().trim(),
    repo: z
      .string()
      .trim()
      .refine((repo) => repo === '' || REPOSITORY.test(repo), {
        message: 'Lowercase letters, digits and . _ - / (a registry host may come first).',
      }),
    tag: z
      .string()
      .trim()
      .refine((tag) => tag === '' || TAG.test(tag), {
        message: 'Up to 128 letters, digits, _ . - (not starting with . or -).',
      }),
    message: z.string().trim(),
    changes: z.string(),
  })
  .superRefine((values, ctx) => {
    if (values.source === 'upload' && !values.file)
      ctx.addIssue({ code: 'custom', path: ['file'], message: 'Choose a tarball to upload.' });
    if (values.source === 'url' && !/^https?:\/\/[^\s/]+\S*$/.test(values.url))
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: 'An http:// or https:// address the engine can reach.',
      });
    if (values.tag && !values.repo)
      ctx.addIssue({ code: 'custom', path: ['repo'], message: 'A tag needs a repository.' });
  });

export type ImageImportValues = z.input<typeof imageImportSchema>;
export type ImageImportParsed = z.output<typeof imageImportSchema>;

export const emptyImageImport = (): ImageImportValues => ({
  source: 'upload',
  file: null,
  url: '',
  repo: '',
  tag: '',
  message: '',
  changes: '',
});

/** The query of `POST /images/create` for this import (the body is the tarball for an upload). */
export function toImageImportQuery(values: z.output<typeof imageImportSchema>): URLSearchParams {
  const query = new URLSearchParams({ fromSrc: values.source === 'upload' ? '-' : values.url });
  if (values.repo) query.set('repo', values.repo);
  if (values.tag) query.set('tag', values.tag);
  if (values.message) query.set('message', values.message);
  for (const line of values.changes.split('\n'))
    if (line.trim()) query.append('changes', line.trim());
  return query;
}
