// The create form's view model and its two pure mappers (Portainer's pattern): the form edits
// strings and rows; `toRequest` makes the Engine's ContainerCreate body, `toViewModel` turns an
// inspect back into a form (duplicate/edit).
import { formatSize, parseSize } from '@berth/api';
import type { ContainerInspect } from '@berth/api';
import { joinShellWords, splitShellWords } from './shell-words';

export interface KeyValueRow {
  key: string;
  value: string;
}
export type Protocol = 'tcp' | 'udp' | 'sctp';
export interface PortRow {
  containerPort: string;
  protocol: Protocol;
  hostIp: string;
  hostPort: string;
}
export type MountType = 'volume' | 'bind' | 'tmpfs';
/**
 * Where a mount read from a container was declared, so that recreating it writes it back the
 * same way: a `Binds` entry keeps its options (`z`, `rshared`, `nocopy`…), a `Tmpfs` entry its
 * mount options (`noexec`, `mode=`…), a `Mounts` entry its other fields (BindOptions,
 * VolumeOptions, TmpfsOptions.Mode, Consistency).
 */
export type MountOrigin =
  | { from: 'binds'; options: string[] }
  | { from: 'tmpfs'; options: string[] }
  | { from: 'mounts'; extra: Record<string, unknown> };
export interface MountRow {
  type: MountType;
  source: string;
  target: string;
  readOnly: boolean;
  /** tmpfs only, with a unit: 64m, 1g. */
  size: string;
  /** Only on rows read from a container (Duplicate/Edit). */
  origin?: MountOrigin;
}
export interface NetworkRow {
  name: string;
  /** Comma or space separated. */
  aliases: string;
  ipv4: string;
  ipv6: string;
}
export interface UlimitRow {
  name: string;
  soft: string;
  hard: string;
}
export type RestartName = 'no' | 'always' | 'unless-stopped' | 'on-failure';
export type RichMode = 'dumb-init' | 'sbin-init' | 'systemd';
export interface DiskQuotaRow {
  /** A directory in the container; `/` is the rootfs, `.*` every directory. */
  dir: string;
  size: string;
}
export type HealthMode = 'image' | 'none' | 'CMD' | 'CMD-SHELL';

/**
 * What a container read for Duplicate/Edit has set that the form has no field for (Privileged,
 * ShmSize, SecurityOpt, Sysctls, Devices, PouchContainer's extras…): sent back unchanged, under
 * what the form sets. Keys the form owns are never in here, so clearing a field clears it.
 */
export interface KeptSettings {
  config: Record<string, unknown>;
  hostConfig: Record<string, unknown>;
}

export interface CreateView {
  image: string;
  name: string;
  pullIfMissing: boolean;
  command: string;
  entrypoint: string;
  env: KeyValueRow[];
  ports: PortRow[];
  publishAll: boolean;
  mounts: MountRow[];
  /** Empty: the engine's default (bridge) unless networks are listed. host/none/container:x too. */
  networkMode: string;
  networks: NetworkRow[];
  restartPolicy: RestartName;
  maxRetries: string;
  cpus: string;
  cpuShares: string;
  cpuPeriod: string;
  cpuQuota: string;
  cpusetCpus: string;
  memory: string;
  memorySwap: string;
  memoryReservation: string;
  pidsLimit: string;
  ulimits: UlimitRow[];
  labels: KeyValueRow[];
  healthMode: HealthMode;
  healthTest: string;
  healthInterval: string;
  healthTimeout: string;
  healthRetries: string;
  healthStartPeriod: string;
  user: string;
  workdir: string;
  hostname: string;
  domainname: string;
  dns: string;
  extraHosts: string;
  capAdd: string;
  capDrop: string;
  logDriver: string;
  logOptions: KeyValueRow[];
  tty: boolean;
  openStdin: boolean;
  autoRemove: boolean;
  start: boolean;
  /** PouchContainer only (the form shows them for pouchd endpoints): rich container mode… */
  rich: boolean;
  richMode: RichMode;
  /** …a script run before the entrypoint, disk quotas per directory, and lxcfs. */
  initScript: string;
  diskQuota: DiskQuotaRow[];
  enableLxcfs: boolean;
  kept: KeptSettings;
}

export function emptyCreateView(): CreateView {
  return {
    image: '',
    name: '',
    pullIfMissing: true,
    command: '',
    entrypoint: '',
    env: [],
    ports: [],
    publishAll: false,
    mounts: [],
    networkMode: '',
    networks: [],
    restartPolicy: 'no',
    maxRetries: '',
    cpus: '',
    cpuShares: '',
    cpuPeriod: '',
    cpuQuota: '',
    cpusetCpus: '',
    memory: '',
    memorySwap: '',
    memoryReservation: '',
    pidsLimit: '',
    ulimits: [],
    labels: [],
    healthMode: 'image',
    healthTest: '',
    healthInterval: '',
    healthTimeout: '',
    healthRetries: '',
    healthStartPeriod: '',
    user: '',
    workdir: '',
    hostname: '',
    domainname: '',
    dns: '',
    extraHosts: '',
    capAdd: '',
    capDrop: '',
    logDriver: '',
    logOptions: [],
    tty: false,
    openStdin: false,
    autoRemove: false,
    start: true,
    rich: false,
    richMode: 'dumb-init',
    initScript: '',
    diskQuota: [],
    enableLxcfs: false,
    kept: { config: {}, hostConfig: {} },
  };
}

// ── units ───────────────────────────────────────────────────────────────────
// Sizes are read the same way by the Update resources form (one reading, in @berth/api).
export { formatSize, parseSize };

const DURATION_UNITS: Record<string, number> = { ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** `30s`, `1m`, `500ms`, `10` (seconds) -> nanoseconds; null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(text.trim());
  if (!match) return null;
  return Math.round(Number(match[1]) * (DURATION_UNITS[match[2] ?? 's'] as number));
}

export function formatDuration(ns: number): string {
  if (ns % 3600e9 === 0) return `${ns / 3600e9}h`;
  if (ns % 60e9 === 0) return `${ns / 60e9}m`;
  if (ns % 1e9 === 0) return `${ns / 1e9}s`;
  return `${ns / 1e6}ms`;
}

const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((item) => item.trim())
    .filter(Boolean);

// ── validation ──────────────────────────────────────────────────────────────
export type CreateErrors = Record<string, string>;

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const INTEGER = /^\d+$/;

/** Field path -> message ("image", "ports.0.containerPort"); empty when the form can go. */
export function validateCreateView(view: CreateView): CreateErrors {
  const errors: CreateErrors = {};
  const int = (field: string, value: string, label: string, max?: number) => {
    if (value.trim() === '') return;
    if (!INTEGER.test(value.trim())) errors[field] = `${label} must be a whole number.`;
    else if (max !== undefined && Number(value) > max)
      errors[field] = `${label} must be at most ${max}.`;
  };
  const size = (field: string, value: string) => {
    if (value.trim() !== '' && value.trim() !== '-1' && parseSize(value) === null) {
      errors[field] = 'Use a size like 512m or 1g.';
    }
  };
  const duration = (field: string, value: string) => {
    if (value.trim() !== '' && parseDuration(value) === null)
      errors[field] = 'Use a duration like 30s or 1m.';
  };
  const words = (field: string, value: string) => {
    try {
      splitShellWords(value);
    } catch (error) {
      errors[field] = (error as Error).message + '.';
    }
  };

  if (!view.image.trim()) errors.image = 'Choose an image.';
  else if (/\s/.test(view.image.trim())) errors.image = 'An image reference has no spaces.';
  if (view.name.trim() && !NAME.test(view.name.trim())) {
    errors.name = 'Letters, digits, _ . - only, starting with a letter or digit.';
  }
  words('command', view.command);
  words('entrypoint', view.entrypoint);
  view.env.forEach((row, i) => {
    if (!row.key.trim() && !row.value) return;
    if (!/^[^=\s]+$/.test(row.key.trim()))
      errors[`env.${i}.key`] = 'A variable name, without = or spaces.';
  });
  view.ports.forEach((row, i) => {
    const p = row.containerPort.trim();
    if (!p || !INTEGER.test(p) || Number(p) < 1 || Number(p) > 65535) {
      errors[`ports.${i}.containerPort`] = 'A port from 1 to 65535.';
    }
    const h = row.hostPort.trim();
    if (h && !/^\d+(-\d+)?$/.test(h))
      errors[`ports.${i}.hostPort`] = 'A port or a range (8000-8010).';
    else if (h && h.split('-').some((n) => Number(n) > 65535))
      errors[`ports.${i}.hostPort`] = 'Ports go up to 65535.';
  });
  view.mounts.forEach((row, i) => {
    if (!row.target.trim().startsWith('/'))
      errors[`mounts.${i}.target`] = 'An absolute path in the container.';
    if (row.type === 'bind' && !row.source.trim().startsWith('/')) {
      errors[`mounts.${i}.source`] = 'An absolute path on the host.';
    }
    if (row.type === 'tmpfs') size(`mounts.${i}.size`, row.size);
  });
  view.networks.forEach((row, i) => {
    if (!row.name.trim()) errors[`networks.${i}.name`] = 'Choose a network.';
    if (row.ipv4.trim() && !/^\d{1,3}(\.\d{1,3}){3}$/.test(row.ipv4.trim())) {
      errors[`networks.${i}.ipv4`] = 'An IPv4 address like 172.20.0.5.';
    }
    if (row.ipv6.trim() && !row.ipv6.includes(':'))
      errors[`networks.${i}.ipv6`] = 'An IPv6 address.';
  });
  if (view.restartPolicy === 'on-failure') int('maxRetries', view.maxRetries, 'Max retries');
  if (view.cpus.trim() && !/^\d+(\.\d+)?$/.test(view.cpus.trim()))
    errors.cpus = 'A number of CPUs like 1.5.';
  int('cpuShares', view.cpuShares, 'CPU shares');
  int('cpuPeriod', view.cpuPeriod, 'CPU period', 1_000_000);
  int('cpuQuota', view.cpuQuota, 'CPU quota');
  if (view.cpusetCpus.trim() && !/^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(view.cpusetCpus.trim())) {
    errors.cpusetCpus = 'CPUs like 0-3 or 0,2.';
  }
  size('memory', view.memory);
  size('memorySwap', view.memorySwap);
  size('memoryReservation', view.memoryReservation);
  if (view.pidsLimit.trim() && !/^-?\d+$/.test(view.pidsLimit.trim()))
    errors.pidsLimit = 'A whole number (-1: unlimited).';
  view.ulimits.forEach((row, i) => {
    if (!row.name.trim()) errors[`ulimits.${i}.name`] = 'A limit name like nofile.';
    if (!/^-?\d+$/.test(row.soft.trim())) errors[`ulimits.${i}.soft`] = 'A number.';
    if (!/^-?\d+$/.test(row.hard.trim())) errors[`ulimits.${i}.hard`] = 'A number.';
  });
  view.labels.forEach((row, i) => {
    if (!row.key.trim() && !row.value) return;
    if (!row.key.trim()) errors[`labels.${i}.key`] = 'A label needs a key.';
  });
  if (view.healthMode === 'CMD' || view.healthMode === 'CMD-SHELL') {
    if (!view.healthTest.trim()) errors.healthTest = 'Say what to run.';
    else if (view.healthMode === 'CMD') words('healthTest', view.healthTest);
    duration('healthInterval', view.healthInterval);
    duration('healthTimeout', view.healthTimeout);
    duration('healthStartPeriod', view.healthStartPeriod);
    int('healthRetries', view.healthRetries, 'Retries');
  }
  view.diskQuota.forEach((row, i) => {
    if (!row.dir.trim().startsWith('/') && row.dir.trim() !== '.*')
      errors[`diskQuota.${i}.dir`] = 'A directory in the container (/ is the rootfs, .* all).';
    if (parseSize(row.size) === null) errors[`diskQuota.${i}.size`] = 'A size like 10g.';
  });
  lines(view.extraHosts).forEach((entry) => {
    if (!/^[^:\s]+:.+$/.test(entry)) errors.extraHosts = `“${entry}” is not host:ip.`;
  });
  return errors;
}

// ── view -> request ─────────────────────────────────────────────────────────
export interface CreateRequest {
  name: string | undefined;
  body: Record<string, unknown>;
  /** Networks after the first: the engine takes one at create; these are connected afterwards. */
  connectAfter: Array<{ network: string; endpointConfig: Record<string, unknown> }>;
}

const num = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));
const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
const nonEmpty = <T>(items: T[]) => (items.length ? items : undefined);
const keyValues = (rows: KeyValueRow[]) => {
  const entries = rows
    .filter((row) => row.key.trim())
    .map((row) => [row.key.trim(), row.value] as const);
  return entries.length ? Object.fromEntries(entries) : undefined;
};

function endpointConfig(row: NetworkRow): Record<string, unknown> {
  const aliases = list(row.aliases);
  const ipam: Record<string, string> = {};
  if (row.ipv4.trim()) ipam.IPv4Address = row.ipv4.trim();
  if (row.ipv6.trim()) ipam.IPv6Address = row.ipv6.trim();
  return dropUndefined({
    Aliases: nonEmpty(aliases),
    IPAMConfig: Object.keys(ipam).length ? ipam : undefined,
  });
}

function dropUndefined<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

/** The ContainerCreate body for a valid view (validate first: this trusts its input). */
export function toRequest(view: CreateView): CreateRequest {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const row of view.ports) {
    const key = `${row.containerPort.trim()}/${row.protocol}`;
    exposed[key] = {};
    if (row.hostPort.trim() || row.hostIp.trim()) {
      (bindings[key] ??= []).push({ HostIp: row.hostIp.trim(), HostPort: row.hostPort.trim() });
    } else if (!view.publishAll) {
      // A port with no host side is still published (on a random host port), as `-p 80` does.
      (bindings[key] ??= []).push({ HostIp: '', HostPort: '' });
    }
  }

  const mounts: Array<Record<string, unknown>> = [];
  const binds: string[] = [];
  const tmpfs: Record<string, string> = {};
  for (const row of view.mounts) {
    const origin = row.origin;
    const target = row.target.trim();
    const source = row.source.trim();
    if (origin?.from === 'binds' && row.type !== 'tmpfs' && source) {
      // The access mode stays where it was among the options; only ro/rw itself changes.
      const mode = origin.options.findIndex((option) => option === 'ro' || option === 'rw');
      const options = [...origin.options];
      if (mode < 0) {
        if (row.readOnly) options.push('ro');
      } else if (row.readOnly) options[mode] = 'ro';
      else if (options[mode] === 'ro') options.splice(mode, 1);
      binds.push([source, target, ...(options.length ? [options.join(',')] : [])].join(':'));
      continue;
    }
    if (origin?.from === 'tmpfs' && row.type === 'tmpfs') {
      const options = origin.options.filter((option) => !option.startsWith('size='));
      if (row.size.trim()) options.push(`size=${row.size.trim()}`);
      if (row.readOnly && !options.includes('ro')) options.push('ro');
      tmpfs[target] = options.join(',');
      continue;
    }
    const extra = origin?.from === 'mounts' ? origin.extra : {};
    const keptTmpfs = (extra.TmpfsOptions ?? {}) as Record<string, unknown>;
    const size = row.type === 'tmpfs' && row.size.trim() ? parseSize(row.size) : null;
    const tmpfsOptions = dropUndefined({
      ...(row.type === 'tmpfs' ? keptTmpfs : {}),
      SizeBytes: size ?? undefined,
    });
    mounts.push(
      dropUndefined({
        ...extra,
        Type: row.type,
        Source: row.type === 'tmpfs' ? undefined : text(row.source),
        Target: target,
        ReadOnly: row.readOnly || undefined,
        TmpfsOptions: Object.keys(tmpfsOptions).length ? tmpfsOptions : undefined,
      }),
    );
  }

  let healthcheck: Record<string, unknown> | undefined;
  if (view.healthMode === 'none') healthcheck = { Test: ['NONE'] };
  else if (view.healthMode === 'CMD' || view.healthMode === 'CMD-SHELL') {
    const test =
      view.healthMode === 'CMD'
        ? ['CMD', ...splitShellWords(view.healthTest)]
        : ['CMD-SHELL', view.healthTest.trim()];
    const duration = (value: string) =>
      value.trim() ? (parseDuration(value) ?? undefined) : undefined;
    healthcheck = dropUndefined({
      Test: test,
      Interval: duration(view.healthInterval),
      Timeout: duration(view.healthTimeout),
      Retries: num(view.healthRetries),
      StartPeriod: duration(view.healthStartPeriod),
    });
  }

  const memory = (value: string) => {
    if (!value.trim()) return undefined;
    if (value.trim() === '-1') return -1;
    return parseSize(value) ?? undefined;
  };

  const [first, ...rest] = view.networks.filter((row) => row.name.trim());
  const networkMode = text(view.networkMode) ?? first?.name.trim();

  const hostConfig = dropUndefined({
    ...view.kept.hostConfig,
    PortBindings: Object.keys(bindings).length ? bindings : undefined,
    PublishAllPorts: view.publishAll || undefined,
    Mounts: nonEmpty(mounts),
    Binds: nonEmpty(binds),
    Tmpfs: Object.keys(tmpfs).length ? tmpfs : undefined,
    NetworkMode: networkMode,
    RestartPolicy:
      view.restartPolicy === 'no'
        ? undefined
        : dropUndefined({
            Name: view.restartPolicy,
            MaximumRetryCount:
              view.restartPolicy === 'on-failure' ? num(view.maxRetries) : undefined,
          }),
    AutoRemove: view.autoRemove || undefined,
    NanoCpus: view.cpus.trim() ? Math.round(Number(view.cpus) * 1e9) : undefined,
    CpuShares: num(view.cpuShares),
    CpuPeriod: num(view.cpuPeriod),
    CpuQuota: num(view.cpuQuota),
    CpusetCpus: text(view.cpusetCpus),
    Memory: memory(view.memory),
    MemorySwap: memory(view.memorySwap),
    MemoryReservation: memory(view.memoryReservation),
    PidsLimit: num(view.pidsLimit),
    Ulimits: nonEmpty(
      view.ulimits.map((row) => ({
        Name: row.name.trim(),
        Soft: Number(row.soft),
        Hard: Number(row.hard),
      })),
    ),
    Dns: nonEmpty(list(view.dns)),
    ExtraHosts: nonEmpty(lines(view.extraHosts)),
    CapAdd: nonEmpty(list(view.capAdd)),
    CapDrop: nonEmpty(list(view.capDrop)),
    LogConfig: view.logDriver.trim()
      ? dropUndefined({ Type: view.logDriver.trim(), Config: keyValues(view.logOptions) })
      : undefined,
    EnableLxcfs: view.enableLxcfs || undefined,
  });
  const diskQuota = Object.fromEntries(
    view.diskQuota.filter((row) => row.dir.trim()).map((row) => [row.dir.trim(), row.size.trim()]),
  );

  const envRows = view.env.filter((row) => row.key.trim());
  // Ports the container exposed without publishing (kept) and the form's, together.
  const keptExposed = (view.kept.config.ExposedPorts ?? {}) as Record<string, object>;
  const allExposed = { ...keptExposed, ...exposed };
  const body = dropUndefined({
    ...view.kept.config,
    Image: view.image.trim(),
    Cmd: view.command.trim() ? splitShellWords(view.command) : undefined,
    Entrypoint: view.entrypoint.trim() ? splitShellWords(view.entrypoint) : undefined,
    Env: nonEmpty(envRows.map((row) => `${row.key.trim()}=${row.value}`)),
    ExposedPorts: Object.keys(allExposed).length ? allExposed : undefined,
    Labels: keyValues(view.labels),
    Healthcheck: healthcheck,
    User: text(view.user),
    WorkingDir: text(view.workdir),
    Hostname: text(view.hostname),
    Domainname: text(view.domainname),
    Tty: view.tty || undefined,
    OpenStdin: view.openStdin || undefined,
    AttachStdin: view.openStdin || undefined,
    Rich: view.rich || undefined,
    RichMode: view.rich ? view.richMode : undefined,
    InitScript: text(view.initScript),
    DiskQuota: Object.keys(diskQuota).length ? diskQuota : undefined,
    HostConfig: hostConfig,
    NetworkingConfig:
      first && !text(view.networkMode)
        ? { EndpointsConfig: { [first.name.trim()]: endpointConfig(first) } }
        : undefined,
  });
  return {
    name: text(view.name),
    body,
    connectAfter: text(view.networkMode)
      ? []
      : rest.map((row) => ({ network: row.name.trim(), endpointConfig: endpointConfig(row) })),
  };
}

// ── inspect -> view ─────────────────────────────────────────────────────────
const split = (pair: string): KeyValueRow => {
  const eq = pair.indexOf('=');
  return eq < 0 ? { key: pair, value: '' } : { key: pair.slice(0, eq), value: pair.slice(eq + 1) };
};

interface LooseHostConfig {
  Tmpfs?: Record<string, string> | null;
  Ulimits?: Array<{ Name: string; Soft: number; Hard: number }> | null;
  Mounts?: Array<{
    Type: string;
    Source?: string;
    Target: string;
    ReadOnly?: boolean;
    TmpfsOptions?: { SizeBytes?: number };
  }> | null;
}

/**
 * A form prefilled from a container. Only what the container's own config set is copied: image
 * defaults (Cmd, Env, Labels the image brought) are kept too, as `docker inspect` cannot tell
 * them apart; the engine merges them the same either way.
 */
export function toViewModel(inspect: ContainerInspect): CreateView {
  const view = emptyCreateView();
  const config = inspect.Config;
  const host = inspect.HostConfig;
  const loose = host as typeof host & LooseHostConfig;
  view.image = config.Image ?? inspect.Image;
  view.name = inspect.Name.replace(/^\//, '');
  view.command = config.Cmd?.length ? joinShellWords(config.Cmd) : '';
  view.entrypoint = config.Entrypoint?.length ? joinShellWords(config.Entrypoint) : '';
  view.env = (config.Env ?? []).map(split);

  const bindings = host.PortBindings ?? {};
  const unpublished: Record<string, object> = {};
  const portKeys = new Set([...Object.keys(config.ExposedPorts ?? {}), ...Object.keys(bindings)]);
  for (const key of portKeys) {
    const [port = '', protocol = 'tcp'] = key.split('/');
    const hostSide = bindings[key];
    if (!hostSide?.length) {
      // Exposed but not published (by the image or by the container's config; inspect cannot
      // tell which): no form row, sent back as it was.
      unpublished[key] = {};
      continue;
    }
    for (const binding of hostSide) {
      view.ports.push({
        containerPort: port,
        protocol: protocol as Protocol,
        hostIp: binding.HostIp ?? '',
        hostPort: binding.HostPort ?? '',
      });
    }
  }
  view.publishAll = host.PublishAllPorts ?? false;

  for (const bind of host.Binds ?? []) {
    const [source = '', target = '', optionText = ''] = bind.split(':');
    const options = optionText.split(',').filter(Boolean);
    view.mounts.push({
      type: source.startsWith('/') ? 'bind' : 'volume',
      source,
      target,
      readOnly: options.includes('ro'),
      size: '',
      origin: { from: 'binds', options },
    });
  }
  for (const mount of loose.Mounts ?? []) {
    if (mount.Type !== 'bind' && mount.Type !== 'volume' && mount.Type !== 'tmpfs') continue;
    const { Type, Source, Target, ReadOnly, ...extra } = mount;
    view.mounts.push({
      type: Type,
      source: Source ?? '',
      target: Target,
      readOnly: ReadOnly ?? false,
      size: mount.TmpfsOptions?.SizeBytes ? formatSize(mount.TmpfsOptions.SizeBytes) : '',
      origin: { from: 'mounts', extra },
    });
  }
  for (const [target, optionText] of Object.entries(loose.Tmpfs ?? {})) {
    const options = optionText.split(',').filter(Boolean);
    const sizeOption = options.find((option) => option.startsWith('size='))?.slice(5) ?? '';
    view.mounts.push({
      type: 'tmpfs',
      source: '',
      target,
      readOnly: options.includes('ro'),
      size: sizeOption,
      origin: { from: 'tmpfs', options: options.filter((option) => option !== 'ro') },
    });
  }

  const mode = host.NetworkMode ?? '';
  const networks = inspect.NetworkSettings.Networks ?? {};
  const attached = Object.entries(networks);
  const special = mode === 'host' || mode === 'none' || mode.startsWith('container:');
  if (special) view.networkMode = mode;
  else if (!(
    attached.length === 1 &&
    (mode === 'default' || mode === 'bridge') &&
    attached[0]?.[0] === 'bridge'
  )) {
    for (const [name, settings] of attached) {
      const loose = settings as typeof settings & {
        Aliases?: string[] | null;
        IPAMConfig?: { IPv4Address?: string; IPv6Address?: string } | null;
      };
      // The engine adds the short container id as an alias on user networks: not the user's.
      const aliases = (loose.Aliases ?? []).filter((alias) => !inspect.Id.startsWith(alias));
      view.networks.push({
        name,
        aliases: aliases.join(', '),
        ipv4: loose.IPAMConfig?.IPv4Address ?? '',
        ipv6: loose.IPAMConfig?.IPv6Address ?? '',
      });
    }
  }

  const restart = host.RestartPolicy?.Name;
  view.restartPolicy = restart || 'no';
  view.maxRetries = host.RestartPolicy?.MaximumRetryCount
    ? String(host.RestartPolicy.MaximumRetryCount)
    : '';
  const numText = (value: number | null | undefined) => (value ? String(value) : '');
  view.cpus = host.NanoCpus ? String(host.NanoCpus / 1e9) : '';
  view.cpuShares = numText(host.CpuShares);
  view.cpuPeriod = numText(host.CpuPeriod);
  view.cpuQuota = numText(host.CpuQuota);
  view.cpusetCpus = host.CpusetCpus ?? '';
  const sizeText = (value: number | undefined) =>
    !value ? '' : value === -1 ? '-1' : formatSize(value);
  view.memory = sizeText(host.Memory);
  view.memorySwap = sizeText(host.MemorySwap);
  view.memoryReservation = sizeText(host.MemoryReservation);
  view.pidsLimit = host.PidsLimit ? String(host.PidsLimit) : '';
  view.ulimits = (loose.Ulimits ?? []).map((u) => ({
    name: u.Name,
    soft: String(u.Soft),
    hard: String(u.Hard),
  }));
  view.labels = Object.entries(config.Labels ?? {}).map(([key, value]) => ({ key, value }));

  const test = config.Healthcheck?.Test;
  if (test?.[0] === 'NONE') view.healthMode = 'none';
  else if (test?.[0] === 'CMD' || test?.[0] === 'CMD-SHELL') {
    view.healthMode = test[0];
    view.healthTest = test[0] === 'CMD' ? joinShellWords(test.slice(1)) : (test[1] ?? '');
    const hc = config.Healthcheck ?? {};
    view.healthInterval = hc.Interval ? formatDuration(hc.Interval) : '';
    view.healthTimeout = hc.Timeout ? formatDuration(hc.Timeout) : '';
    view.healthRetries = hc.Retries ? String(hc.Retries) : '';
    view.healthStartPeriod = hc.StartPeriod ? formatDuration(hc.StartPeriod) : '';
  }

  view.user = config.User ?? '';
  view.workdir = config.WorkingDir ?? '';
  // The engine fills Hostname with the short id when none was asked for.
  view.hostname = config.Hostname && !inspect.Id.startsWith(config.Hostname) ? config.Hostname : '';
  view.domainname = config.Domainname ?? '';
  view.dns = (host.Dns ?? []).join(', ');
  view.extraHosts = (host.ExtraHosts ?? []).join('\n');
  view.capAdd = (host.CapAdd ?? []).join(', ');
  view.capDrop = (host.CapDrop ?? []).join(', ');
  const log = host.LogConfig;
  view.logDriver = log?.Type && log.Type !== 'json-file' ? log.Type : '';
  view.logOptions = Object.entries(log?.Config ?? {}).map(([key, value]) => ({ key, value }));
  if (log?.Type === 'json-file' && view.logOptions.length) view.logDriver = 'json-file';
  view.tty = config.Tty ?? false;
  view.openStdin = config.OpenStdin ?? false;
  view.autoRemove = host.AutoRemove ?? false;
  const pouch = config as typeof config & {
    Rich?: boolean;
    RichMode?: string;
    InitScript?: string;
    DiskQuota?: Record<string, string> | null;
  };
  view.rich = pouch.Rich ?? false;
  view.richMode =
    (['dumb-init', 'sbin-init', 'systemd'] as const).find((mode) => mode === pouch.RichMode) ??
    'dumb-init';
  view.initScript = pouch.InitScript ?? '';
  view.diskQuota = Object.entries(pouch.DiskQuota ?? {}).map(([dir, size]) => ({ dir, size }));
  view.enableLxcfs = (host as typeof host & { EnableLxcfs?: boolean }).EnableLxcfs ?? false;
  view.kept = keptSettings(inspect);
  if (Object.keys(unpublished).length) view.kept.config.ExposedPorts = unpublished;
  return view;
}

/** Config keys the form owns: `toViewModel` reads them into fields, `toRequest` writes them. */
export const FORM_CONFIG_KEYS = [
  'Image',
  'Cmd',
  'Entrypoint',
  'Env',
  'ExposedPorts',
  'Labels',
  'Healthcheck',
  'User',
  'WorkingDir',
  'Hostname',
  'Domainname',
  'Tty',
  'OpenStdin',
  'AttachStdin',
  'Rich',
  'RichMode',
  'InitScript',
  'DiskQuota',
] as const;

/** HostConfig keys the form owns. */
export const FORM_HOST_CONFIG_KEYS = [
  'PortBindings',
  'PublishAllPorts',
  'Mounts',
  'Binds',
  'Tmpfs',
  'NetworkMode',
  'RestartPolicy',
  'AutoRemove',
  'NanoCpus',
  'CpuShares',
  'CpuPeriod',
  'CpuQuota',
  'CpusetCpus',
  'Memory',
  'MemorySwap',
  'MemoryReservation',
  'PidsLimit',
  'Ulimits',
  'Dns',
  'ExtraHosts',
  'CapAdd',
  'CapDrop',
  'LogConfig',
  'EnableLxcfs',
] as const;

function without(
  object: Record<string, unknown> | null | undefined,
  owned: readonly string[],
): Record<string, unknown> {
  // null is the engine's "not set": sending it back would say nothing, so it is left out.
  return Object.fromEntries(
    Object.entries(object ?? {}).filter(([key, value]) => value !== null && !owned.includes(key)),
  );
}

/** Everything of the container's Config and HostConfig that the form has no field for. */
export function keptSettings(inspect: ContainerInspect): KeptSettings {
  return {
    config: without(inspect.Config as Record<string, unknown>, FORM_CONFIG_KEYS),
    hostConfig: without(inspect.HostConfig as Record<string, unknown>, FORM_HOST_CONFIG_KEYS),
  };
}

const isDefault = (value: unknown) =>
  value === false ||
  value === 0 ||
  value === '' ||
  (Array.isArray(value) && value.every((item) => item === 0)) ||
  (typeof value === 'object' && value !== null && Object.keys(value).length === 0);

/**
 * The kept settings that say something (not false, 0, '' or empty), for the form to name what it
 * carries through; the defaults go back too, they are just not worth a mention.
 */
export function keptNames(kept: KeptSettings): string[] {
  const named = (prefix: string, object: Record<string, unknown>) =>
    Object.entries(object)
      .filter(([, value]) => !isDefault(value))
      .map(([key]) => `${prefix}${key}`);
  return [...named('', kept.config), ...named('HostConfig.', kept.hostConfig)];
}
