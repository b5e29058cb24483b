import { describe, expect, it } from 'vitest';
import { humanDuration, parseHumanDuration, statusAt, statusSince } from './status-time';

describe('status texts over time', () => {
  it("reads and writes Docker's human durations", () => {
    expect(parseHumanDuration('Less than a second')).toBe(0);
    expect(parseHumanDuration('About a minute')).toBe(60);
    expect(parseHumanDuration('3 hours')).toBe(10_800);
    expect(parseHumanDuration('1 second')).toBe(1);
    expect(parseHumanDuration('soon')).toBeNull();
    expect(humanDuration(500)).toBe('Less than a second');
    expect(humanDuration(45_000)).toBe('45 seconds');
    expect(humanDuration(90_000)).toBe('About a minute');
    expect(humanDuration(3 * 3_600_000)).toBe('3 hours');
    expect(humanDuration(3 * 86_400_000)).toBe('3 days');
  });

  it('rewrites Up and Exited texts for a later moment, keeping exit code and health', () => {
    const readAt = 1_000_000_000;
    const since = statusSince('Up 5 seconds (healthy)', readAt);
    expect(since).toBe(readAt - 5000);
    expect(statusAt('Up 5 seconds (healthy)', since, readAt + 2 * 3_600_000)).toBe(
      'Up 2 hours (healthy)',
    );
    const exited = statusSince('Exited (137) 2 minutes ago', readAt);
    expect(statusAt('Exited (137) 2 minutes ago', exited, readAt + 60_000)).toBe(
      'Exited (137) 3 minutes ago',
    );
    expect(statusAt('Created', null, readAt)).toBe('Created');
    expect(statusSince('Created', readAt)).toBeNull();
  });
});
