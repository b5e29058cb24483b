// The create-service form as a view model: every field a string or list a person edits, mapped
// to a ServiceSpec in one place (toServiceSpec) and validated in one place (validateServiceForm).
import type { ServiceSpec, SwarmDataObject, TaskSpec } from '@berth/api';

export interface PortRow {
  target: string;
  published: string;
  protocol: 'tcp' | 'udp';
  mode: 'ingress' | 'host';
}

export interface MountRow {
  type: 'volume' | 'bind' | 'tmpfs';
  source: string;
  target: string;
  readOnly: boolean;
}

export interface RefRow {
  /** Secret or config ID. */
  id: string;
  target: string;
}

export interface PolicyForm {
  parallelism: string;
  delay: string;
  failureAction: string;
  order: 'stop-first' | 'start-first';
}

export interface ServiceForm {
  name: string;
  image: string;
  command: string;
  args: string;
  env: string;
  labels: string;
  mode: 'replicated' | 'global';
  replicas: string;
  ports: PortRow[];
  mounts: MountRow[];
  networks: string[];
  cpuLimit: string;
  memoryLimit: string;
  cpuReservation: string;
  memoryReservation: string;
  constraints: string;
  preferences: string;
  restartCondition: 'any' | 'on-failure' | 'none';
  restartDelay: string;
  restartMaxAttempts: string;
  update: PolicyForm;
  rollback: PolicyForm;
  secrets: RefRow[];
  configs: RefRow[];
  healthCmd: string;
  healthInterval: string;
  healthRetries: string;
  logDriver: string;
  logOptions: string;
  queryRegistry: boolean;
}

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

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** `KEY=value` lines to a map; a line without `=` is an empty value. */
export function parsePairs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines(text)) {
    const at = line.indexOf('=');
    if (at === -1) out[line] = '';
    else out[line.slice(0, at).trim()] = line.slice(at + 1);
  }
  return out;
}

/** Labels back to the text parsePairs reads: `KEY=value`, one a line (or joined by `separator`). */
export function formatPairs(pairs: Record<string, string> | undefined, separator = '\n'): string {
  return Object.entries(pairs ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(separator);
}

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

const SIZE: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `512m`, `1g`, `1048576` to bytes; null when it is not a size. */
export function parseSize(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*([bkmg]?)b?$/i.exec(text.trim());
  if (!match) return null;
  return Math.round(Number(match[1]) * (SIZE[(match[2] ?? '').toLowerCase()] ?? 1));
}

function cpus(text: string): number | undefined {
  return text.trim() ? Math.round(Number(text) * 1e9) : undefined;
}

export function validateServiceForm(form: ServiceForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.image.trim()) errors.image = 'An image is required (for example nginx:alpine).';
  if (form.name.trim() && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(form.name.trim()))
    errors.name = 'Letters, digits, _ . - (starting with a letter or digit).';
  if (form.mode === 'replicated' && !/^\d+$/.test(form.replicas.trim()))
    errors.replicas = 'A whole number of replicas (0 or more).';
  for (const [key, text] of [
    ['cpuLimit', form.cpuLimit],
    ['cpuReservation', form.cpuReservation],
  ] as const) {
    if (text.trim() && !(Number(text) > 0)) errors[key] = 'A number of CPUs, like 0.5 or 2.';
  }
  for (const [key, text] of [
    ['memoryLimit', form.memoryLimit],
    ['memoryReservation', form.memoryReservation],
  ] as const) {
    if (text.trim() && parseSize(text) === null) errors[key] = 'A size, like 256m or 1g.';
  }
  for (const [key, text] of [
    ['restartDelay', form.restartDelay],
    ['healthInterval', form.healthInterval],
    ['updateDelay', form.update.delay],
    ['rollbackDelay', form.rollback.delay],
  ] as const) {
    if (parseDuration(text) === null) errors[key] = 'A duration, like 10s, 1m30s or 500ms.';
  }
  form.ports.forEach((port, i) => {
    const target = Number(port.target);
    const published = port.published.trim() ? Number(port.published) : 0;
    if (!Number.isInteger(target) || target < 1 || target > 65535)
      errors[`port${i}`] = 'Container port must be 1–65535.';
    else if (!Number.isInteger(published) || published < 0 || published > 65535)
      errors[`port${i}`] = 'Published port must be 1–65535, or empty for any.';
  });
  form.mounts.forEach((mount, i) => {
    if (!mount.target.startsWith('/')) errors[`mount${i}`] = 'The target is an absolute path.';
    else if (mount.type === 'bind' && !mount.source.startsWith('/'))
      errors[`mount${i}`] = 'A bind mount needs an absolute host path.';
  });
  return errors;
}

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
  const labels = parsePairs(form.labels);
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
    task.LogDriver = { Name: form.logDriver.trim(), Options: parsePairs(form.logOptions) };

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
