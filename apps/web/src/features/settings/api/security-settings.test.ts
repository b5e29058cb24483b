import { describe, expect, it } from 'vitest';
import { hostPathProblem, normaliseHostPath } from './security-settings';

describe('allowed host paths', () => {
  it('normalises slashes', () => {
    expect(normaliseHostPath(' /srv//data/ ')).toBe('/srv/data');
    expect(normaliseHostPath('/')).toBe('/');
  });

  it('accepts absolute paths and says what is wrong with others', () => {
    expect(hostPathProblem('/srv/data', [])).toBeNull();
    expect(hostPathProblem('srv/data', [])).toMatch(/absolute/);
    expect(hostPathProblem('/srv/../etc', [])).toMatch(/\.\./);
    expect(hostPathProblem('', [])).toMatch(/Enter/);
    expect(hostPathProblem('/srv/data/', ['/srv/data'])).toMatch(/already allowed/);
  });
});
