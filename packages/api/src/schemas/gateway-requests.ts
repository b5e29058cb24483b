// Bodies of the gateway's own routes, as zod schemas: the gateway parses requests with them
// (a bad field is a 400 naming it) and the browser's forms validate with the same ones, so a
// form and the gateway never disagree about what is valid.
import { z } from 'zod';
import { FETCH_POLICY_SCOPES, ROLES } from '../gateway/auth-types';
import { PASSWORD_MAX_LENGTH, passwordProblem, usernameProblem } from '../gateway/password-policy';
import { wallLayoutConfig } from '../gateway/wall';

export const roleSchema = z.enum(ROLES, { message: `Choose one of ${ROLES.join(', ')}` });

const required = (what: string, max: number) =>
  z
    .string({ message: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .max(max);

/** Logging in: what was typed, checked only for presence (the password rules are for new ones). */
export const credentialsSchema = z.object({
  username: required('your user name', 64),
  password: z
    .string({ message: 'Enter your password' })
    .min(1, 'Enter your password')
    .max(PASSWORD_MAX_LENGTH),
});

/** A new account (first admin, or an admin adding one): name and password rules apply. */
export const newAccountSchema = z
  .object({
    username: required('a user name', 64).refine((name) => usernameProblem(name) === null, {
      message: usernameProblem('') ?? 'Invalid user name',
    }),
    password: z.string({ message: 'Enter a password' }),
  })
  .superRefine((input, ctx) => {
    const problem = passwordProblem(input.password, input.username);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });

export const newUserSchema = newAccountSchema.and(z.object({ role: roleSchema }));

export const userPatchSchema = z.object({
  role: roleSchema.optional(),
  password: z.string().max(PASSWORD_MAX_LENGTH).optional(),
  disabled: z.boolean().optional(),
});

export const newTokenSchema = z.object({
  name: required('a name for the token', 100),
  role: roleSchema,
});

export const registryInputSchema = z.object({
  name: required('a name', 100),
  server: required('the registry address, e.g. registry.example.com', 300),
  username: z.string({ message: 'Enter the user name' }).min(1, 'Enter the user name').max(200),
  password: z
    .string({ message: 'Enter the password or access token' })
    .min(1, 'Enter the password or access token')
    .max(4096),
  viewers: z.boolean().optional(),
});

/** An edit: every field optional, a blank password keeps the stored one. */
export const registryPatchSchema = registryInputSchema.partial();

const HOST_ENTRY = /^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/;

export const engineFetchPolicySchema = z.object({
  appliesTo: z.enum(FETCH_POLICY_SCOPES, {
    message: `must be one of ${FETCH_POLICY_SCOPES.join(', ')}`,
  }),
  allowedHosts: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(
          HOST_ENTRY,
          'must be host names or addresses, with an optional :port (e.g. registry.example.com, 10.0.0.5:5000, *.corp.example)',
        ),
    )
    .max(200),
  allowDockerHub: z.boolean(),
});

/** Each part optional: what is left out keeps its saved value. */
export const securitySettingsInputSchema = z.object({
  allowedBindPaths: z
    .array(z.string().regex(/^\/[^\0]*$/, 'must be absolute host paths'))
    .max(100)
    .optional(),
  engineFetch: engineFetchPolicySchema.optional(),
});

const pem = z
  .string()
  .max(64 * 1024)
  .regex(/-----BEGIN [A-Z ]+-----/, 'must be PEM text (-----BEGIN …-----)');

export const ENDPOINT_URL =
  /^(unix:\/\/\/.+|tcp:\/\/[^/\s]+:\d+|ssh:\/\/([^@/\s]+@)?[^@/\s:]+(:\d+)?(\/\S*)?)$/;

export const endpointInputSchema = z
  .object({
    name: required('a name', 100),
    url: z
      .string()
      .trim()
      .regex(
        ENDPOINT_URL,
        'must look like unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host',
      ),
    tls: z
      .object({
        verify: z.boolean(),
        ca: pem.optional(),
        cert: pem.optional(),
        key: pem.optional(),
      })
      .nullable()
      .optional(),
    ssh: z
      .object({
        privateKey: z
          .string()
          .max(64 * 1024)
          .regex(/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'must be a private key (-----BEGIN …)')
          .optional(),
        passphrase: z.string().max(1024).optional(),
        // '' clears a pinned key, so the next connection pins the one the server shows.
        hostKey: z
          .string()
          .trim()
          .regex(/^(SHA256:[A-Za-z0-9+/]{43}=?)?$/, 'must be a SHA256:… fingerprint')
          // ssh-keygen prints it unpadded; a pasted base64 "=" must not make a mismatch
          .transform((key) => key.replace(/=+$/, ''))
          .optional(),
      })
      .nullable()
      .optional(),
  })
  .refine((input) => !input.tls || input.url.startsWith('tcp://'), {
    message: 'TLS settings apply to tcp:// addresses only',
    path: ['tls'],
  })
  .refine((input) => !input.ssh || input.url.startsWith('ssh://'), {
    message: 'SSH settings apply to ssh:// addresses only',
    path: ['ssh'],
  });

export const endpointGrantsSchema = z.object({
  grants: z.array(z.object({ endpoint: z.string().min(1), role: roleSchema })).max(500),
});

export const wallLayoutInputSchema = z.object({
  name: required('a name', 100),
  config: wallLayoutConfig,
});

export const wallPairingApproveSchema = z.object({
  code: z.string().trim().min(4, 'Enter the code the screen shows').max(12),
  name: required('a name for the screen', 60),
  layoutId: z.number().int().positive().nullable(),
});

/** Compose project names as compose allows them: lower-case letters, digits, `-` and `_`. */
export const stackNameSchema = z
  .string({ message: 'Enter a stack name' })
  .trim()
  .min(1, 'Enter a stack name')
  .max(63)
  .regex(
    /^[a-z0-9][a-z0-9_-]*$/,
    'Use lower-case letters, digits, "-" and "_", starting with a letter or digit',
  );

const composeText = z
  .string({ message: 'Paste or write a compose file' })
  .min(1, 'Paste or write a compose file')
  .max(512 * 1024, 'A compose file of at most 512 KiB');
const envText = z
  .string()
  .max(64 * 1024, 'An .env of at most 64 KiB')
  .default('');

/** `POST /api/endpoints/{id}/stacks`: a new stack, deployed at once. */
export const stackCreateSchema = z.object({
  name: stackNameSchema,
  compose: composeText,
  env: envText,
  /** `swarm` deploys the file as a swarm stack (`docker stack deploy`) on the endpoint's swarm. */
  kind: z.enum(['compose', 'swarm']).default('compose'),
});
export type StackCreateInput = z.input<typeof stackCreateSchema>;

/** `PUT /api/endpoints/{id}/stacks/{name}`: a new version, redeployed. */
export const stackUpdateSchema = z.object({
  compose: composeText,
  env: envText,
  /** Pull every image again before deploying (recreates what got a new image). */
  pull: z.boolean().default(false),
});
export type StackUpdateInput = z.input<typeof stackUpdateSchema>;

/** `POST …/stacks/preview`: what a deploy of this file would do. */
export const stackPreviewSchema = z.object({
  name: stackNameSchema,
  compose: composeText,
  env: envText,
  /** How a new stack would be deployed; an existing one is checked as what it is on the engine. */
  kind: z.enum(['compose', 'swarm']).optional(),
});

export const stackScaleSchema = z.object({
  service: z.string().min(1, 'Name a service').max(200),
  replicas: z.number({ message: 'Give a number of replicas' }).int().min(0).max(100),
});

export const stackRollbackSchema = z.object({ version: z.number().int().min(1) });
