import { describe, expect, it } from 'vitest';
import { normalizeEvent } from './events';

describe('normalizeEvent', () => {
  it('keeps Docker events as they are', () => {
    const docker = {
      Type: 'container',
      Action: 'start',
      Actor: { ID: 'abc', Attributes: { name: 'web' } },
      scope: 'local',
      time: 1700000000,
      timeNano: 1700000000123456800,
    };
    expect(normalizeEvent(docker)).toEqual(docker);
  });

  it("maps pouchd's lowercase keys to Docker's", () => {
    expect(
      normalizeEvent({
        type: 'container',
        action: 'stop',
        actor: { id: 'abc', attributes: { name: 'web' } },
        time: 1700000000,
      }),
    ).toEqual({
      Type: 'container',
      Action: 'stop',
      Actor: { ID: 'abc', Attributes: { name: 'web' } },
      time: 1700000000,
      timeNano: 1700000000e9,
    });
  });
});
