import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane); argon2id is the library's default
// algorithm (its enum is a const enum TypeScript can't import here), checked in the tests.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal names. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('berth-decoy-password-never-matches');
  return decoy;
}

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

/** Why a password is not acceptable, or null when it is. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 10) return 'The password must be at least 10 characters long.';
  if (password.length > 256) return 'The password must be at most 256 characters long.';
  if (new Set(password).size < 4) return 'The password needs at least 4 different characters.';
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
