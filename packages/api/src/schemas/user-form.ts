// The user dialogs' view models. Adding a user validates with `newUserSchema`
// (gateway-requests.ts), the same rules the gateway's password policy applies.
import { z } from 'zod';
import { passwordProblem } from '../gateway/password-policy';
import { newAccountSchema, roleSchema } from './gateway-requests';

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

/**
 * The first-run form: the new account's rules (newAccountSchema, which the gateway parses the
 * setup body with) and the password typed twice. `toCredentials` drops the confirmation.
 */
export const setupFormSchema = z
  .object({ username: z.string(), password: z.string(), confirm: z.string() })
  .superRefine((input, ctx) => {
    const account = newAccountSchema.safeParse(input);
    for (const issue of account.success ? [] : account.error.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
    if (input.confirm !== input.password) {
      ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'The passwords do not match.' });
    }
  });
export type SetupFormValues = z.input<typeof setupFormSchema>;

/** What login and setup send: the name trimmed, the password as typed. */
export function toCredentials(values: { username: string; password: string }) {
  return { username: values.username.trim(), password: values.password };
}
