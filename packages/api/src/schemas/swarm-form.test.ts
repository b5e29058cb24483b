import { describe, expect, it } from 'vitest';
import type { SwarmSpec } from '../engine/swarm-types';
import {
  dataFormSchema,
  emptyDataForm,
  emptySwarmInitForm,
  emptySwarmJoinForm,
  nodeFormSchema,
  swarmInitFormSchema,
  swarmJoinFormSchema,
  swarmSettingsForm,
  swarmSettingsFormSchema,
  toDataCreate,
  toSwarmInit,
  toSwarmJoin,
  toSwarmSpec,
} from './swarm-form';

/** Each failing field's path and message. */
function errorsOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
  );
}

describe('swarm forms', () => {
  it('initialise: sends only what was typed, and checks the pool and the subnet size', () => {
    const minimal = swarmInitFormSchema.parse(emptySwarmInitForm());
    expect(toSwarmInit(minimal)).toEqual({
      ListenAddr: '0.0.0.0:2377',
      ForceNewCluster: false,
      Spec: {
        Orchestration: { TaskHistoryRetentionLimit: 5 },
        EncryptionConfig: { AutoLockManagers: false },
      },
    });
    const typed = swarmInitFormSchema.parse({
      ...emptySwarmInitForm(),
      advertise: ' 127.0.0.1 ',
      listen: '',
      pool: '10.20.0.0/16, 10.30.0.0/16',
      subnetSize: '26',
      taskHistory: '0',
    });
    expect(toSwarmInit(typed)).toMatchObject({
      ListenAddr: '0.0.0.0:2377',
      AdvertiseAddr: '127.0.0.1',
      DefaultAddrPool: ['10.20.0.0/16', '10.30.0.0/16'],
      SubnetSize: 26,
      // 0 is a limit a person may choose, not "empty".
      Spec: { Orchestration: { TaskHistoryRetentionLimit: 0 } },
    });
    expect(
      errorsOf(
        swarmInitFormSchema.safeParse({
          ...emptySwarmInitForm(),
          pool: '10.20.0.0',
          subnetSize: '33',
          taskHistory: 'five',
        }),
      ),
    ).toEqual({
      pool: expect.stringMatching(/CIDRs/),
      subnetSize: expect.stringMatching(/1 to 32/),
      taskHistory: expect.stringMatching(/whole number/),
    });
  });

  it('join: needs a SWMTKN- token and a manager address', () => {
    expect(
      errorsOf(swarmJoinFormSchema.safeParse({ ...emptySwarmJoinForm(), remotes: ' , ' })),
    ).toEqual({
      token: 'A join token starts with SWMTKN-.',
      remotes: expect.stringMatching(/manager address/),
    });
    const values = swarmJoinFormSchema.parse({
      ...emptySwarmJoinForm(),
      token: ' SWMTKN-1-abc ',
      remotes: 'a:2377 b:2377',
    });
    expect(toSwarmJoin(values)).toEqual({
      JoinToken: 'SWMTKN-1-abc',
      RemoteAddrs: ['a:2377', 'b:2377'],
      ListenAddr: '0.0.0.0:2377',
    });
  });

  it('settings: whole counts, positive durations, the rest of the spec kept', () => {
    const spec: SwarmSpec = {
      Name: 'default',
      Raft: { SnapshotInterval: 10000, ElectionTick: 10 },
      Dispatcher: { HeartbeatPeriod: 5e9 },
    };
    const form = swarmSettingsForm(spec);
    expect(form).toMatchObject({ heartbeat: '5', certExpiryHours: '2160', taskHistory: '5' });
    expect(
      errorsOf(
        swarmSettingsFormSchema.safeParse({ ...form, keepOldSnapshots: '1.5', heartbeat: '0' }),
      ),
    ).toEqual({ keepOldSnapshots: 'A whole number.', heartbeat: 'A positive number.' });
    const next = toSwarmSpec(spec, swarmSettingsFormSchema.parse({ ...form, heartbeat: '2.5' }));
    expect(next).toMatchObject({
      Name: 'default',
      Raft: { SnapshotInterval: 10000, ElectionTick: 10, KeepOldSnapshots: 0 },
      Dispatcher: { HeartbeatPeriod: 2.5e9 },
      CAConfig: { NodeCertExpiry: 2160 * 3600e9 },
    });
  });

  it('labels: a line that starts with = has lost its key', () => {
    expect(
      errorsOf(
        nodeFormSchema.safeParse({ availability: 'drain', role: 'worker', labels: 'zone=a\n =b' }),
      ),
    ).toEqual({ labels: 'Line 2: a label needs a key before =.' });
  });

  it('a secret needs a name and content, typed or a file (the file wins)', () => {
    const schema = dataFormSchema('secret');
    expect(errorsOf(schema.safeParse({ ...emptyDataForm(), name: '-bad' }))).toEqual({
      name: expect.stringMatching(/name is required/),
      text: "Type the secret's content or choose a file.",
    });
    const file = new Blob(['from file']);
    const values = schema.parse({
      ...emptyDataForm(),
      name: ' db ',
      text: 'typed',
      file,
      labels: 'a=1',
    });
    expect(toDataCreate(values)).toEqual({ Name: 'db', Labels: { a: '1' }, content: file });
  });
});
