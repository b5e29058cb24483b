import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretBox } from '../secrets/crypto';
import { openTransaction, safeReturnTo, sealTransaction } from './login-transaction';

describe('safeReturnTo (no open redirect)', () => {
  it.each([
    ['/containers?all=1#top', '/containers?all=1#top'],
    ['/', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/ok\r\nSet-Cookie: x=1', '/'],
    [undefined, '/'],
    [['/a', '/b'], '/'],
  ])('%j → %s', (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });
});

describe('sealed login transaction', () => {
  const box = SecretBox.open(mkdtempSync(join(tmpdir(), 'berth-tx-')));
  const tx = {
    state: 's',
    nonce: 'n',
    codeVerifier: 'v',
    returnTo: '/',
    issuer: 'https://id.example',
    clientId: 'berth',
    expiresAt: Date.now() + 60_000,
  };

  it('opens what it sealed, and hides the verifier from the browser', () => {
    const sealed = sealTransaction(box, tx);
    expect(sealed).not.toContain('"codeVerifier"');
    expect(openTransaction(box, sealed)).toEqual(tx);
  });

  it('refuses a changed, expired or missing cookie', () => {
    const sealed = sealTransaction(box, tx);
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(openTransaction(box, tampered)).toBeUndefined();
    expect(openTransaction(box, sealed, tx.expiresAt + 1)).toBeUndefined();
    expect(openTransaction(box, undefined)).toBeUndefined();
  });
});
