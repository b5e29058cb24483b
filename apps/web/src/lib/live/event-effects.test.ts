import { endpointKeys } from '@berth/api';
import type { EngineEvent } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { baseAction, eventEffects, isNoise } from './event-effects';

function event(Type: string, Action: string, attributes: Record<string, string> = {}): EngineEvent {
  return {
    Type,
    Action,
    Actor: { ID: 'c0ffee'.padEnd(64, '0'), Attributes: { name: 'web', ...attributes } },
    time: 1_700_000_000,
    timeNano: 1_700_000_000_000_000_000,
  };
}

const listPrefix = [...endpointKeys.containers('local'), 'list'];

describe('eventEffects', () => {
  it('swarm object events refresh the swarm subtree; a task container refreshes the tasks', () => {
    for (const type of ['service', 'node', 'secret', 'config']) {
      expect(eventEffects('local', event(type, 'update'))?.invalidate).toContainEqual(
        endpointKeys.swarm('local'),
      );
    }
    const task = eventEffects(
      'local',
      event('container', 'die', { 'com.docker.swarm.task.id': 'task1' }),
    );
    expect(task?.invalidate).toContainEqual([...endpointKeys.swarm('local'), 'tasks']);
    expect(eventEffects('local', event('container', 'die'))?.invalidate).not.toContainEqual([
      ...endpointKeys.swarm('local'),
      'tasks',
    ]);
  });

  it("a compose project's container refreshes the stacks, other containers do not", () => {
    const composed = eventEffects(
      'local',
      event('container', 'start', { 'com.docker.compose.project': 'shop' }),
    );
    expect(composed?.invalidate).toContainEqual(endpointKeys.stacks('local'));
    expect(eventEffects('local', event('container', 'start'))?.invalidate).not.toContainEqual(
      endpointKeys.stacks('local'),
    );
  });

  it("a swarm stack's task container and any service event refresh the stacks", () => {
    const task = eventEffects(
      'local',
      event('container', 'start', { 'com.docker.stack.namespace': 'shop' }),
    );
    expect(task?.invalidate).toContainEqual(endpointKeys.stacks('local'));
    expect(eventEffects('local', event('service', 'update'))?.invalidate).toContainEqual(
      endpointKeys.stacks('local'),
    );
    expect(eventEffects('local', event('secret', 'create'))?.invalidate).not.toContainEqual(
      endpointKeys.stacks('local'),
    );
  });

  it('a container state change refreshes the lists, the counts and that container', () => {
    const effects = eventEffects('local', event('container', 'stop'));
    expect(effects?.invalidate).toEqual([listPrefix, endpointKeys.info('local')]);
    expect(effects?.containers).toEqual([{ id: 'c0ffee'.padEnd(64, '0'), name: 'web' }]);
    expect(effects?.removedContainer).toBeUndefined();
  });

  it('destroy also drops the row at once', () => {
    expect(eventEffects('local', event('container', 'destroy'))?.removedContainer).toBe(
      'c0ffee'.padEnd(64, '0'),
    );
  });

  it('health checks and terminals are noise', () => {
    for (const action of [
      'exec_create: /bin/sh -c curl -f localhost',
      'exec_start: /bin/sh -c curl -f localhost',
      'exec_die',
      'attach',
      'resize',
      'top',
      'archive-path',
    ]) {
      expect(isNoise(event('container', action)), action).toBe(true);
      expect(eventEffects('local', event('container', action)), action).toBeNull();
    }
  });

  it('a health status change refreshes list and inspect but not the counts', () => {
    const effects = eventEffects('local', event('container', 'health_status: unhealthy'));
    expect(effects?.invalidate).toEqual([listPrefix]);
    expect(effects?.containers).toHaveLength(1);
  });

  it('images, networks and volumes refresh their own lists', () => {
    expect(eventEffects('local', event('image', 'pull'))?.invalidate).toEqual([
      endpointKeys.images('local'),
      endpointKeys.info('local'),
    ]);
    expect(eventEffects('local', event('image', 'push'))).toBeNull();
    expect(eventEffects('local', event('network', 'create'))?.invalidate).toEqual([
      endpointKeys.networks('local'),
    ]);
    expect(eventEffects('local', event('volume', 'destroy'))?.invalidate).toEqual([
      endpointKeys.volumes('local'),
    ]);
    expect(eventEffects('local', event('volume', 'mount'))).toBeNull();
  });

  it('network connect refreshes the container it names', () => {
    const effects = eventEffects('local', event('network', 'connect', { container: 'abc' }));
    expect(effects?.invalidate).toContainEqual(listPrefix);
    expect(effects?.containers).toEqual([{ id: 'abc' }]);
  });

  it('baseAction drops the detail after the colon', () => {
    expect(baseAction('health_status: healthy')).toBe('health_status');
    expect(baseAction('start')).toBe('start');
  });
});
