import { describe, expect, it } from 'vitest';
import type { SsoMapping } from '@berth/api';
import { decideRole, groupsFromClaim, groupsFromHeader } from './role-mapping';

const mapping: SsoMapping = {
  rules: [
    { group: 'ops', role: 'operator' },
    { group: 'infra-admins', role: 'admin' },
  ],
  defaultRole: 'none',
  endpointRules: [
    { group: 'edge', endpoint: 'edge-1', role: 'viewer' },
    { group: 'edge-ops', endpoint: 'edge-1', role: 'operator' },
  ],
};

describe('decideRole', () => {
  it('takes the highest role of the matched groups, whatever their order', () => {
    expect(decideRole(mapping, ['infra-admins', 'ops']).role).toBe('admin');
    expect(decideRole(mapping, ['ops']).role).toBe('operator');
  });

  it('refuses (undefined) when nothing matches and the default is none', () => {
    const decision = decideRole(mapping, ['visitors']);
    expect(decision.role).toBeUndefined();
    expect(decision.reasons).toEqual(['no rule matched: default none']);
  });

  it('falls back to the default role when nothing matches', () => {
    expect(decideRole({ ...mapping, defaultRole: 'viewer' }, []).role).toBe('viewer');
  });

  it('matches group names exactly, case included', () => {
    expect(decideRole(mapping, ['OPS', 'Infra-Admins']).role).toBeUndefined();
  });

  it('gives per-endpoint grants, the highest per endpoint, and says why', () => {
    const decision = decideRole(mapping, ['ops', 'edge', 'edge-ops']);
    expect(decision.grants).toEqual([{ endpoint: 'edge-1', role: 'operator' }]);
    expect(decision.reasons).toContain('ops→operator');
    expect(decision.reasons).toContain('edge-ops→operator on edge-1');
  });
});

describe('groups from claims and headers', () => {
  it('reads arrays, single strings and dotted paths', () => {
    expect(groupsFromClaim({ groups: ['a', 2, 'b'] }, 'groups')).toEqual(['a', 'b']);
    expect(groupsFromClaim({ groups: 'a' }, 'groups')).toEqual(['a']);
    expect(groupsFromClaim({ realm_access: { roles: ['r'] } }, 'realm_access.roles')).toEqual([
      'r',
    ]);
    expect(groupsFromClaim({}, 'groups')).toEqual([]);
  });

  it('splits a header on commas or bars (Authentik)', () => {
    expect(groupsFromHeader(' ops, infra-admins ,,')).toEqual(['ops', 'infra-admins']);
    expect(groupsFromHeader('ops|infra-admins')).toEqual(['ops', 'infra-admins']);
    expect(groupsFromHeader(undefined)).toEqual([]);
  });
});
