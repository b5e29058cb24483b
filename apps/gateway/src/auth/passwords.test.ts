import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, usernameProblem, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'wrong horse battery')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });

  it('explains what is wrong with a weak password', () => {
    expect(passwordProblem('short', 'ann')).toMatch(/at least 10/);
    expect(passwordProblem('aaaaaaaaaaaa', 'ann')).toMatch(/4 different/);
    expect(passwordProblem('annabelle-2026', 'annabelle')).toMatch(/user name/);
    expect(passwordProblem('Password123', 'bob')).toMatch(/too common/);
    expect(passwordProblem('tide-lamp-orbit-9', 'bob')).toBeNull();
  });

  it('accepts sensible user names only', () => {
    expect(usernameProblem('ann.lee_2')).toBeNull();
    expect(usernameProblem('-rm')).not.toBeNull();
    expect(usernameProblem('a b')).not.toBeNull();
  });
});
