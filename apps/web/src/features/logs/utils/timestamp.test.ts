import { describe, expect, it } from 'vitest';
import { formatRfc3339, parseTimestampPrefix } from './timestamp';

describe('parseTimestampPrefix', () => {
  it('reads nanosecond timestamps and where the text starts', () => {
    const line = '2024-05-01T12:34:56.123456789Z hello world';
    const parsed = parseTimestampPrefix(line);
    expect(parsed?.time).toBeCloseTo(Date.UTC(2024, 4, 1, 12, 34, 56) + 123.456789, 3);
    expect(line.slice(parsed!.textStart)).toBe('hello world');
  });

  it('reads trimmed fractions, none at all, and offsets', () => {
    expect(parseTimestampPrefix('2024-05-01T12:34:56.5Z x')?.time).toBe(
      Date.UTC(2024, 4, 1, 12, 34, 56, 500),
    );
    expect(parseTimestampPrefix('2024-05-01T12:34:56Z x')?.time).toBe(
      Date.UTC(2024, 4, 1, 12, 34, 56),
    );
    expect(parseTimestampPrefix('2024-05-01T14:34:56.000000001+02:00 x')?.time).toBeCloseTo(
      Date.UTC(2024, 4, 1, 12, 34, 56),
      3,
    );
  });

  it('handles a line that is only a timestamp (an empty line)', () => {
    const line = '2024-05-01T12:34:56.1Z ';
    expect(line.slice(parseTimestampPrefix(line)!.textStart)).toBe('');
    expect(parseTimestampPrefix('2024-05-01T12:34:56.1Z')?.textStart).toBe(22);
  });

  it('leaves lines without a timestamp alone', () => {
    expect(parseTimestampPrefix('hello')).toBeNull();
    expect(parseTimestampPrefix('2024-05-01 12:34:56 not rfc3339')).toBeNull();
    expect(parseTimestampPrefix('2024-05-01T12:34:56.1Xsomething')).toBeNull();
    expect(parseTimestampPrefix('abcd-ef-ghTij:kl:mnZ text')).toBeNull();
  });

  it('lines within one second agree (the cached second)', () => {
    const a = parseTimestampPrefix('2024-05-01T12:34:56.1Z a')!.time;
    const b = parseTimestampPrefix('2024-05-01T12:34:56.2Z b')!.time;
    expect(b - a).toBeCloseTo(100, 6);
  });
});

describe('formatRfc3339', () => {
  it('writes UTC with microseconds', () => {
    expect(formatRfc3339(Date.UTC(2024, 4, 1, 12, 34, 56, 123) + 0.456)).toBe(
      '2024-05-01T12:34:56.123456Z',
    );
  });
});
