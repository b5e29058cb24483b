import { describe, expect, it } from 'vitest';
import { ForwardAuth, type ForwardAuthDeps } from './forward-auth';

// isTrusted never touches the stores; the deps are only needed to build the object.
const unusedDeps = {} as ForwardAuthDeps;

describe('trusted proxy addresses', () => {
  const auth = new ForwardAuth(['10.0.0.5', '172.18.0.0/16', 'fd00::/8'], unusedDeps);

  it('trusts single addresses and CIDR ranges, v4 and v6', () => {
    expect(auth.isTrusted('10.0.0.5')).toBe(true);
    expect(auth.isTrusted('172.18.44.2')).toBe(true);
    expect(auth.isTrusted('fd00::1')).toBe(true);
  });

  it('reads IPv4 clients on a dual-stack socket as IPv4', () => {
    expect(auth.isTrusted('::ffff:10.0.0.5')).toBe(true);
  });

  it('trusts nothing else, and nothing at all when the list is empty', () => {
    expect(auth.isTrusted('10.0.0.6')).toBe(false);
    expect(auth.isTrusted('172.19.0.1')).toBe(false);
    expect(auth.isTrusted(undefined)).toBe(false);
    expect(new ForwardAuth([], unusedDeps).isTrusted('127.0.0.1')).toBe(false);
  });
});
