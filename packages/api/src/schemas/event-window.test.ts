import { describe, expect, it } from 'vitest';
import { eventWindowSchema, fromLocalInput, toEventWindow, toLocalInput } from './event-window';

describe('the events window form', () => {
  it('reads local times both ways', () => {
    const seconds = fromLocalInput('2026-03-01T10:30');
    expect(seconds).toBeTypeOf('number');
    expect(toLocalInput(seconds ?? 0)).toBe('2026-03-01T10:30');
    expect(fromLocalInput('')).toBeUndefined();
  });

  it('needs a start before the end, naming the field', () => {
    expect(eventWindowSchema.safeParse({ since: '', until: '' }).error?.issues[0]?.path).toEqual([
      'since',
    ]);
    const backwards = eventWindowSchema.safeParse({
      since: '2026-03-01T10:30',
      until: '2026-03-01T09:00',
    });
    expect(backwards.error?.issues[0]).toMatchObject({
      path: ['until'],
      message: 'Until must be after Since.',
    });
  });

  it('an empty Until is now', () => {
    const values = { since: '2026-03-01T10:30', until: '' };
    expect(eventWindowSchema.safeParse(values).success).toBe(true);
    expect(toEventWindow(values, 2_000_000_000)).toEqual({
      since: fromLocalInput('2026-03-01T10:30'),
      until: 2_000_000_000,
    });
  });
});
