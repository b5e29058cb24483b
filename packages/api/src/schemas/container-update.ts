// The Update resources form (POST /containers/{id}/update): every field of the engine's
// ContainerUpdate body, typed as text the way `docker update` takes it (512m, 1.5, /dev/sda),
// prefilled from the container's HostConfig, and sent as the fields that changed only, so a
// field the person did not touch is never rewritten (nor sent to an engine that lacks it).
import { z } from 'zod';
import { formatSize, parseSize } from './units';

const WHOLE = /^-?\d+$/;
const CPU_LIST = /^\d+(-\d+)?(,\d+(-\d+)?)*$/;
const DEVICE = /^\/dev\/\S+$/;

const blank = (value: string) => value.trim() === '';

/** Text that is empty or a whole number from `min` to `max`. */
function wholeText(message: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .trim()
    .refine(
      (value) =>
        blank(value) || (WHOLE.test(value) && Number(value) >= min && Number(value) <= max),
      message,
    );
}

/** Text that is empty or a size (`512m`); `-1` too where the engine reads it as unlimited. */
function sizeText(allowUnlimited: boolean) {
  return z
    .string()
    .trim()
    .refine(
      (value) => blank(value) || (allowUnlimited && value === '-1') || parseSize(value) !== null,
      allowUnlimited ? 'A size like 512m or 1g (-1: unlimited).' : 'A size like 512m or 1g.',
    );
}

const devicePath = z.string().trim().regex(DEVICE, 'A device path like /dev/sda.');

const weightDeviceRow = z.object({
  path: devicePath,
  weight: wholeText('A weight from 10 to 1000.', 10, 1000).refine((v) => !blank(v), {
    message: 'A weight from 10 to 1000.',
  }),
});
const bpsDeviceRow = z.object({
  path: devicePath,
  rate: z
    .string()
    .trim()
    .refine((value) => parseSize(value) !== null, 'A rate like 10m (bytes a second).'),
});
const iopsDeviceRow = z.object({
  path: devicePath,
  rate: z
    .string()
    .trim()
    .refine((value) => WHOLE.test(value) && Number(value) >= 0, 'Operations a second: a number.'),
});
const ulimitRow = z
  .object({
    name: z
      .string()
      .trim()
      .regex(/^[a-z]+$/, 'A limit name like nofile.'),
    soft: z.string().trim().regex(WHOLE, 'A number.'),
    hard: z.string().trim().regex(WHOLE, 'A number.'),
  })
  .refine((row) => Number(row.hard) === -1 || Number(row.soft) <= Number(row.hard), {
    message: 'The soft limit cannot pass the hard one.',
    path: ['soft'],
  });

export const RESTART_POLICIES = ['no', 'always', 'unless-stopped', 'on-failure'] as const;

export const containerUpdateSchema = z
  .object({
    memory: sizeText(false),
    memoryReservation: sizeText(false),
    memorySwap: sizeText(true),
    kernelMemory: sizeText(false),
    memorySwappiness: wholeText('A number from 0 to 100 (-1: the default).', -1, 100),
    oomKillDisable: z.boolean(),
    cpus: z
      .string()
      .trim()
      .refine((value) => blank(value) || /^\d+(\.\d+)?$/.test(value), 'A number of CPUs like 1.5.'),
    cpuShares: wholeText('A whole number (1024 is one share).', 0),
    cpuPeriod: z
      .string()
      .trim()
      .refine(
        (value) =>
          blank(value) ||
          value === '0' ||
          (WHOLE.test(value) && Number(value) >= 1000 && Number(value) <= 1_000_000),
        'Microseconds from 1000 to 1000000.',
      ),
    cpuQuota: z
      .string()
      .trim()
      .refine(
        (value) =>
          blank(value) ||
          value === '0' ||
          value === '-1' ||
          (WHOLE.test(value) && Number(value) >= 1000),
        'Microseconds, at least 1000 (-1: no quota).',
      ),
    cpuRealtimePeriod: wholeText('Microseconds: a whole number.', 0),
    cpuRealtimeRuntime: wholeText('Microseconds: a whole number.', 0),
    cpusetCpus: z
      .string()
      .trim()
      .refine((value) => blank(value) || CPU_LIST.test(value), 'CPUs like 0-3 or 0,2.'),
    cpusetMems: z
      .string()
      .trim()
      .refine((value) => blank(value) || CPU_LIST.test(value), 'Memory nodes like 0-1 or 0,2.'),
    pidsLimit: wholeText('A whole number (-1: unlimited).', -1),
    blkioWeight: z
      .string()
      .trim()
      .refine(
        (value) =>
          blank(value) ||
          value === '0' ||
          (WHOLE.test(value) && Number(value) >= 10 && Number(value) <= 1000),
        'A weight from 10 to 1000.',
      ),
    blkioWeightDevice: z.array(weightDeviceRow),
    blkioDeviceReadBps: z.array(bpsDeviceRow),
    blkioDeviceWriteBps: z.array(bpsDeviceRow),
    blkioDeviceReadIOps: z.array(iopsDeviceRow),
    blkioDeviceWriteIOps: z.array(iopsDeviceRow),
    ulimits: z.array(ulimitRow),
    restartPolicy: z.enum(RESTART_POLICIES),
    maxRetries: wholeText('A whole number.', 0),
  })
  .refine(
    (values) =>
      blank(values.memoryReservation) ||
      blank(values.memory) ||
      (parseSize(values.memoryReservation) ?? 0) <= (parseSize(values.memory) ?? 0),
    { message: 'The reservation cannot pass the memory limit.', path: ['memoryReservation'] },
  )
  .refine(
    (values) =>
      blank(values.memorySwap) ||
      values.memorySwap === '-1' ||
      blank(values.memory) ||
      (parseSize(values.memorySwap) ?? 0) >= (parseSize(values.memory) ?? 0),
    { message: 'Memory + swap cannot be below the memory limit.', path: ['memorySwap'] },
  );

export type ContainerUpdateValues = z.input<typeof containerUpdateSchema>;
export type ContainerUpdateParsed = z.output<typeof containerUpdateSchema>;

interface ThrottleDevice {
  Path: string;
  Rate: number;
}
interface WeightDevice {
  Path: string;
  Weight: number;
}
interface Ulimit {
  Name: string;
  Soft: number;
  Hard: number;
}

/** The engine's ContainerUpdate body (Docker and PouchContainer share these names). */
export interface ContainerUpdateBody {
  Memory?: number;
  MemoryReservation?: number;
  MemorySwap?: number;
  KernelMemory?: number;
  MemorySwappiness?: number;
  OomKillDisable?: boolean;
  NanoCpus?: number;
  CpuShares?: number;
  CpuPeriod?: number;
  CpuQuota?: number;
  CpuRealtimePeriod?: number;
  CpuRealtimeRuntime?: number;
  CpusetCpus?: string;
  CpusetMems?: string;
  PidsLimit?: number;
  BlkioWeight?: number;
  BlkioWeightDevice?: WeightDevice[];
  BlkioDeviceReadBps?: ThrottleDevice[];
  BlkioDeviceWriteBps?: ThrottleDevice[];
  BlkioDeviceReadIOps?: ThrottleDevice[];
  BlkioDeviceWriteIOps?: ThrottleDevice[];
  Ulimits?: Ulimit[];
  RestartPolicy?: { Name: string; MaximumRetryCount?: number };
}

/** What an inspect's HostConfig holds of those (Pouch's inspect has no RestartPolicy; null lists). */
export type UpdatableHostConfig = {
  [
    K in keyof Omit<
      ContainerUpdateBody,
      'RestartPolicy' | 'MemorySwappiness' | 'OomKillDisable' | 'PidsLimit'
    >
  ]?: ContainerUpdateBody[K] | null;
} & {
  MemorySwappiness?: number | null;
  OomKillDisable?: boolean | null;
  PidsLimit?: number | null;
  RestartPolicy?: { Name?: string; MaximumRetryCount?: number } | null;
};

const numberText = (value: number | null | undefined) => (value ? String(value) : '');
const sizeOf = (value: number | null | undefined) =>
  !value ? '' : value === -1 ? '-1' : formatSize(value);

/** The form prefilled from an inspect's HostConfig (0 and null, the engine's "unset", are empty). */
export function containerUpdateFromHost(host: UpdatableHostConfig): ContainerUpdateValues {
  const restart = host.RestartPolicy?.Name;
  const policy = (RESTART_POLICIES as readonly string[]).includes(restart ?? '')
    ? (restart as ContainerUpdateValues['restartPolicy'])
    : 'no';
  const throttle = (rows: ThrottleDevice[] | null | undefined, asSize: boolean) =>
    (rows ?? []).map((row) => ({
      path: row.Path,
      rate: asSize ? formatSize(row.Rate) : String(row.Rate),
    }));
  return {
    memory: sizeOf(host.Memory),
    memoryReservation: sizeOf(host.MemoryReservation),
    memorySwap: sizeOf(host.MemorySwap),
    kernelMemory: sizeOf(host.KernelMemory),
    // The engine reports -1 (or null) when swappiness was never set.
    memorySwappiness:
      host.MemorySwappiness === null ||
      host.MemorySwappiness === undefined ||
      host.MemorySwappiness < 0
        ? ''
        : String(host.MemorySwappiness),
    oomKillDisable: host.OomKillDisable ?? false,
    cpus: host.NanoCpus ? String(host.NanoCpus / 1e9) : '',
    cpuShares: numberText(host.CpuShares),
    cpuPeriod: numberText(host.CpuPeriod),
    cpuQuota: numberText(host.CpuQuota),
    cpuRealtimePeriod: numberText(host.CpuRealtimePeriod),
    cpuRealtimeRuntime: numberText(host.CpuRealtimeRuntime),
    cpusetCpus: host.CpusetCpus ?? '',
    cpusetMems: host.CpusetMems ?? '',
    pidsLimit: numberText(host.PidsLimit),
    blkioWeight: numberText(host.BlkioWeight),
    blkioWeightDevice: (host.BlkioWeightDevice ?? []).map((row) => ({
      path: row.Path,
      weight: String(row.Weight),
    })),
    blkioDeviceReadBps: throttle(host.BlkioDeviceReadBps, true),
    blkioDeviceWriteBps: throttle(host.BlkioDeviceWriteBps, true),
    blkioDeviceReadIOps: throttle(host.BlkioDeviceReadIOps, false),
    blkioDeviceWriteIOps: throttle(host.BlkioDeviceWriteIOps, false),
    ulimits: (host.Ulimits ?? []).map((row) => ({
      name: row.Name,
      soft: String(row.Soft),
      hard: String(row.Hard),
    })),
    restartPolicy: policy,
    maxRetries: numberText(host.RestartPolicy?.MaximumRetryCount),
  };
}

const whole = (value: string) => (blank(value) ? 0 : Number(value));
const size = (value: string) => (blank(value) ? 0 : value === '-1' ? -1 : (parseSize(value) ?? 0));

/** Every field of the body, for values the schema accepted (empty text is the engine's 0). */
function fullBody(values: ContainerUpdateValues): Required<ContainerUpdateBody> {
  const throttle = (rows: Array<{ path: string; rate: string }>, asSize: boolean) =>
    rows.map((row) => ({
      Path: row.path.trim(),
      Rate: asSize ? (parseSize(row.rate) ?? 0) : Number(row.rate),
    }));
  return {
    Memory: size(values.memory),
    MemoryReservation: size(values.memoryReservation),
    MemorySwap: size(values.memorySwap),
    KernelMemory: size(values.kernelMemory),
    MemorySwappiness: blank(values.memorySwappiness) ? -1 : Number(values.memorySwappiness),
    OomKillDisable: values.oomKillDisable,
    NanoCpus: blank(values.cpus) ? 0 : Math.round(Number(values.cpus) * 1e9),
    CpuShares: whole(values.cpuShares),
    CpuPeriod: whole(values.cpuPeriod),
    CpuQuota: whole(values.cpuQuota),
    CpuRealtimePeriod: whole(values.cpuRealtimePeriod),
    CpuRealtimeRuntime: whole(values.cpuRealtimeRuntime),
    CpusetCpus: values.cpusetCpus.trim(),
    CpusetMems: values.cpusetMems.trim(),
    PidsLimit: whole(values.pidsLimit),
    BlkioWeight: whole(values.blkioWeight),
    BlkioWeightDevice: values.blkioWeightDevice.map((row) => ({
      Path: row.path.trim(),
      Weight: Number(row.weight),
    })),
    BlkioDeviceReadBps: throttle(values.blkioDeviceReadBps, true),
    BlkioDeviceWriteBps: throttle(values.blkioDeviceWriteBps, true),
    BlkioDeviceReadIOps: throttle(values.blkioDeviceReadIOps, false),
    BlkioDeviceWriteIOps: throttle(values.blkioDeviceWriteIOps, false),
    Ulimits: values.ulimits.map((row) => ({
      Name: row.name.trim(),
      Soft: Number(row.soft),
      Hard: Number(row.hard),
    })),
    RestartPolicy:
      values.restartPolicy === 'on-failure'
        ? { Name: 'on-failure', MaximumRetryCount: whole(values.maxRetries) }
        : { Name: values.restartPolicy },
  };
}

/**
 * The update body: only the fields whose value differs from the prefilled `initial` (what the
 * container has). An untouched field is left to the engine as it is; an empty body means there
 * is nothing to update.
 */
export function toContainerUpdate(
  values: ContainerUpdateValues,
  initial: ContainerUpdateValues,
): ContainerUpdateBody {
  const next = fullBody(values);
  const before = fullBody(initial);
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(next) as Array<keyof ContainerUpdateBody>) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) body[key] = next[key];
  }
  return body as ContainerUpdateBody;
}
