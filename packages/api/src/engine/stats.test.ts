import { describe, expect, it } from 'vitest';
import { computeStats, cpuPercent, memoryUsed, type RawStats } from './stats';

const base: RawStats = {
  read: '2026-11-23T10:00:01.000000000Z',
  preread: '2026-11-23T10:00:00.000000000Z',
  pids_stats: { current: 7 },
  cpu_stats: {
    cpu_usage: { total_usage: 1_500_000_000 },
    system_cpu_usage: 20_000_000_000,
    online_cpus: 2,
  },
  precpu_stats: {
    cpu_usage: { total_usage: 1_000_000_000 },
    system_cpu_usage: 18_000_000_000,
    online_cpus: 2,
  },
  memory_stats: { usage: 100_000_000, limit: 1_000_000_000, stats: { inactive_file: 20_000_000 } },
  networks: { eth0: { rx_bytes: 5000, tx_bytes: 1000 } },
  blkio_stats: {
    io_service_bytes_recursive: [
      { op: 'read', value: 4096 },
      { op: 'write', value: 8192 },
    ],
  },
};

describe('stats, as the docker CLI computes them', () => {
  it('CPU % from the delta over the system delta, times online CPUs', () => {
    // 0.5 s of CPU over 2 s of system time on 2 CPUs = 50%
    expect(computeStats(base, undefined).cpuPercent).toBe(50);
  });

  it('falls back to the per-CPU counter count when online_cpus is missing', () => {
    const now = {
      cpu_usage: { total_usage: 1_500_000_000, percpu_usage: [1, 2, 3, 4] },
      system_cpu_usage: 20_000_000_000,
    };
    const before = { cpu_usage: { total_usage: 1_000_000_000 }, system_cpu_usage: 18_000_000_000 };
    expect(cpuPercent(now, before)).toBe(100);
  });

  it('subtracts the page cache: cgroup v2 inactive_file, cgroup v1 total_inactive_file', () => {
    expect(memoryUsed({ usage: 100, stats: { inactive_file: 30 } })).toBe(70);
    expect(memoryUsed({ usage: 100, stats: { total_inactive_file: 40, inactive_file: 30 } })).toBe(
      60,
    );
    expect(memoryUsed({ usage: 100, stats: { inactive_file: 300 } })).toBe(100);
    const s = computeStats(base, undefined);
    expect(s).toMatchObject({
      memoryUsage: 80_000_000,
      memoryLimit: 1_000_000_000,
      memoryPercent: 8,
      pids: 7,
    });
  });

  it('turns network and block counters into rates between readings', () => {
    const next: RawStats = {
      ...base,
      read: '2026-11-23T10:00:03.000000000Z',
      networks: { eth0: { rx_bytes: 9000, tx_bytes: 3000 }, eth1: { rx_bytes: 1000, tx_bytes: 0 } },
      blkio_stats: {
        io_service_bytes_recursive: [
          { op: 'Read', value: 4096 + 2048 },
          { op: 'Write', value: 8192 },
        ],
      },
    };
    expect(computeStats(next, base)).toMatchObject({
      netRxBytesPerSec: 2500,
      netTxBytesPerSec: 1000,
      blockReadBytesPerSec: 1024,
      blockWriteBytesPerSec: 0,
    });
    expect(computeStats(base, undefined)).toMatchObject({
      netRxBytesPerSec: 0,
      blockReadBytesPerSec: 0,
    });
  });

  it('uses the previous reading when there is no precpu_stats (pouchd), with its misspelt system field', () => {
    const first: RawStats = {
      read: '2026-11-23T10:00:00Z',
      cpu_stats: {
        cpu_usage: { total_usage: 1_000_000_000, percpu_usage: [1, 1] },
        syetem_cpu_usage: 10_000_000_000,
      },
    };
    const second: RawStats = {
      read: '2026-11-23T10:00:01Z',
      cpu_stats: {
        cpu_usage: { total_usage: 1_250_000_000, percpu_usage: [1, 1] },
        syetem_cpu_usage: 11_000_000_000,
      },
    };
    expect(computeStats(first, undefined).cpuPercent).toBe(0);
    expect(computeStats(second, first).cpuPercent).toBe(50);
  });
});
