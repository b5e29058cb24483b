// The small container dialogs' view models: rename and commit.
import { z } from 'zod';

/** Docker's own rule for container names (daemon/names.go), with an optional leading slash. */
export const CONTAINER_NAME_PATTERN = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export const containerRenameSchema = z.object({
  name: z
    .string()
    .refine((name) => name.trim() !== '', 'Enter a name.')
    .refine(
      (name) => name.trim() === '' || CONTAINER_NAME_PATTERN.test(name),
      'Use at least two characters: letters, digits, and _ . - (not first).',
    )
    .transform((name) => name.replace(/^\//, '')),
});

export type ContainerRenameValues = z.input<typeof containerRenameSchema>;

/** A repository for `docker commit`: empty (an untagged image) or a lower-case reference. */
const REPOSITORY = /^[a-z0-9]+([._/:-][a-z0-9]+)*$/;

export const commitFormSchema = z.object({
  repo: z
    .string()
    .trim()
    .refine(
      (repo) => repo === '' || REPOSITORY.test(repo),
      'Lower-case letters, digits and . _ - / only.',
    ),
  tag: z
    .string()
    .trim()
    .refine(
      (tag) => tag === '' || /^[\w][\w.-]{0,127}$/.test(tag),
      'Letters, digits, _ . - (up to 128).',
    ),
  comment: z.string(),
  author: z.string(),
  pause: z.boolean(),
  /** Dockerfile instructions, one a line. */
  changes: z.string(),
});

export type CommitFormValues = z.input<typeof commitFormSchema>;

export const emptyCommitForm = (): CommitFormValues => ({
  repo: '',
  tag: '',
  comment: '',
  author: '',
  pause: true,
  changes: '',
});

/** The `POST /commit` query's options (the engine takes `changes` repeated, one a line). */
export function toCommitOptions(values: z.output<typeof commitFormSchema>) {
  return {
    repo: values.repo,
    tag: values.tag,
    comment: values.comment,
    author: values.author,
    pause: values.pause,
    changes: values.changes
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  };
}

/** The remove dialog's options (DELETE /containers/{id}?v=&force=). */
export const containerRemoveSchema = z.object({ volumes: z.boolean(), force: z.boolean() });
export type ContainerRemoveValues = z.input<typeof containerRemoveSchema>;

/** `docker top`'s ps arguments: ps options only, so nothing but ps flags reaches the engine. */
export const psArgsSchema = z.object({
  psArgs: z
    .string()
    .trim()
    .max(200, 'At most 200 characters.')
    .regex(/^[\w\s,=.:+-]*$/, 'ps options only: letters, digits and - , = . : +'),
});
export type PsArgsValues = z.input<typeof psArgsSchema>;
