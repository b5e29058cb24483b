import { describe, expect, it } from 'vitest';
import { dependencyLevels } from './deployer';
import type { ServicePlan } from './project';

const service = (name: string, ...deps: string[]): ServicePlan => ({
  name,
  image: 'img',
  replicas: 1,
  dependsOn: deps.map((dep) => ({ service: dep, condition: 'service_started', required: true })),
  configHash: name,
  createBody: () => ({}),
  pullPolicy: 'missing',
  extraNetworks: [],
});

describe('dependencyLevels', () => {
  it('groups services so that each group depends only on groups before it', () => {
    // In dependency order, as planProject answers them.
    const levels = dependencyLevels([
      service('db'),
      service('cache'),
      service('api', 'db', 'cache'),
      service('worker', 'db'),
      service('web', 'api'),
    ]);
    expect(levels.map((level) => level.map((s) => s.name))).toEqual([
      ['db', 'cache'],
      ['api', 'worker'],
      ['web'],
    ]);
  });

  it('treats a dependency outside the deployed set (a scale of one service) as up', () => {
    expect(dependencyLevels([service('web', 'api')]).map((l) => l.map((s) => s.name))).toEqual([
      ['web'],
    ]);
  });
});
