import { describe, expect, it } from 'vitest';
import { BERTH_API_VERSION, compareApiVersions, negotiateApiVersion } from './version';

describe('API version negotiation', () => {
  it('compares versions numerically, not as text', () => {
    expect(compareApiVersions('1.9', '1.41')).toBeLessThan(0);
    expect(compareApiVersions('1.41', '1.41')).toBe(0);
    expect(compareApiVersions('2.0', '1.99')).toBeGreaterThan(0);
  });

  it('speaks the lower of the engine version and ours', () => {
    expect(negotiateApiVersion('1.24')).toBe('1.24');
    expect(negotiateApiVersion('1.47')).toBe(BERTH_API_VERSION);
    expect(negotiateApiVersion(BERTH_API_VERSION)).toBe(BERTH_API_VERSION);
  });
});
