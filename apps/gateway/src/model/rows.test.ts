import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SwarmNode, SwarmService } from '@berth/api';
import { ROW_MAPPERS, nodeRow, serviceRow } from './rows';

/** A recorded answer of a real PouchContainer 1.3.0 (packages/api/fixtures). */
function pouchFixture(name: string): { body: unknown } {
  return JSON.parse(
    readFileSync(
      new URL(`../../../../packages/api/fixtures/pouch-1.3.0/${name}.json`, import.meta.url),
      'utf8',
    ),
  ) as { body: unknown };
}

describe('model rows from pouchd answers', () => {
  it('an image of pouchd (CreatedAt, no Created) keeps its creation time and names', () => {
    const list = pouchFixture('images-list').body as unknown[];
    const rows = list.map((raw) => ROW_MAPPERS.images(raw)) as Array<{
      created: number;
      tags: string[];
    }>;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Number.isFinite(row.created)).toBe(true);
      expect(row.created).toBeGreaterThan(1_500_000_000);
    }
    expect(rows.some((row) => row.tags.length > 0)).toBe(true);
  });
});

describe('swarm rows carry what the services and nodes pages show', () => {
  const service: SwarmService = {
    ID: 'svc1',
    Version: { Index: 12 },
    CreatedAt: '2026-01-01T00:00:00Z',
    UpdatedAt: '2026-01-02T00:00:00Z',
    Spec: {
      Name: 'web',
      Labels: { tier: 'front' },
      Mode: { Replicated: { Replicas: 3 } },
      TaskTemplate: {
        ContainerSpec: {
          Image: 'registry.hub.docker.com/library/nginx:1.27@sha256:abc',
          Secrets: [{ SecretID: 'sec1', SecretName: 'key' }],
          Configs: [{ ConfigID: 'cfg1', ConfigName: 'conf' }],
        },
      },
    },
    Endpoint: { Ports: [{ TargetPort: 80, PublishedPort: 8080, Protocol: 'tcp' }] },
    UpdateStatus: { State: 'updating', Message: 'update in progress' },
  };

  it('a replicated service: image, desired replicas, ports, update state, secrets and configs', () => {
    expect(serviceRow(service)).toEqual({
      id: 'svc1',
      name: 'web',
      image: 'nginx:1.27@sha256:abc',
      mode: 'replicated',
      replicas: 3,
      ports: [{ hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
      updatedAt: '2026-01-02T00:00:00Z',
      updateState: 'updating',
      labels: { tier: 'front' },
      secrets: ['sec1'],
      configs: ['cfg1'],
    });
  });

  it('a global service has no replica count, and one never updated has no update state', () => {
    const global = serviceRow({
      ...service,
      Spec: { ...service.Spec, Mode: { Global: {} } },
      UpdateStatus: undefined,
    });
    expect(global).toMatchObject({ mode: 'global', replicas: null, updateState: '' });
  });

  it('a node: role, availability, state, leader, engine, resources and labels', () => {
    const node: SwarmNode = {
      ID: 'node1',
      Version: { Index: 7 },
      CreatedAt: '',
      UpdatedAt: '',
      Spec: { Role: 'manager', Availability: 'drain', Labels: { zone: 'a' } },
      Description: {
        Hostname: 'berth-1',
        Resources: { NanoCPUs: 4e9, MemoryBytes: 8 * 2 ** 30 },
        Engine: { EngineVersion: '27.5.1' },
      },
      Status: { State: 'ready', Addr: '10.0.0.1' },
      ManagerStatus: { Leader: true, Reachability: 'reachable', Addr: '10.0.0.1:2377' },
    };
    expect(nodeRow(node)).toEqual({
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
      memoryBytes: 8 * 2 ** 30,
      labels: { zone: 'a' },
    });
  });

  it('a worker without resources or labels still has every field', () => {
    const row = nodeRow({
      ID: 'node2',
      Version: { Index: 1 },
      CreatedAt: '',
      UpdatedAt: '',
      Spec: { Role: 'worker', Availability: 'active' },
      Description: { Hostname: 'berth-2' },
      Status: { State: 'down' },
      ManagerStatus: null,
    });
    expect(row).toMatchObject({ nanoCpus: 0, memoryBytes: 0, labels: {}, leader: false });
  });
});
