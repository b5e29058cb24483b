import { EngineError } from '@berth/api';
import type { SwarmService, SwarmTask } from '@berth/api';
import { describe, expect, it } from 'vitest';
import {
  CONFLICT_MESSAGE,
  desiredReplicas,
  forcedSpec,
  fromBase64,
  runningCount,
  scaledSpec,
  toBase64,
  usageByData,
  versionConflictMessage,
} from './swarm-api';

function service(id: string, spec: Partial<SwarmService['Spec']> = {}): SwarmService {
  return {
    ID: id,
    Version: { Index: 7 },
    CreatedAt: '',
    UpdatedAt: '',
    Spec: { Name: id, TaskTemplate: { ContainerSpec: { Image: 'x' } }, ...spec },
  };
}

function task(serviceId: string, state: string, desired = 'running'): SwarmTask {
  return {
    ID: `${serviceId}-${state}-${desired}`,
    Version: { Index: 1 },
    CreatedAt: '',
    UpdatedAt: '',
    Spec: {},
    ServiceID: serviceId,
    Status: { State: state },
    DesiredState: desired,
  };
}

describe('swarm helpers', () => {
  it('turns the engine\'s "update out of sequence" into words a person can act on', () => {
    const engine = new EngineError(500, 'rpc error: code = Unknown desc = update out of sequence');
    expect(versionConflictMessage(engine)).toBe(CONFLICT_MESSAGE);
    expect(CONFLICT_MESSAGE).toMatch(/changed meanwhile, reload/);
    expect(versionConflictMessage(new EngineError(400, 'name conflicts'))).toBe('name conflicts');
  });

  it('counts running replicas against desired ones; global services have no number', () => {
    const web = service('web', { Mode: { Replicated: { Replicas: 3 } } });
    expect(desiredReplicas(web)).toBe(3);
    expect(desiredReplicas(service('g', { Mode: { Global: {} } }))).toBeNull();
    const tasks = [
      task('web', 'running'),
      task('web', 'running'),
      task('web', 'preparing'),
      task('web', 'running', 'shutdown'),
      task('other', 'running'),
    ];
    expect(runningCount(tasks, 'web')).toBe(2);
  });

  it('scale and force-update keep the rest of the spec', () => {
    const web = service('web', { Labels: { a: '1' }, Mode: { Replicated: { Replicas: 1 } } });
    expect(scaledSpec(web.Spec, 4)).toEqual({ ...web.Spec, Mode: { Replicated: { Replicas: 4 } } });
    const forced = forcedSpec(forcedSpec(web.Spec));
    expect(forced.TaskTemplate.ForceUpdate).toBe(2);
    expect(forced.Labels).toEqual({ a: '1' });
  });

  it('base64 round-trips UTF-8 and reads the URL-safe alphabet', () => {
    const text = 'grüße=✓\n';
    expect(fromBase64(toBase64(new TextEncoder().encode(text)))).toBe(text);
    expect(fromBase64('-_8=')).toBe(fromBase64('+/8='));
  });

  it('says which services use each secret and config', () => {
    const a = service('a', {
      TaskTemplate: {
        ContainerSpec: {
          Image: 'x',
          Secrets: [{ SecretID: 's1', SecretName: 'one' }],
          Configs: [{ ConfigID: 'c1', ConfigName: 'conf' }],
        },
      },
    });
    const b = service('b', {
      TaskTemplate: {
        ContainerSpec: { Image: 'x', Secrets: [{ SecretID: 's1', SecretName: 'one' }] },
      },
    });
    expect(usageByData([a, b], 'secrets').get('s1')).toEqual(['a', 'b']);
    expect(usageByData([a, b], 'configs').get('c1')).toEqual(['a']);
    expect(usageByData([a, b], 'configs').get('s1')).toBeUndefined();
  });
});
