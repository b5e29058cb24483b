import type { StackDeployEvent } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { applyDeployEvent, STARTED_DEPLOY, stepLabel } from './deploy-progress';

const fold = (events: StackDeployEvent[]) => events.reduce(applyDeployEvent, STARTED_DEPLOY);

describe('deploy progress', () => {
  it('keeps steps in order, updates them in place and folds pull lines into layers', () => {
    const state = fold([
      {
        type: 'step',
        id: 'network:s_default',
        kind: 'network',
        target: 's_default',
        status: 'running',
      },
      {
        type: 'step',
        id: 'network:s_default',
        kind: 'network',
        target: 's_default',
        status: 'done',
      },
      { type: 'step', id: 'pull:app:1', kind: 'pull', target: 'app:1', status: 'running' },
      {
        type: 'pull',
        id: 'pull:app:1',
        image: 'app:1',
        progress: {
          id: 'abcdef012345',
          status: 'Downloading',
          progressDetail: { current: 5, total: 10 },
        },
      },
      { type: 'step', id: 'pull:app:1', kind: 'pull', target: 'app:1', status: 'done' },
      { type: 'done', stack: 's', version: 2 },
    ]);
    expect(state.phase).toBe('done');
    expect(state.version).toBe(2);
    expect(state.steps.map((s) => [s.id, s.status])).toEqual([
      ['network:s_default', 'done'],
      ['pull:app:1', 'done'],
    ]);
    expect(state.steps[1]?.pull?.layers[0]).toMatchObject({
      id: 'abcdef012345',
      current: 5,
      total: 10,
    });
  });

  it('ends failed with the message of the failing step', () => {
    const state = fold([
      {
        type: 'step',
        id: 'container:s-web-1',
        kind: 'container',
        target: 's-web-1',
        status: 'running',
      },
      {
        type: 'step',
        id: 'container:s-web-1',
        kind: 'container',
        target: 's-web-1',
        status: 'error',
        message: 'port is already allocated',
      },
      { type: 'error', message: 'port is already allocated', step: 'container:s-web-1' },
    ]);
    expect(state.phase).toBe('failed');
    expect(state.error).toBe('port is already allocated');
    expect(state.steps[0]).toMatchObject({ status: 'error', message: 'port is already allocated' });
  });

  it('labels steps for people', () => {
    expect(stepLabel({ kind: 'container', target: 's-web-1' })).toBe('Create and start s-web-1');
    expect(stepLabel({ kind: 'container', target: 's-web-1 start' })).toBe('Start s-web-1');
    expect(stepLabel({ kind: 'wait', target: 'db (healthy)' })).toBe('Wait for db (healthy)');
  });
});
