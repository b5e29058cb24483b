import { createHash, randomBytes } from 'node:crypto';

/** A fresh unguessable value (256 bits) for cookies and API tokens. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** High-entropy secrets are stored as their SHA-256: enough, and fast to look up. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
