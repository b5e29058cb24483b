// The swarm's small forms (unlock, initialise, join, settings, a node, a secret or config) as
// view models: strings as typed, with a `to…()` beside each that makes the engine's body. These
// bodies go through the gateway's relay unparsed, so the browser is where the rules apply.
import { z } from 'zod';
import type { NodeSpec, SwarmSpec } from '../engine/swarm-types';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** `KEY=value` lines to a map; a line without `=` is a flag (an empty value). */
export function parseLabelLines(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines(text)) {
    const at = line.indexOf('=');
    if (at === -1) out[line] = '';
    else out[line.slice(0, at).trim()] = line.slice(at + 1);
  }
  return out;
}

/** Labels back to the text parseLabelLines reads: `KEY=value`, one a line (or `separator`). */
export function formatLabelLines(
  pairs: Record<string, string> | undefined,
  separator = '\n',
): string {
  return Object.entries(pairs ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join(separator);
}

/** `KEY=value` lines, where a line that starts with `=` has lost its key. */
export const labelLinesSchema = z.string().superRefine((text, ctx) => {
  const index = text.split('\n').findIndex((line) => line.trim().startsWith('='));
  if (index !== -1)
    ctx.addIssue({ code: 'custom', message: `Line ${index + 1}: a label needs a key before =.` });
});

/** Words separated by commas or spaces (addresses, aliases, CIDRs). */
export const splitList = (text: string) => text.split(/[\s,]+/).filter(Boolean);

const WHOLE = /^\d+$/;
const CIDR = /^[0-9a-fA-F:.]+\/\d{1,3}$/;
const optionalWhole = (message: string) =>
  z
    .string()
    .trim()
    .refine((text) => text === '' || WHOLE.test(text), message);

export const DEFAULT_SWARM_LISTEN = '0.0.0.0:2377';

// ── unlock ──────────────────────────────────────────────────────────────────

export const unlockFormSchema = z.object({
  key: z.string().trim().min(1, 'Enter the unlock key (SWMKEY-…).'),
});
export type UnlockFormValues = z.input<typeof unlockFormSchema>;

// ── initialise and join ─────────────────────────────────────────────────────

const addressFields = {
  advertise: z.string().trim(),
  listen: z.string().trim(),
  dataPath: z.string().trim(),
};

/** The optional addresses: sent only when typed, so the engine picks its own otherwise. */
function addresses(values: { listen: string; advertise: string; dataPath: string }) {
  return {
    ListenAddr: values.listen || DEFAULT_SWARM_LISTEN,
    ...(values.advertise ? { AdvertiseAddr: values.advertise } : {}),
    ...(values.dataPath ? { DataPathAddr: values.dataPath } : {}),
  };
}

export const swarmInitFormSchema = z.object({
  ...addressFields,
  pool: z
    .string()
    .trim()
    .refine(
      (text) => splitList(text).every((cidr) => CIDR.test(cidr)),
      'CIDRs like 10.20.0.0/16, comma separated.',
    ),
  subnetSize: z
    .string()
    .trim()
    .refine(
      (text) => text === '' || (WHOLE.test(text) && Number(text) >= 1 && Number(text) <= 32),
      'A prefix length from 1 to 32 (like 24).',
    ),
  taskHistory: optionalWhole('A whole number of old tasks (0 or more).'),
  autolock: z.boolean(),
  forceNew: z.boolean(),
});
export type SwarmInitFormValues = z.input<typeof swarmInitFormSchema>;

export const emptySwarmInitForm = (): SwarmInitFormValues => ({
  advertise: '',
  listen: DEFAULT_SWARM_LISTEN,
  dataPath: '',
  pool: '',
  subnetSize: '',
  taskHistory: '5',
  autolock: false,
  forceNew: false,
});

/** `POST /swarm/init`: empty fields are left out (or defaulted), so the engine's defaults apply. */
export function toSwarmInit(values: z.output<typeof swarmInitFormSchema>) {
  return {
    ...addresses(values),
    ...(values.pool ? { DefaultAddrPool: splitList(values.pool) } : {}),
    ...(values.subnetSize ? { SubnetSize: Number(values.subnetSize) } : {}),
    ForceNewCluster: values.forceNew,
    Spec: {
      Orchestration: {
        TaskHistoryRetentionLimit: values.taskHistory === '' ? 5 : Number(values.taskHistory),
      },
      EncryptionConfig: { AutoLockManagers: values.autolock },
    },
  };
}

export const swarmJoinFormSchema = z.object({
  token: z
    .string()
    .trim()
    .regex(/^SWMTKN-/, 'A join token starts with SWMTKN-.'),
  remotes: z
    .string()
    .trim()
    .refine((text) => splitList(text).length > 0, 'At least one manager address (host:2377).'),
  ...addressFields,
});
export type SwarmJoinFormValues = z.input<typeof swarmJoinFormSchema>;

export const emptySwarmJoinForm = (): SwarmJoinFormValues => ({
  token: '',
  remotes: '',
  advertise: '',
  listen: DEFAULT_SWARM_LISTEN,
  dataPath: '',
});

export function toSwarmJoin(values: z.output<typeof swarmJoinFormSchema>) {
  return {
    JoinToken: values.token,
    RemoteAddrs: splitList(values.remotes),
    ...addresses(values),
  };
}

// ── settings ────────────────────────────────────────────────────────────────

const NS = 1e9;
const HOUR_NS = 3600 * NS;
const whole = z.string().trim().regex(WHOLE, 'A whole number.');
const positive = z
  .string()
  .trim()
  .refine((text) => Number(text) > 0, 'A positive number.');

/** What a person changes of the swarm's spec: counts, the heartbeat in s, the expiry in h. */
export const swarmSettingsFormSchema = z.object({
  taskHistory: whole,
  snapshotInterval: whole,
  keepOldSnapshots: whole,
  heartbeat: positive,
  certExpiryHours: positive,
  autolock: z.boolean(),
});
export type SwarmSettingsFormValues = z.input<typeof swarmSettingsFormSchema>;

/** The form as the spec stands (the engine's defaults where it says nothing). */
export function swarmSettingsForm(spec: SwarmSpec): SwarmSettingsFormValues {
  return {
    taskHistory: String(spec.Orchestration?.TaskHistoryRetentionLimit ?? 5),
    snapshotInterval: String(spec.Raft?.SnapshotInterval ?? 10000),
    keepOldSnapshots: String(spec.Raft?.KeepOldSnapshots ?? 0),
    heartbeat: String((spec.Dispatcher?.HeartbeatPeriod ?? 5 * NS) / NS),
    certExpiryHours: String(Math.round((spec.CAConfig?.NodeCertExpiry ?? 7776000 * NS) / HOUR_NS)),
    autolock: spec.EncryptionConfig?.AutoLockManagers ?? false,
  };
}

/** The whole spec back (`/swarm/update` replaces it), with the form's parts changed. */
export function toSwarmSpec(
  spec: SwarmSpec,
  values: z.output<typeof swarmSettingsFormSchema>,
): SwarmSpec {
  return {
    ...spec,
    Orchestration: { ...spec.Orchestration, TaskHistoryRetentionLimit: Number(values.taskHistory) },
    Raft: {
      ...spec.Raft,
      SnapshotInterval: Number(values.snapshotInterval),
      KeepOldSnapshots: Number(values.keepOldSnapshots),
    },
    Dispatcher: { ...spec.Dispatcher, HeartbeatPeriod: Number(values.heartbeat) * NS },
    CAConfig: { ...spec.CAConfig, NodeCertExpiry: Number(values.certExpiryHours) * HOUR_NS },
    EncryptionConfig: { ...spec.EncryptionConfig, AutoLockManagers: values.autolock },
  };
}

// ── a node ──────────────────────────────────────────────────────────────────

export const nodeFormSchema = z.object({
  availability: z.enum(['active', 'pause', 'drain']),
  role: z.enum(['manager', 'worker']),
  labels: labelLinesSchema,
});
export type NodeFormValues = z.input<typeof nodeFormSchema>;

export function nodeForm(spec: NodeSpec): NodeFormValues {
  return {
    availability: spec.Availability,
    role: spec.Role,
    labels: formatLabelLines(spec.Labels),
  };
}

export function toNodeSpec(spec: NodeSpec, values: z.output<typeof nodeFormSchema>): NodeSpec {
  return {
    ...spec,
    Availability: values.availability,
    Role: values.role,
    Labels: parseLabelLines(values.labels),
  };
}

// ── a secret or a config ────────────────────────────────────────────────────

/** Swarm object names: a letter or digit, then letters, digits, _ . - */
const DATA_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** Creating a secret or config: its content typed or picked as a file (the file wins). */
export const dataFormSchema = (noun: string) =>
  z
    .object({
      name: z.string().trim().regex(DATA_NAME, 'A name is required: letters, digits, _ . -'),
      text: z.string(),
      file: z.custom<Blob | null>((value) => value === null || value instanceof Blob),
      labels: labelLinesSchema,
    })
    .superRefine((values, ctx) => {
      if (!values.file && !values.text)
        ctx.addIssue({
          code: 'custom',
          path: ['text'],
          message: `Type the ${noun}'s content or choose a file.`,
        });
    });
export type DataFormValues = z.input<ReturnType<typeof dataFormSchema>>;

export const emptyDataForm = (): DataFormValues => ({
  name: '',
  text: '',
  file: null,
  labels: '',
});

/** What creating needs; the content is read (and base64-encoded) by the mutation. */
export interface DataCreateInput {
  Name: string;
  Labels: Record<string, string>;
  content: Blob | string;
}

export function toDataCreate(values: z.output<ReturnType<typeof dataFormSchema>>): DataCreateInput {
  return {
    Name: values.name,
    Labels: parseLabelLines(values.labels),
    content: values.file ?? values.text,
  };
}

export const dataLabelsFormSchema = z.object({ labels: labelLinesSchema });
export type DataLabelsFormValues = z.input<typeof dataLabelsFormSchema>;
