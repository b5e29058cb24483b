// The Update resources form's body (toContainerUpdate from @berth/api, the same function the
// dialog sends) through the relay to the real engine, read back from inspect: the fields reach
// the engine under the names it keeps, and a field left alone stays as it was.
import { containerUpdateFromHost, containerUpdateSchema, toContainerUpdate } from '@berth/api';
import type { UpdatableHostConfig } from '@berth/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../src/gateway';
import {
  bearer,
  createContainer,
  engine,
  relayClient,
  removeTestContainers,
  startTestGateway,
  tokenFor,
} from './harness';

let gateway: Gateway;
const api = relayClient(
  () => gateway,
  () => bearer(tokenFor(gateway, 'operator')),
);

beforeAll(async () => {
  await removeTestContainers();
  gateway = await startTestGateway();
});

afterAll(async () => {
  await removeTestContainers();
  await gateway?.close();
});

const hostOf = async (id: string) =>
  (await engine<{ HostConfig: UpdatableHostConfig }>('GET', `/containers/${id}/json`)).body
    .HostConfig;

describe('Update resources against the real engine', () => {
  it('applies memory, CPU, pids, and restart fields, and leaves the others alone', async () => {
    const id = await createContainer('update-resources', ['sleep', '600'], {
      HostConfig: { CpuShares: 512, Memory: 256 * 1024 ** 2 },
    });
    expect((await engine('POST', `/containers/${id}/start`)).status).toBe(204);
    const initial = containerUpdateFromHost(await hostOf(id));
    expect(initial.cpuShares).toBe('512');
    const values = containerUpdateSchema.parse({
      ...initial,
      memory: '128m',
      memoryReservation: '64m',
      memorySwap: '256m',
      cpus: '0.5',
      cpusetCpus: '0',
      pidsLimit: '64',
      restartPolicy: 'on-failure',
      maxRetries: '2',
    });
    const body = toContainerUpdate(values, initial);
    // CpuShares was not touched, so it is not sent.
    expect(body).not.toHaveProperty('CpuShares');
    const res = await api<{ Warnings?: string[] | null }>('POST', `/containers/${id}/update`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    const host = await hostOf(id);
    expect(host).toMatchObject({
      Memory: 128 * 1024 ** 2,
      MemoryReservation: 64 * 1024 ** 2,
      MemorySwap: 256 * 1024 ** 2,
      NanoCpus: 5e8,
      CpusetCpus: '0',
      PidsLimit: 64,
      CpuShares: 512,
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 },
    });
    // Read back, the form shows what was sent: nothing is left to send.
    expect(toContainerUpdate(containerUpdateFromHost(host), values)).toEqual({});
  });

  it("puts the engine's refusal in the answer's message (a swap below the memory limit)", async () => {
    const id = await createContainer('update-refused', ['sleep', '600'], {
      HostConfig: { Memory: 256 * 1024 ** 2, MemorySwap: 512 * 1024 ** 2 },
    });
    await engine('POST', `/containers/${id}/start`);
    const initial = containerUpdateFromHost(await hostOf(id));
    // The form refuses this at the field; sent anyway, the engine refuses it too.
    expect(containerUpdateSchema.safeParse({ ...initial, memorySwap: '128m' }).success).toBe(false);
    const res = await api<{ message: string }>(
      'POST',
      `/containers/${id}/update`,
      toContainerUpdate({ ...initial, memorySwap: '128m' }, initial),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body.message).toMatch(/memsw|swap/i);
  });
});
