import { describe, expect, it } from 'vitest';
import { newUserSchema } from './gateway-requests';
import { changeRoleSchema, newPasswordSchema, setupFormSchema, toCredentials } from './user-form';

describe('the user dialogs', () => {
  it('a new password follows the rules, named at the field', () => {
    const weak = newPasswordSchema('alice').safeParse({ password: 'short' });
    expect(weak.error?.issues[0]?.path).toEqual(['password']);
    expect(
      newPasswordSchema('alice').safeParse({ password: 'a-long-enough-pass-2026' }).success,
    ).toBe(true);
  });

  it('a role is one of the roles', () => {
    expect(changeRoleSchema.safeParse({ role: 'root' }).error?.issues[0]?.path).toEqual(['role']);
    expect(changeRoleSchema.parse({ role: 'viewer' })).toEqual({ role: 'viewer' });
  });

  it('adding a user checks name, password and role together', () => {
    const result = newUserSchema.safeParse({ username: '', password: '', role: 'viewer' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain('username');
  });

  it('the first-run form applies the account rules and wants the password twice', () => {
    const paths = (values: { username: string; password: string; confirm: string }) =>
      setupFormSchema.safeParse(values).error?.issues.map((issue) => issue.path.join('.')) ?? [];
    expect(
      paths({ username: 'admin', password: 'admin-pass-2026', confirm: 'admin-pass-2026' }),
    ).toEqual(['password']);
    expect(
      paths({ username: 'admin', password: 'harbour-lights-2026', confirm: 'harbour-lights' }),
    ).toEqual(['confirm']);
    expect(paths({ username: ' ', password: '', confirm: '' })).toContain('username');
    expect(toCredentials({ username: ' admin ', password: ' p ' })).toEqual({
      username: 'admin',
      password: ' p ',
    });
  });
});
