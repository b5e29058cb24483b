import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureBaseImage,
  startPrivateEngine,
  type PrivateEngine,
} from '../../../scripts/lib/engine.mjs';
import type { Gateway } from '../src/gateway';
import {
  bearer,
  eventually,
  relayClient,
  startTestGateway,
  tempDataDir,
  tokenFor,
} from './harness';
import { ModelClient } from './model-client';
import { openTerminal } from './terminal-client';

// A real single-node swarm on an engine of its own (swarm mode changes an engine's networks).
let swarmEngine: PrivateEngine;
let gateway: Gateway;
let admin: Record<string, string>;
let operator: Record<string, string>;
let viewer: Record<string, string>;

const api = relayClient(
  () => gateway,
  () => admin,
);

interface Task {
  ID: string;
  NodeID: string;
  Status: { State: string };
  DesiredState: string;
}

const runningTasks = (service: string) =>
  api<Task[]>(
    'GET',
    `/tasks?filters=${encodeURIComponent(JSON.stringify({ service: [service], 'desired-state': ['running'] }))}`,
  ).then((r) => r.body.filter((t) => t.Status.State === 'running'));

beforeAll(async () => {
  swarmEngine = await startPrivateEngine({ name: 'itest-swarm', dir: tempDataDir() });
  await ensureBaseImage(swarmEngine.host);
  gateway = await startTestGateway({ DOCKER_HOST: swarmEngine.host });
  admin = bearer(tokenFor(gateway, 'admin'));
  operator = bearer(tokenFor(gateway, 'operator'));
  viewer = bearer(tokenFor(gateway, 'viewer'));
});

afterAll(async () => {
  await gateway?.close();
  await swarmEngine?.stop();
});

describe('swarm through the relay', () => {
  it('keeps swarm changes from operators', async () => {
    const init = await api<{ message: string }>(
      'POST',
      '/swarm/init',
      { ListenAddr: '127.0.0.1:2377', AdvertiseAddr: '127.0.0.1' },
      operator,
    );
    expect(init.status).toBe(403);
    expect(init.body.message).toMatch(/needs admin/);

    // the cluster, its nodes, secrets and configs are the admin's; services are operator+
    const adminOnly = [
      ['GET', '/swarm'],
      ['POST', '/swarm/init'],
      ['POST', '/swarm/join'],
      ['POST', '/swarm/leave'],
      ['POST', '/swarm/update?version=1'],
      ['GET', '/swarm/unlockkey'],
      ['POST', '/swarm/unlock'],
      ['POST', '/nodes/n1/update?version=1'],
      ['DELETE', '/nodes/n1'],
      ['POST', '/secrets/create'],
      ['POST', '/secrets/s1/update?version=1'],
      ['DELETE', '/secrets/s1'],
      ['POST', '/configs/create'],
      ['POST', '/configs/c1/update?version=1'],
      ['DELETE', '/configs/c1'],
    ] as const;
    const operatorPlus = [
      ['POST', '/services/create'],
      ['POST', '/services/s1/update?version=1'],
      ['DELETE', '/services/s1'],
    ] as const;
    for (const [method, path] of adminOnly) {
      for (const who of [operator, viewer]) {
        expect(
          (await api(method, path, method === 'GET' ? undefined : {}, who)).status,
          `${method} ${path}`,
        ).toBe(403);
      }
    }
    for (const [method, path] of operatorPlus) {
      expect((await api(method, path, {}, viewer)).status, `${method} ${path}`).toBe(403);
    }
  });

  it('init, a replicated service with a secret and a config, scale 1 to 3, update and roll back, drain and activate, logs, leave', async () => {
    // A page watching the live model since before the swarm existed: the model must learn this
    // engine became a manager and follow the service's tasks.
    const watcher = new ModelClient(
      `${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws/events`,
      viewer,
    );
    await watcher.start();
    await eventually('the model snapshot', () => watcher.replica.complete, Boolean, 10_000);
    const modelRunning = async (service: string) =>
      watcher
        .rows('tasks')
        .filter(
          (t) => t.serviceId === service && t.desiredState === 'running' && t.state === 'running',
        );

    const init = await api<string>('POST', '/swarm/init', {
      ListenAddr: '127.0.0.1:2377',
      AdvertiseAddr: '127.0.0.1',
    });
    expect(init.status).toBe(200);
    const info = await api<{ Swarm: { LocalNodeState: string; ControlAvailable: boolean } }>(
      'GET',
      '/info',
    );
    expect(info.body.Swarm).toMatchObject({ LocalNodeState: 'active', ControlAvailable: true });

    const secret = await api<{ ID: string }>('POST', '/secrets/create', {
      Name: 'berth-secret',
      Data: Buffer.from('s3cret').toString('base64'),
    });
    const config = await api<{ ID: string }>('POST', '/configs/create', {
      Name: 'berth-config',
      Data: Buffer.from('greeting=hi').toString('base64'),
    });
    expect([secret.status, config.status]).toEqual([201, 201]);

    const spec = {
      Name: 'berth-web',
      TaskTemplate: {
        ContainerSpec: {
          Image: 'berth/busybox:latest',
          Command: [
            'sh',
            '-c',
            'echo hello-from-$(cat /run/secrets/berth-secret)-$(cat /config.txt); sleep 3600',
          ],
          Env: ['STAGE=one'],
          Secrets: [
            {
              SecretID: secret.body.ID,
              SecretName: 'berth-secret',
              File: { Name: 'berth-secret', UID: '0', GID: '0', Mode: 0o444 },
            },
          ],
          Configs: [
            {
              ConfigID: config.body.ID,
              ConfigName: 'berth-config',
              File: { Name: '/config.txt', UID: '0', GID: '0', Mode: 0o444 },
            },
          ],
        },
      },
      Mode: { Replicated: { Replicas: 1 } },
    };
    const created = await api<{ ID: string }>('POST', '/services/create', spec, operator);
    expect(created.status).toBe(201);
    const id = created.body.ID;
    await eventually(
      '1 running task',
      () => runningTasks(id),
      (t) => t.length === 1,
    );

    const scale = async (
      replicas: number,
      change: Partial<typeof spec.TaskTemplate.ContainerSpec> = {},
    ) => {
      const current = await api<{ Version: { Index: number }; Spec: typeof spec }>(
        'GET',
        `/services/${id}`,
      );
      const next = {
        ...current.body.Spec,
        Mode: { Replicated: { Replicas: replicas } },
        TaskTemplate: {
          ...current.body.Spec.TaskTemplate,
          ContainerSpec: { ...current.body.Spec.TaskTemplate.ContainerSpec, ...change },
        },
      };
      return api(
        'POST',
        `/services/${id}/update?version=${current.body.Version.Index}`,
        next,
        operator,
      );
    };
    expect((await scale(3)).status).toBe(200);
    expect(
      await eventually(
        '3 running tasks',
        () => runningTasks(id),
        (t) => t.length === 3,
      ),
    ).toHaveLength(3);
    expect(watcher.replica.swarm).toBe(true);
    expect(
      await eventually(
        '3 running tasks in the model',
        () => modelRunning(id),
        (t) => t.length === 3,
        20_000,
      ),
    ).toHaveLength(3);
    watcher.close();

    // a stale version is refused by the engine, in its words
    const stale = await api<{ message: string }>(
      'POST',
      `/services/${id}/update?version=1`,
      spec,
      operator,
    );
    expect(stale.status).toBeGreaterThanOrEqual(400);
    expect(stale.body.message).toMatch(/out of sequence/);

    expect((await scale(3, { Env: ['STAGE=two'] })).status).toBe(200);
    const updated = await api<{
      Spec: typeof spec;
      PreviousSpec?: typeof spec;
      Version: { Index: number };
    }>('GET', `/services/${id}`);
    expect(updated.body.Spec.TaskTemplate.ContainerSpec.Env).toEqual(['STAGE=two']);
    // The rolling update bumps the service's version as it goes: like a person told "changed
    // meanwhile, reload", read the version again when the engine says it is out of sequence.
    const rollback = await eventually(
      'the rollback to be accepted',
      async () => {
        const current = await api<{ Version: { Index: number }; Spec: typeof spec }>(
          'GET',
          `/services/${id}`,
        );
        return api<{ message?: string }>(
          'POST',
          `/services/${id}/update?version=${current.body.Version.Index}&rollback=previous`,
          current.body.Spec,
          operator,
        );
      },
      (r) => r.status === 200 || !/out of sequence/.test(r.body?.message ?? ''),
      20_000,
    );
    expect(rollback.status, JSON.stringify(rollback.body)).toBe(200);
    const rolledBack = await api<{ Spec: typeof spec }>('GET', `/services/${id}`);
    expect(rolledBack.body.Spec.TaskTemplate.ContainerSpec.Env).toEqual(['STAGE=one']);

    const [node] = (
      await api<
        Array<{
          ID: string;
          Version: { Index: number };
          Spec: { Role: string; Availability: string };
        }>
      >('GET', '/nodes')
    ).body;
    const setAvailability = async (availability: string, headers = admin) => {
      const current = await api<{ Version: { Index: number }; Spec: object }>(
        'GET',
        `/nodes/${node!.ID}`,
      );
      return api<{ message?: string }>(
        'POST',
        `/nodes/${node!.ID}/update?version=${current.body.Version.Index}`,
        { ...current.body.Spec, Availability: availability },
        headers,
      );
    };
    expect((await setAvailability('drain', operator)).status).toBe(403);
    expect((await setAvailability('drain')).status).toBe(200);
    await eventually(
      'no running task while drained',
      () => runningTasks(id),
      (t) => t.length === 0,
    );
    expect((await setAvailability('active')).status).toBe(200);
    await eventually(
      '3 running tasks again',
      () => runningTasks(id),
      (t) => t.length === 3,
    );

    // a single-node swarm refuses to lose its only manager, in the engine's plain words
    const demote = await api<{ message: string }>(
      'POST',
      `/nodes/${node!.ID}/update?version=${(await api<{ Version: { Index: number } }>('GET', `/nodes/${node!.ID}`)).body.Version.Index}`,
      { ...node!.Spec, Role: 'worker' },
    );
    expect(demote.status).toBeGreaterThanOrEqual(400);
    expect(demote.body.message).toMatch(/last manager/);
    const removeManager = await api<{ message: string }>('DELETE', `/nodes/${node!.ID}`);
    expect(removeManager.status).toBeGreaterThanOrEqual(400);
    expect(removeManager.body.message).toMatch(/manager|demote/);
    expect(removeManager.body.message).not.toMatch(/\n\s+at /);
    const staleNode = await api<{ message: string }>(
      'POST',
      `/nodes/${node!.ID}/update?version=1`,
      { ...node!.Spec, Availability: 'pause' },
    );
    expect(staleNode.body.message).toMatch(/out of sequence/);
    const leaveUnforced = await api<{ message: string }>('POST', '/swarm/leave');
    expect(leaveUnforced.status).toBeGreaterThanOrEqual(400);
    expect(leaveUnforced.body.message).toMatch(/force/);

    const logs = await openTerminal(
      `${gateway.url.replace('http', 'ws')}/api/endpoints/local/ws/logs?service=${id}&follow=0&timestamps=0`,
      admin,
    );
    await logs.closed;
    expect(logs.text(1)).toMatch(/hello-from-s3cret-greeting=hi/);

    expect((await api('DELETE', `/services/${id}`, undefined, operator)).status).toBe(200);
    expect((await api('POST', '/swarm/leave?force=1')).status).toBe(200);
    expect(
      (await api<{ Swarm: { LocalNodeState: string } }>('GET', '/info')).body.Swarm.LocalNodeState,
    ).toBe('inactive');
  }, 240_000);
});
