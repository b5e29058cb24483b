import { describe, expect, it } from 'vitest';
import {
  containerUpdateFromHost,
  containerUpdateSchema,
  toContainerUpdate,
} from './container-update';
import type { ContainerUpdateValues } from './container-update';

// A running PouchContainer's HostConfig as pouchd 1.3.0 reports it (fixtures/pouch-1.3.0): zeros,
// nulls and no RestartPolicy at all.
const pouchHost = {
  BlkioDeviceReadBps: null,
  BlkioWeight: 0,
  BlkioWeightDevice: null,
  CpuPeriod: 0,
  CpuQuota: 0,
  CpuShares: 0,
  CpusetCpus: '',
  KernelMemory: 0,
  Memory: 0,
  MemorySwap: 0,
  MemorySwappiness: null,
  NanoCpus: 0,
  OomKillDisable: null,
  PidsLimit: 0,
  Ulimits: null,
};

const errorsOf = (values: ContainerUpdateValues) => {
  const result = containerUpdateSchema.safeParse(values);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('the Update resources form', () => {
  it('prefills from the HostConfig and sends nothing when nothing changed', () => {
    const initial = containerUpdateFromHost({
      Memory: 512 * 1024 ** 2,
      MemorySwap: -1,
      NanoCpus: 1.5e9,
      MemorySwappiness: -1,
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
      BlkioWeightDevice: [{ Path: '/dev/sda', Weight: 300 }],
      BlkioDeviceReadBps: [{ Path: '/dev/sda', Rate: 10 * 1024 ** 2 }],
      Ulimits: [{ Name: 'nofile', Soft: 1024, Hard: 2048 }],
    });
    expect(initial).toMatchObject({
      memory: '512m',
      memorySwap: '-1',
      cpus: '1.5',
      memorySwappiness: '',
      restartPolicy: 'on-failure',
      maxRetries: '3',
      blkioWeightDevice: [{ path: '/dev/sda', weight: '300' }],
      blkioDeviceReadBps: [{ path: '/dev/sda', rate: '10m' }],
      ulimits: [{ name: 'nofile', soft: '1024', hard: '2048' }],
    });
    expect(containerUpdateSchema.safeParse(initial).success).toBe(true);
    expect(toContainerUpdate(initial, initial)).toEqual({});
  });

  it('sends only the fields that changed, in the engine units', () => {
    const initial = containerUpdateFromHost(pouchHost);
    const changed: ContainerUpdateValues = {
      ...initial,
      memory: '256m',
      cpus: '0.5',
      cpusetMems: '0',
      oomKillDisable: true,
      blkioDeviceWriteIOps: [{ path: '/dev/vda', rate: '200' }],
      ulimits: [{ name: 'nproc', soft: '100', hard: '200' }],
    };
    expect(toContainerUpdate(containerUpdateSchema.parse(changed), initial)).toEqual({
      Memory: 256 * 1024 ** 2,
      NanoCpus: 5e8,
      CpusetMems: '0',
      OomKillDisable: true,
      BlkioDeviceWriteIOps: [{ Path: '/dev/vda', Rate: 200 }],
      Ulimits: [{ Name: 'nproc', Soft: 100, Hard: 200 }],
    });
  });

  it('leaves the restart policy out for a Pouch container unless it is changed', () => {
    const initial = containerUpdateFromHost(pouchHost);
    expect(initial.restartPolicy).toBe('no');
    expect(toContainerUpdate({ ...initial, pidsLimit: '64' }, initial)).toEqual({ PidsLimit: 64 });
    expect(toContainerUpdate({ ...initial, restartPolicy: 'always' }, initial)).toEqual({
      RestartPolicy: { Name: 'always' },
    });
  });

  it('refuses what the engine would, at the field', () => {
    const initial = containerUpdateFromHost(pouchHost);
    expect(
      errorsOf({
        ...initial,
        memory: '512x',
        cpus: '1,5',
        cpuPeriod: '500',
        memorySwappiness: '101',
        blkioWeight: '5',
        blkioDeviceReadBps: [{ path: 'sda', rate: 'fast' }],
        ulimits: [{ name: 'nofile', soft: '4096', hard: '1024' }],
      }),
    ).toEqual({
      memory: 'A size like 512m or 1g.',
      cpus: 'A number of CPUs like 1.5.',
      cpuPeriod: 'Microseconds from 1000 to 1000000.',
      memorySwappiness: 'A number from 0 to 100 (-1: the default).',
      blkioWeight: 'A weight from 10 to 1000.',
      'blkioDeviceReadBps.0.path': 'A device path like /dev/sda.',
      'blkioDeviceReadBps.0.rate': 'A rate like 10m (bytes a second).',
      'ulimits.0.soft': 'The soft limit cannot pass the hard one.',
    });
  });

  it('keeps the reservation under the limit and memory + swap above it', () => {
    const initial = containerUpdateFromHost(pouchHost);
    expect(
      errorsOf({ ...initial, memory: '256m', memoryReservation: '512m', memorySwap: '128m' }),
    ).toEqual({
      memoryReservation: 'The reservation cannot pass the memory limit.',
      memorySwap: 'Memory + swap cannot be below the memory limit.',
    });
    expect(errorsOf({ ...initial, memory: '256m', memorySwap: '-1' })).toEqual({});
  });
});
