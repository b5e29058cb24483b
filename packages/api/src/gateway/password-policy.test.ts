import { describe, expect, it } from 'vitest';
import { passwordChecks, passwordProblem, usernameProblem } from './password-policy';

describe('password policy', () => {
  it('accepts a long, varied password without the user name', () => {
    expect(passwordProblem('harbour-lights-2026', 'admin')).toBeNull();
    expect(passwordChecks('harbour-lights-2026', 'admin').every((c) => c.ok)).toBe(true);
  });

  it('says which rule a password breaks, in the order the gateway checks them', () => {
    expect(passwordProblem('short', 'bob')).toMatch(/at least 10 characters/);
    expect(passwordProblem('aaaaabbbbbb', 'bob')).toMatch(/4 different characters/);
    expect(passwordProblem('my-Admin-pass-1', 'admin')).toMatch(/must not contain the user name/);
    expect(passwordProblem('Password123', 'bob')).toMatch(/too common/);
  });

  it('marks each checklist rule', () => {
    const checks = Object.fromEntries(
      passwordChecks('aliceaaaaa', 'alice').map((c) => [c.id, c.ok]),
    );
    expect(checks).toEqual({ length: true, distinct: true, username: false, common: true });
    expect(passwordChecks('', 'alice').some((c) => c.ok)).toBe(false);
  });

  it('checks user names like the gateway', () => {
    expect(usernameProblem('ops.alice-2')).toBeNull();
    for (const name of ['', 'a', '-bob', 'bob smith', 'x'.repeat(65)]) {
      expect(usernameProblem(name)).not.toBeNull();
    }
  });
});
