import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { matchBasePath } from './base-path';
import { indexForBasePath } from './static';

describe('BERTH_BASE_PATH', () => {
  it('takes the prefix off targets under it, redirects the bare prefix, refuses the rest', () => {
    expect(matchBasePath('/berth', '/berth/api/health?x=1')).toEqual({ path: '/api/health?x=1' });
    expect(matchBasePath('/berth', '/berth/')).toEqual({ path: '/' });
    expect(matchBasePath('/berth', '/berth')).toEqual({ redirect: '/berth/' });
    expect(matchBasePath('/berth', '/berth?next=1')).toEqual({ redirect: '/berth/?next=1' });
    expect(matchBasePath('/berth', '/berthx/api/health')).toEqual({ outside: true });
    expect(matchBasePath('/berth', '/api/health')).toEqual({ outside: true });
    expect(matchBasePath('', '/api/health')).toEqual({ path: '/api/health' });
  });

  it('is read from the environment without a trailing slash, and must be a plain path', () => {
    expect(loadConfig({}).basePath).toBe('');
    expect(loadConfig({ BERTH_BASE_PATH: '/berth/' }).basePath).toBe('/berth');
    expect(loadConfig({ BERTH_BASE_PATH: '/' }).basePath).toBe('');
    expect(() => loadConfig({ BERTH_BASE_PATH: 'berth' })).toThrow(
      /BERTH_BASE_PATH must be a path/,
    );
    expect(() => loadConfig({ BERTH_BASE_PATH: '/a"><script>' })).toThrow(/BERTH_BASE_PATH/);
  });

  it('makes the relative URLs of index.html absolute under the base and names the base', () => {
    const html =
      '<html><head><script src="./theme-init.js"></script><link rel="stylesheet" href="./assets/i.css"></head></html>';
    const out = indexForBasePath(html, '/berth');
    expect(out).toContain('<meta name="berth-base-path" content="/berth" />');
    expect(out).toContain('src="/berth/theme-init.js"');
    expect(out).toContain('href="/berth/assets/i.css"');
    expect(indexForBasePath(html, '')).toContain('src="/theme-init.js"');
  });
});
