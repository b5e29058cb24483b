import type { ModelService, ModelTask } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { summariesFromModel } from './services-tile';

const service = (
  id: string,
  mode: ModelService['mode'],
  replicas: number | null,
): ModelService => ({
  id,
  name: id,
  image: 'berth/busybox:latest',
  mode,
  replicas,
  ports: [],
  updatedAt: '',
  updateState: '',
  labels: {},
  secrets: [],
  configs: [],
});
const task = (serviceId: string, state: string, desiredState = 'running'): ModelTask => ({
  id: `${serviceId}-${state}-${Math.random()}`,
  serviceId,
  nodeId: 'n1',
  slot: null,
  state,
  desiredState,
  message: '',
  error: '',
  containerId: '',
  updatedAt: '',
});

describe('the wall services tile from the live model', () => {
  it('counts running against desired; a task meant to stop (a lost node) does not count', () => {
    const [web, agent] = summariesFromModel(
      [service('web', 'replicated', 3), service('agent', 'global', null)],
      [
        task('web', 'running'),
        task('web', 'running'),
        task('web', 'running', 'shutdown'),
        task('web', 'preparing'),
        task('agent', 'running'),
        task('agent', 'running'),
      ],
    );
    expect(web?.ServiceStatus).toEqual({ RunningTasks: 2, DesiredTasks: 3 });
    expect(agent?.ServiceStatus).toEqual({ RunningTasks: 2, DesiredTasks: 2 });
    expect(agent?.Spec.Mode).toEqual({ Global: {} });
  });
});
