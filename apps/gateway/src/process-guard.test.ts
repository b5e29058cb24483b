import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { upgradeUrl } from './ws/upgrade-router';

const guard = fileURLToPath(new URL('./process-guard.ts', import.meta.url));
// tsx is the gateway package's dev dependency: resolve it from there.
const gatewayDir = fileURLToPath(new URL('..', import.meta.url));

describe('keepRunningOnStrayErrors', () => {
  it('logs a stray exception and a stray rejection, and the process goes on', () => {
    // A child process of its own: the guard changes process-wide behaviour.
    const script = `
      const { keepRunningOnStrayErrors } = await import(${JSON.stringify(guard)});
      const lines = [];
      keepRunningOnStrayErrors({ error: (fields, msg) => lines.push(msg + ': ' + (fields.err?.message ?? fields.err)) });
      setTimeout(() => { throw new Error('boom in a callback'); }, 0);
      void Promise.reject(new Error('rejected without a catch'));
      setTimeout(() => { console.log(JSON.stringify(lines)); console.log('still running'); }, 50);
    `;
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: gatewayDir,
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('still running');
    expect(child.stdout).toContain(
      'unexpected exception; the gateway carries on: boom in a callback',
    );
    expect(child.stdout).toContain(
      'unhandled promise rejection; the gateway carries on: rejected without a catch',
    );
  });
});

describe('upgradeUrl', () => {
  it('reads a protocol-relative target as a path, not as a host', () => {
    expect(upgradeUrl('//a:99999/api/endpoints/local/ws/events')?.pathname).toBe(
      '//a:99999/api/endpoints/local/ws/events',
    );
  });

  it('refuses what is not a path', () => {
    expect(upgradeUrl(undefined)).toBeUndefined();
    expect(upgradeUrl('http://a:99999/x')).toBeUndefined();
    expect(upgradeUrl('*')).toBeUndefined();
  });

  it('keeps the query', () => {
    expect(
      upgradeUrl('/api/endpoints/local/ws/logs?container=a&tail=10')?.searchParams.get('tail'),
    ).toBe('10');
  });
});
