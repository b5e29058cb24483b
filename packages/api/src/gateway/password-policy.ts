// Berth's password and user-name rules, in words a person reads. The gateway enforces them on
// every new password; forms check the same rules as the user types.

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
export const PASSWORD_MIN_DISTINCT = 4;

const COMMON = new Set([
  'password',
  'password1',
  'password123',
  '1234567890',
  'qwertyuiop',
  'letmein123',
  'administrator',
  'changeme123',
]);

export interface PasswordCheck {
  /** Stable id for the rule (tests, keys). */
  id: 'length' | 'distinct' | 'username' | 'common';
  /** The rule as a hint beside the field. */
  label: string;
  ok: boolean;
}

/** Each rule and whether `password` meets it, for a live checklist under the field. */
export function passwordChecks(password: string, username: string): PasswordCheck[] {
  const name = username.trim().toLowerCase();
  return [
    {
      id: 'length',
      label: `At least ${PASSWORD_MIN_LENGTH} characters`,
      ok: password.length >= PASSWORD_MIN_LENGTH && password.length <= PASSWORD_MAX_LENGTH,
    },
    {
      id: 'distinct',
      label: `At least ${PASSWORD_MIN_DISTINCT} different characters`,
      ok: new Set(password).size >= PASSWORD_MIN_DISTINCT,
    },
    {
      id: 'username',
      label: 'Does not contain the user name',
      ok: password.length > 0 && !(name && password.toLowerCase().includes(name)),
    },
    {
      id: 'common',
      label: 'Not a common password',
      ok: password.length > 0 && !COMMON.has(password.toLowerCase()),
    },
  ];
}

/** Why a password is not acceptable, or null when it is (the gateway's own messages). */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`;
  if (password.length > PASSWORD_MAX_LENGTH)
    return `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`;
  if (new Set(password).size < PASSWORD_MIN_DISTINCT)
    return `The password needs at least ${PASSWORD_MIN_DISTINCT} different characters.`;
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    return 'The password must not contain the user name.';
  }
  if (COMMON.has(password.toLowerCase())) return 'That password is too common; choose another.';
  return null;
}

const USERNAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{1,63}$/;

export function usernameProblem(username: string): string | null {
  return USERNAME.test(username)
    ? null
    : 'The user name must be 2 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.';
}
