import type { ModelNode, ModelService } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { desiredReplicas, usageByData } from './swarm-api';
import { nodeFromRow, serviceFromRow, serviceModeName } from './swarm-lists';

const row = (over: Partial<ModelService> = {}): ModelService => ({
  id: 'svc1',
  name: 'web',
  image: 'nginx:1.27',
  mode: 'replicated',
  replicas: 3,
  ports: [{ hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
  updatedAt: '2026-01-02T00:00:00Z',
  updateState: '',
  labels: {},
  secrets: ['sec1'],
  configs: [],
  ...over,
});

describe('services from model rows, in the engine names the list reads', () => {
  it('a replicated service keeps its desired replicas, image, ports and secrets', () => {
    const item = serviceFromRow(row());
    expect(item.Spec.Name).toBe('web');
    expect(desiredReplicas(item)).toBe(3);
    expect(serviceModeName(item)).toBe('replicated');
    expect(item.Spec.TaskTemplate.ContainerSpec?.Image).toBe('nginx:1.27');
    expect(item.Endpoint?.Ports).toEqual([
      { TargetPort: 80, PublishedPort: 8080, Protocol: 'tcp' },
    ]);
    expect(item.UpdateStatus).toBeUndefined();
    expect(usageByData([item], 'secrets').get('sec1')).toEqual(['web']);
  });

  it('global services and jobs say so; a port published on no host port has none', () => {
    const global = serviceFromRow(row({ mode: 'global', replicas: null }));
    expect(desiredReplicas(global)).toBeNull();
    expect(serviceModeName(global)).toBe('global');
    expect(serviceModeName(serviceFromRow(row({ mode: 'replicated-job' })))).toBe('replicated job');
    expect(desiredReplicas(serviceFromRow(row({ mode: 'global-job', replicas: null })))).toBeNull();
    const unpublished = serviceFromRow(
      row({ ports: [{ hostIp: '', hostPort: null, containerPort: 80, protocol: 'udp' }] }),
    );
    expect(unpublished.Endpoint?.Ports).toEqual([{ TargetPort: 80, Protocol: 'udp' }]);
  });

  it('an update under way is told', () => {
    expect(serviceFromRow(row({ updateState: 'updating' })).UpdateStatus).toEqual({
      State: 'updating',
    });
  });
});

describe('nodes from model rows', () => {
  const node: ModelNode = {
    id: 'node1',
    hostname: 'berth-1',
    role: 'manager',
    availability: 'drain',
    state: 'ready',
    addr: '10.0.0.1',
    leader: true,
    reachability: 'reachable',
    engineVersion: '27.5.1',
    nanoCpus: 4e9,
    memoryBytes: 2 ** 30,
    labels: { zone: 'a' },
  };

  it('a manager: leader, reachability, resources and labels', () => {
    expect(nodeFromRow(node)).toEqual({
      ID: 'node1',
      Spec: { Role: 'manager', Availability: 'drain', Labels: { zone: 'a' } },
      Description: {
        Hostname: 'berth-1',
        Resources: { NanoCPUs: 4e9, MemoryBytes: 2 ** 30 },
        Engine: { EngineVersion: '27.5.1' },
      },
      Status: { State: 'ready', Addr: '10.0.0.1' },
      ManagerStatus: { Leader: true, Reachability: 'reachable' },
    });
  });

  it('a worker has no manager status (the list shows a dash)', () => {
    const worker = nodeFromRow({ ...node, role: 'worker', leader: false, reachability: '' });
    expect(worker.ManagerStatus).toBeNull();
  });
});
