import type { EngineEvent } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { EventTimeline, matchesFilters } from './event-timeline';

function event(second: number, Action = 'start', Type = 'container', name = 'web'): EngineEvent {
  return {
    Type,
    Action,
    Actor: { ID: `${name}-id`, Attributes: { name, image: 'nginx:1' } },
    time: second,
    timeNano: second * 1e9,
  };
}

describe('EventTimeline', () => {
  it('merges history and live events in time order without repeats', () => {
    const timeline = new EventTimeline();
    timeline.add(event(5));
    timeline.add(event(7, 'die'));
    expect(timeline.addMany([event(1), event(5), event(6, 'stop')])).toBe(2);
    timeline.add(event(6.5, 'kill'));
    expect(timeline.events.map((e) => e.time)).toEqual([1, 5, 6, 6.5, 7]);
    expect(timeline.add(event(7, 'die'))).toBe(false);
  });

  it('keeps at most its cap, dropping the oldest', () => {
    const timeline = new EventTimeline(3);
    for (let i = 1; i <= 5; i++) timeline.add(event(i, `a${i}`));
    expect(timeline.events.map((e) => e.Action)).toEqual(['a3', 'a4', 'a5']);
    expect(timeline.dropped).toBe(2);
    // A dropped event may come again (its key was forgotten) and is kept in order.
    timeline.add(event(6, 'a6'));
    expect(timeline.events.map((e) => e.Action)).toEqual(['a4', 'a5', 'a6']);
  });
});

describe('matchesFilters', () => {
  const none = { type: '', action: '', object: '', hideExec: false };
  it('filters by type, action, object and exec noise', () => {
    expect(matchesFilters(event(1), { ...none, type: 'image' })).toBe(false);
    expect(matchesFilters(event(1, 'die'), { ...none, action: 'di' })).toBe(true);
    expect(matchesFilters(event(1), { ...none, object: 'NGINX' })).toBe(true);
    expect(matchesFilters(event(1), { ...none, object: 'redis' })).toBe(false);
    expect(matchesFilters(event(1, 'exec_start: sh'), { ...none, hideExec: true })).toBe(false);
  });
});
