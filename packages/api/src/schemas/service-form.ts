// The create-service form as a view model: every field a string or a row a person edits,
// validated at its field by one schema (no transforms: what is typed is what is parsed, so the
// live preview and the submit map the same values) and mapped to the engine's ServiceSpec by
// toServiceSpec. The spec goes through the gateway's relay as it is; the rules apply here.
import { z } from 'zod';
import type { ServiceSpec, SwarmDataObject, TaskSpec } from '../engine/swarm-types';
import { labelLinesSchema, parseLabelLines } from './swarm-form';
import { parseSize } from './units';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** A shell-like split: spaces separate words, quotes keep them together. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    words.push(match[1]?.replace(/\\(.)/g, '$1') ?? match[2] ?? match[3] ?? '');
  }
  return words;
}

const UNITS: Record<string, number> = { ns: 1, us: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** `1m30s`, `500ms`, `10` (seconds) to nanoseconds; null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const value = text.trim();
  if (!value) return 0;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1e9);
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== value) return null;
  return Math.round(parts.reduce((sum, p) => sum + Number(p[1]) * (UNITS[p[2] ?? ''] ?? 0), 0));
}

function cpus(text: string): number | undefined {
  return text.trim() ? Math.round(Number(text) * 1e9) : undefined;
}

const DURATION = 'A duration, like 10s, 1m30s or 500ms.';
const duration = z.string().refine((text) => parseDuration(text) !== null, DURATION);
const cpuCount = z
  .string()
  .refine((text) => !text.trim() || Number(text) > 0, 'A number of CPUs, like 0.5 or 2.');
const size = z
  .string()
  .refine((text) => !text.trim() || parseSize(text) !== null, 'A size, like 256m or 1g.');
const port = (message: string, optional: boolean) =>
  z.string().refine((text) => {
    if (optional && !text.trim()) return true;
    const value = Number(text);
    return text.trim() !== '' && Number.isInteger(value) && value >= 1 && value <= 65535;
  }, message);

const portRowSchema = z.object({
  target: port('Container port must be 1–65535.', false),
  published: port('Published port must be 1–65535, or empty for any.', true),
  protocol: z.enum(['tcp', 'udp']),
  mode: z.enum(['ingress', 'host']),
});
export type PortRow = z.infer<typeof portRowSchema>;

const mountRowSchema = z
  .object({
    type: z.enum(['volume', 'bind', 'tmpfs']),
    source: z.string(),
    target: z.string(),
    readOnly: z.boolean(),
  })
  .superRefine((mount, ctx) => {
    if (!mount.target.trim().startsWith('/'))
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: 'The target is an absolute path.',
      });
    if (mount.type === 'bind' && !mount.source.trim().startsWith('/'))
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: 'A bind mount needs an absolute host path.',
      });
  });
export type MountRow = z.infer<typeof mountRowSchema>;

/** A secret or config the tasks get as a file: its ID, and where it goes. */
const refRowSchema = z.object({ id: z.string().min(1, 'Choose one.'), target: z.string() });
export type RefRow = z.infer<typeof refRowSchema>;

const policySchema = z.object({
  parallelism: z
    .string()
    .refine(
      (text) => !text.trim() || /^\d+$/.test(text.trim()),
      'A whole number (0: all at once).',
    ),
  delay: duration,
  failureAction: z.string(),
  order: z.enum(['stop-first', 'start-first']),
});
export type PolicyForm = z.infer<typeof policySchema>;

export const serviceFormSchema = z
  .object({
    name: z
      .string()
      .refine(
        (text) => !text.trim() || /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(text.trim()),
        'Letters, digits, _ . - (starting with a letter or digit).',
      ),
    image: z
      .string()
      .refine((text) => text.trim() !== '', 'An image is required (for example nginx:alpine).'),
    command: z.string(),
    args: z.string(),
    env: z.string(),
    labels: labelLinesSchema,
    mode: z.enum(['replicated', 'global']),
    replicas: z.string(),
    ports: z.array(portRowSchema),
    mounts: z.array(mountRowSchema),
    networks: z.array(z.string()),
    cpuLimit: cpuCount,
    memoryLimit: size,
    cpuReservation: cpuCount,
    memoryReservation: size,
    constraints: z.string(),
    preferences: z.string(),
    restartCondition: z.enum(['any', 'on-failure', 'none']),
    restartDelay: duration,
    restartMaxAttempts: z
      .string()
      .refine((text) => !text.trim() || /^\d+$/.test(text.trim()), 'A whole number, or empty.'),
    update: policySchema,
    rollback: policySchema,
    secrets: z.array(refRowSchema),
    configs: z.array(refRowSchema),
    healthCmd: z.string(),
    healthInterval: duration,
    healthRetries: z
      .string()
      .refine((text) => !text.trim() || /^\d+$/.test(text.trim()), 'A whole number.'),
    logDriver: z.string(),
    logOptions: labelLinesSchema,
    queryRegistry: z.boolean(),
  })
  .superRefine((form, ctx) => {
    // Replicas count only in replicated mode (global runs one task a node).
    if (form.mode === 'replicated' && !/^\d+$/.test(form.replicas.trim()))
      ctx.addIssue({
        code: 'custom',
        path: ['replicas'],
        message: 'A whole number of replicas (0 or more).',
      });
  });

export type ServiceForm = z.infer<typeof serviceFormSchema>;

export const emptyServiceForm = (): ServiceForm => ({
  name: '',
  image: '',
  command: '',
  args: '',
  env: '',
  labels: '',
  mode: 'replicated',
  replicas: '1',
  ports: [],
  mounts: [],
  networks: [],
  cpuLimit: '',
  memoryLimit: '',
  cpuReservation: '',
  memoryReservation: '',
  constraints: '',
  preferences: '',
  restartCondition: 'any',
  restartDelay: '5s',
  restartMaxAttempts: '',
  update: { parallelism: '1', delay: '0s', failureAction: 'pause', order: 'stop-first' },
  rollback: { parallelism: '1', delay: '0s', failureAction: 'pause', order: 'stop-first' },
  secrets: [],
  configs: [],
  healthCmd: '',
  healthInterval: '30s',
  healthRetries: '3',
  logDriver: '',
  logOptions: '',
  queryRegistry: true,
});

function policy(form: PolicyForm) {
  return {
    Parallelism: Number(form.parallelism) || 0,
    Delay: parseDuration(form.delay) ?? 0,
    FailureAction: form.failureAction,
    Order: form.order,
  };
}

function fileRef(target: string, fallback: string) {
  return { Name: target.trim() || fallback, UID: '0', GID: '0', Mode: 0o444 };
}

/** The form as the engine's ServiceSpec (empty fields left out, so engine defaults apply). */
export function toServiceSpec(
  form: ServiceForm,
  known: { secrets: readonly SwarmDataObject[]; configs: readonly SwarmDataObject[] },
): ServiceSpec {
  const nameOf = (list: readonly SwarmDataObject[], id: string) =>
    list.find((o) => o.ID === id)?.Spec.Name ?? id;
  const env = lines(form.env);
  const labels = parseLabelLines(form.labels);
  const limits = {
    NanoCPUs: cpus(form.cpuLimit),
    MemoryBytes: form.memoryLimit.trim() ? (parseSize(form.memoryLimit) ?? undefined) : undefined,
  };
  const reservations = {
    NanoCPUs: cpus(form.cpuReservation),
    MemoryBytes: form.memoryReservation.trim()
      ? (parseSize(form.memoryReservation) ?? undefined)
      : undefined,
  };
  const task: TaskSpec = {
    ContainerSpec: {
      Image: form.image.trim(),
      ...(form.command.trim() ? { Command: splitWords(form.command) } : {}),
      ...(form.args.trim() ? { Args: splitWords(form.args) } : {}),
      ...(env.length ? { Env: env } : {}),
      ...(form.mounts.length
        ? {
            Mounts: form.mounts.map((m) => ({
              Type: m.type,
              ...(m.type === 'tmpfs' || !m.source.trim() ? {} : { Source: m.source.trim() }),
              Target: m.target.trim(),
              ReadOnly: m.readOnly,
            })),
          }
        : {}),
      ...(form.secrets.length
        ? {
            Secrets: form.secrets.map((s) => ({
              SecretID: s.id,
              SecretName: nameOf(known.secrets, s.id),
              File: fileRef(s.target, nameOf(known.secrets, s.id)),
            })),
          }
        : {}),
      ...(form.configs.length
        ? {
            Configs: form.configs.map((c) => ({
              ConfigID: c.id,
              ConfigName: nameOf(known.configs, c.id),
              File: fileRef(c.target, `/${nameOf(known.configs, c.id)}`),
            })),
          }
        : {}),
      ...(form.healthCmd.trim()
        ? {
            Healthcheck: {
              Test: ['CMD-SHELL', form.healthCmd.trim()],
              Interval: parseDuration(form.healthInterval) ?? 0,
              Retries: Number(form.healthRetries) || 0,
            },
          }
        : {}),
    },
    RestartPolicy: {
      Condition: form.restartCondition,
      Delay: parseDuration(form.restartDelay) ?? 0,
      ...(form.restartMaxAttempts.trim() ? { MaxAttempts: Number(form.restartMaxAttempts) } : {}),
    },
  };
  if (
    Object.values(limits).some((v) => v !== undefined) ||
    Object.values(reservations).some((v) => v !== undefined)
  ) {
    task.Resources = { Limits: limits, Reservations: reservations };
  }
  const constraints = lines(form.constraints);
  const preferences = lines(form.preferences);
  if (constraints.length || preferences.length) {
    task.Placement = {
      Constraints: constraints,
      Preferences: preferences.map((p) => ({ Spread: { SpreadDescriptor: p } })),
    };
  }
  if (form.networks.length) task.Networks = form.networks.map((Target) => ({ Target }));
  if (form.logDriver.trim())
    task.LogDriver = { Name: form.logDriver.trim(), Options: parseLabelLines(form.logOptions) };

  return {
    Name: form.name.trim(),
    ...(Object.keys(labels).length ? { Labels: labels } : {}),
    TaskTemplate: task,
    Mode:
      form.mode === 'global'
        ? { Global: {} }
        : { Replicated: { Replicas: Number(form.replicas.trim()) } },
    UpdateConfig: policy(form.update),
    RollbackConfig: policy(form.rollback),
    ...(form.ports.length
      ? {
          EndpointSpec: {
            Ports: form.ports.map((p) => ({
              Protocol: p.protocol,
              TargetPort: Number(p.target),
              ...(p.published.trim() ? { PublishedPort: Number(p.published) } : {}),
              PublishMode: p.mode,
            })),
          },
        }
      : {}),
  };
}
