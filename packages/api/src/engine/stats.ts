// Container resource numbers from the engine's stats stream, computed the way the docker CLI does
// (cli/command/container/stats_helpers.go), once, in the gateway.

/** The parts of a `/containers/{id}/stats` sample Berth reads (Docker and pouchd). */
export interface RawStats {
  read?: string;
  preread?: string;
  pids_stats?: { current?: number };
  cpu_stats?: CpuStats;
  precpu_stats?: CpuStats;
  memory_stats?: {
    usage?: number;
    limit?: number;
    stats?: Record<string, number | undefined>;
  };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: Array<{ op?: string; value?: number }> | null };
}

interface CpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null };
  system_cpu_usage?: number;
  /** pouchd 1.3 spells it this way. */
  syetem_cpu_usage?: number;
  online_cpus?: number;
}

/** One computed sample, as `WS …/ws/stats` sends it (without `type` and `container`). */
export interface StatsSample {
  /** ms since epoch */
  time: number;
  cpuPercent: number;
  memoryUsage: number;
  memoryLimit: number;
  memoryPercent: number;
  netRxBytesPerSec: number;
  netTxBytesPerSec: number;
  blockReadBytesPerSec: number;
  blockWriteBytesPerSec: number;
  pids: number;
}

export type StatsMessage =
  | ({ type: 'stats'; container: string } & StatsSample)
  /** Sent once on subscribe: the last ~5 minutes, oldest first, so charts draw at once. */
  | { type: 'history'; container: string; samples: StatsSample[] }
  | { type: 'error'; container: string; message: string };

export type StatsRequest = { type: 'subscribe' | 'unsubscribe'; containers: string[] };

function systemUsage(cpu: CpuStats | undefined): number | undefined {
  return cpu?.system_cpu_usage ?? cpu?.syetem_cpu_usage;
}

/**
 * CPU % over the interval between two cpu readings, scaled to the online CPUs (100% = one CPU
 * busy), falling back to the number of per-CPU counters when `online_cpus` is missing.
 */
export function cpuPercent(now: CpuStats | undefined, before: CpuStats | undefined): number {
  const total = now?.cpu_usage?.total_usage;
  const prevTotal = before?.cpu_usage?.total_usage;
  const system = systemUsage(now);
  const prevSystem = systemUsage(before);
  if (
    total === undefined ||
    prevTotal === undefined ||
    system === undefined ||
    prevSystem === undefined
  )
    return 0;
  const cpuDelta = total - prevTotal;
  const systemDelta = system - prevSystem;
  const cpus = now?.online_cpus || now?.cpu_usage?.percpu_usage?.length || 1;
  return systemDelta > 0 && cpuDelta > 0 ? (cpuDelta / systemDelta) * cpus * 100 : 0;
}

/** Memory in use without the page cache: cgroup v1 `total_inactive_file`, v2 `inactive_file`. */
export function memoryUsed(memory: RawStats['memory_stats']): number {
  const usage = memory?.usage ?? 0;
  const stats = memory?.stats ?? {};
  const v1 = stats.total_inactive_file;
  if (v1 !== undefined && v1 < usage) return usage - v1;
  const v2 = stats.inactive_file;
  if (v2 !== undefined && v2 < usage) return usage - v2;
  return usage;
}

function networkTotals(raw: RawStats): { rx: number; tx: number } {
  let rx = 0;
  let tx = 0;
  for (const n of Object.values(raw.networks ?? {})) {
    rx += n.rx_bytes ?? 0;
    tx += n.tx_bytes ?? 0;
  }
  return { rx, tx };
}

function blockTotals(raw: RawStats): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const entry of raw.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = entry.op?.toLowerCase();
    if (op === 'read') read += entry.value ?? 0;
    if (op === 'write') write += entry.value ?? 0;
  }
  return { read, write };
}

function timeOf(raw: RawStats, fallback: number): number {
  const parsed = raw.read ? Date.parse(raw.read) : Number.NaN;
  // "0001-01-01T00:00:00Z" (no reading) parses to a year-1 date: treat as missing
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

const rate = (now: number, before: number, seconds: number) =>
  seconds > 0 && now >= before ? (now - before) / seconds : 0;

/**
 * One sample from a reading and the previous one (rates need two). CPU uses the engine's own
 * `precpu_stats` when it has them (Docker) and the previous reading otherwise (pouchd, whose
 * one-shot samples carry none).
 */
export function computeStats(
  raw: RawStats,
  previous: RawStats | undefined,
  now = Date.now(),
): StatsSample {
  const time = timeOf(raw, now);
  const hasPre =
    raw.precpu_stats?.cpu_usage?.total_usage !== undefined &&
    systemUsage(raw.precpu_stats) !== undefined;
  const cpu = cpuPercent(raw.cpu_stats, hasPre ? raw.precpu_stats : previous?.cpu_stats);
  const used = memoryUsed(raw.memory_stats);
  const limit = raw.memory_stats?.limit ?? 0;
  const seconds = previous ? (time - timeOf(previous, time - 1000)) / 1000 : 0;
  const net = networkTotals(raw);
  const block = blockTotals(raw);
  const prevNet = previous ? networkTotals(previous) : net;
  const prevBlock = previous ? blockTotals(previous) : block;
  return {
    time,
    cpuPercent: round(cpu),
    memoryUsage: used,
    memoryLimit: limit,
    memoryPercent: limit > 0 ? round((used / limit) * 100) : 0,
    netRxBytesPerSec: Math.round(rate(net.rx, prevNet.rx, seconds)),
    netTxBytesPerSec: Math.round(rate(net.tx, prevNet.tx, seconds)),
    blockReadBytesPerSec: Math.round(rate(block.read, prevBlock.read, seconds)),
    blockWriteBytesPerSec: Math.round(rate(block.write, prevBlock.write, seconds)),
    pids: raw.pids_stats?.current ?? 0,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
