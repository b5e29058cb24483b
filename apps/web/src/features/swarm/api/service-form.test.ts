import type { SwarmDataObject } from '@berth/api';
import { describe, expect, it } from 'vitest';
import {
  emptyServiceForm,
  parseDuration,
  parsePairs,
  parseSize,
  splitWords,
  toServiceSpec,
  validateServiceForm,
} from './service-form';

const secret: SwarmDataObject = {
  ID: 'sec1',
  Version: { Index: 1 },
  CreatedAt: '',
  UpdatedAt: '',
  Spec: { Name: 'db-password' },
};
const config: SwarmDataObject = { ...secret, ID: 'cfg1', Spec: { Name: 'app-conf' } };

describe('service form', () => {
  it('parses durations, sizes, words and pairs the way the docker CLI writes them', () => {
    expect(parseDuration('1m30s')).toBe(90e9);
    expect(parseDuration('500ms')).toBe(5e8);
    expect(parseDuration('10')).toBe(10e9);
    expect(parseDuration('')).toBe(0);
    expect(parseDuration('ten seconds')).toBeNull();
    expect(parseDuration('5s junk')).toBeNull();
    expect(parseSize('512m')).toBe(512 * 1024 ** 2);
    expect(parseSize('1g')).toBe(1024 ** 3);
    expect(parseSize('1gb')).toBe(1024 ** 3);
    expect(parseSize('lots')).toBeNull();
    expect(splitWords(`sh -c 'echo "a b"; sleep 1' "x\\"y"`)).toEqual([
      'sh',
      '-c',
      'echo "a b"; sleep 1',
      'x"y',
    ]);
    expect(parsePairs('A=1\n\n B = x=y \nFLAG')).toEqual({ A: '1', B: ' x=y', FLAG: '' });
  });

  it('an empty form needs an image, and says which fields are wrong', () => {
    const form = {
      ...emptyServiceForm(),
      replicas: 'three',
      memoryLimit: 'big',
      restartDelay: 'soon',
      ports: [
        { target: '70000', published: '', protocol: 'tcp' as const, mode: 'ingress' as const },
      ],
      mounts: [{ type: 'bind' as const, source: 'relative', target: '/data', readOnly: false }],
    };
    expect(validateServiceForm(form)).toEqual({
      image: expect.stringMatching(/image is required/),
      replicas: expect.any(String),
      memoryLimit: expect.any(String),
      restartDelay: expect.any(String),
      port0: expect.stringMatching(/1–65535/),
      mount0: expect.stringMatching(/absolute host path/),
    });
    expect(validateServiceForm({ ...emptyServiceForm(), image: 'nginx' })).toEqual({});
  });

  it('maps every section to the ServiceSpec, leaving empty ones to the engine', () => {
    const minimal = toServiceSpec(
      { ...emptyServiceForm(), image: 'nginx:alpine' },
      { secrets: [], configs: [] },
    );
    expect(minimal.TaskTemplate.ContainerSpec).toEqual({ Image: 'nginx:alpine' });
    expect(minimal.Mode).toEqual({ Replicated: { Replicas: 1 } });
    expect(minimal.EndpointSpec).toBeUndefined();
    expect(minimal.TaskTemplate.Resources).toBeUndefined();

    const spec = toServiceSpec(
      {
        ...emptyServiceForm(),
        name: 'web',
        image: 'nginx:alpine',
        command: 'nginx -g "daemon off;"',
        env: 'A=1\nB=2',
        labels: 'team=web',
        mode: 'global',
        ports: [{ target: '80', published: '8080', protocol: 'tcp', mode: 'host' }],
        mounts: [{ type: 'tmpfs', source: 'ignored', target: '/cache', readOnly: false }],
        networks: ['backend'],
        cpuLimit: '0.5',
        memoryReservation: '64m',
        constraints: 'node.role==manager',
        preferences: 'node.labels.zone',
        restartCondition: 'on-failure',
        restartMaxAttempts: '3',
        secrets: [{ id: 'sec1', target: '' }],
        configs: [{ id: 'cfg1', target: '/etc/app.conf' }],
        healthCmd: 'wget -q localhost',
        healthInterval: '10s',
        logDriver: 'json-file',
        logOptions: 'max-size=10m',
      },
      { secrets: [secret], configs: [config] },
    );
    expect(spec).toMatchObject({
      Name: 'web',
      Labels: { team: 'web' },
      Mode: { Global: {} },
      EndpointSpec: {
        Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'host' }],
      },
      TaskTemplate: {
        ContainerSpec: {
          Image: 'nginx:alpine',
          Command: ['nginx', '-g', 'daemon off;'],
          Env: ['A=1', 'B=2'],
          Mounts: [{ Type: 'tmpfs', Target: '/cache', ReadOnly: false }],
          Secrets: [{ SecretID: 'sec1', SecretName: 'db-password', File: { Name: 'db-password' } }],
          Configs: [{ ConfigID: 'cfg1', ConfigName: 'app-conf', File: { Name: '/etc/app.conf' } }],
          Healthcheck: { Test: ['CMD-SHELL', 'wget -q localhost'], Interval: 10e9, Retries: 3 },
        },
        Resources: {
          Limits: { NanoCPUs: 5e8 },
          Reservations: { MemoryBytes: 64 * 1024 ** 2 },
        },
        RestartPolicy: { Condition: 'on-failure', Delay: 5e9, MaxAttempts: 3 },
        Placement: {
          Constraints: ['node.role==manager'],
          Preferences: [{ Spread: { SpreadDescriptor: 'node.labels.zone' } }],
        },
        Networks: [{ Target: 'backend' }],
        LogDriver: { Name: 'json-file', Options: { 'max-size': '10m' } },
      },
      UpdateConfig: { Parallelism: 1, Delay: 0, FailureAction: 'pause', Order: 'stop-first' },
    });
    expect(spec.TaskTemplate.ContainerSpec?.Mounts?.[0]).not.toHaveProperty('Source');
  });
});
