import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretBox } from './crypto';

describe('SecretBox', () => {
  const dir = mkdtempSync(join(tmpdir(), 'berth-secret-'));

  it('creates a 0600 key file once and round-trips secrets', () => {
    const box = SecretBox.open(dir);
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    const sealed = box.seal('hunter2-registry-password');
    expect(sealed).not.toContain('hunter2');
    expect(box.open(sealed)).toBe('hunter2-registry-password');
    const key = readFileSync(join(dir, 'secret.key'));
    expect(SecretBox.open(dir).open(sealed)).toBe('hunter2-registry-password');
    expect(readFileSync(join(dir, 'secret.key')).equals(key)).toBe(true);
  });

  it('refuses a tampered secret', () => {
    const box = SecretBox.open(dir);
    const sealed = box.seal('x');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('y').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
  });
});
