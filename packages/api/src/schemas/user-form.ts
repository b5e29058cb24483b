// The user dialogs' view models. Adding a user validates with `newUserSchema`
// (gateway-requests.ts), the same rules the gateway's password policy applies.
import { z } from 'zod';
import { passwordProblem } from '../gateway/password-policy';
import { roleSchema } from './gateway-requests';

/** A new password for `username`: the password rules apply (not the user's own name, …). */
export function newPasswordSchema(username: string) {
  return z.object({ password: z.string() }).superRefine(({ password }, ctx) => {
    const problem = passwordProblem(password, username);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });
}
export type NewPasswordValues = z.input<ReturnType<typeof newPasswordSchema>>;

export const changeRoleSchema = z.object({ role: roleSchema });
export type ChangeRoleValues = z.input<typeof changeRoleSchema>;
