import { describe, expect, it } from 'vitest';
import { serviceColour } from './task-card';

describe('serviceColour', () => {
  it('gives one service one colour, and different services (mostly) different ones', () => {
    expect(serviceColour('abc123')).toBe(serviceColour('abc123'));
    const ids = Array.from({ length: 10 }, (_, i) => `service-${i}-id`);
    expect(new Set(ids.map(serviceColour)).size).toBeGreaterThanOrEqual(5);
    expect(serviceColour('x')).toMatch(/^hsl\(\d+ 65% 52%\)$/);
  });
});
