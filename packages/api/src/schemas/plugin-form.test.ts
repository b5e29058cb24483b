import { describe, expect, it } from 'vitest';
import {
  pluginCreateSchema,
  pluginEnableSchema,
  pluginInstallSchema,
  pluginSettingsSchema,
  toPluginPullQuery,
  toPluginSettings,
} from './plugin-form';

describe('the plugin forms', () => {
  it('install: needs a remote, trims it, and names the local copy only when asked', () => {
    const bad = pluginInstallSchema.safeParse({ remote: '  ', alias: '', registry: '' });
    expect(bad.error?.issues[0]?.path).toEqual(['remote']);
    const values = pluginInstallSchema.parse({
      remote: ' vieux/sshfs ',
      alias: ' ssh ',
      registry: '',
    });
    expect(toPluginPullQuery(values)).toEqual({ remote: 'vieux/sshfs', name: 'ssh' });
    expect(toPluginPullQuery({ ...values, alias: '' })).toEqual({ remote: 'vieux/sshfs' });
  });

  it('create: a name and a file are both required, each named at its field', () => {
    const result = pluginCreateSchema.safeParse({ name: '', file: null });
    expect(result.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(['file', 'name']);
    const file = new Blob(['tar']);
    expect(pluginCreateSchema.parse({ name: 'me/p', file }).file).toBe(file);
  });

  it('enable: the timeout is a whole number of seconds', () => {
    expect(pluginEnableSchema.parse({ timeout: ' 30 ' }).timeout).toBe(30);
    expect(pluginEnableSchema.safeParse({ timeout: '1.5' }).error?.issues[0]?.path).toEqual([
      'timeout',
    ]);
  });

  it('settings: sends only the env that changed, then the other lines', () => {
    const before = [
      { name: 'DEBUG', value: '0' },
      { name: 'ROOT', value: '/' },
    ];
    const values = pluginSettingsSchema.parse({
      env: { DEBUG: '1', ROOT: '/' },
      extra: ' args=--x \n\n mount.source=/data',
    });
    expect(toPluginSettings(values, before)).toEqual(['DEBUG=1', 'args=--x', 'mount.source=/data']);
  });
});
