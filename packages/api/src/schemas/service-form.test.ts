import { describe, expect, it } from 'vitest';
import type { SwarmDataObject } from '../engine/swarm-types';
import {
  emptyServiceForm,
  parseDuration,
  serviceFormSchema,
  splitWords,
  toServiceSpec,
} from './service-form';
import type { ServiceForm } from './service-form';
import { parseLabelLines } from './swarm-form';
import { parseSize } from './units';

/** Each failing field's path and message, as the form shows them. */
function fieldErrors(form: ServiceForm): Record<string, string> {
  const result = serviceFormSchema.safeParse(form);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

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
    expect(parseLabelLines('A=1\n\n B = x=y \nFLAG')).toEqual({ A: '1', B: ' x=y', FLAG: '' });
  });

  it('an empty form needs an image, and puts each error at the field that is wrong', () => {
    const form: ServiceForm = {
      ...emptyServiceForm(),
      replicas: 'three',
      memoryLimit: 'big',
      restartDelay: 'soon',
      labels: '=orphan',
      ports: [{ target: '70000', published: '0', protocol: 'tcp', mode: 'ingress' }],
      mounts: [{ type: 'bind', source: 'relative', target: 'data', readOnly: false }],
      update: { parallelism: 'x', delay: '1h', failureAction: 'pause', order: 'stop-first' },
    };
    expect(fieldErrors(form)).toEqual({
      image: expect.stringMatching(/image is required/),
      replicas: expect.any(String),
      memoryLimit: expect.any(String),
      restartDelay: expect.stringMatching(/duration/),
      labels: 'Line 1: a label needs a key before =.',
      'ports.0.target': expect.stringMatching(/1–65535/),
      'ports.0.published': expect.stringMatching(/or empty/),
      'mounts.0.target': expect.stringMatching(/absolute path/),
      'mounts.0.source': expect.stringMatching(/absolute host path/),
      'update.parallelism': expect.stringMatching(/whole number/),
    });
    expect(fieldErrors({ ...emptyServiceForm(), image: 'nginx' })).toEqual({});
  });

  it('asks for replicas only in replicated mode', () => {
    const global: ServiceForm = {
      ...emptyServiceForm(),
      image: 'nginx',
      mode: 'global',
      replicas: '',
    };
    expect(fieldErrors(global)).toEqual({});
    expect(fieldErrors({ ...global, mode: 'replicated' })).toHaveProperty('replicas');
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
