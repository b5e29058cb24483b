import { toPluginSettings } from '@berth/api';
import type { Plugin } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { pluginTypes, settableEnv } from './plugins-api';

const plugin: Plugin = {
  Id: 'p1',
  Name: 'berth/volume-plugin:latest',
  Enabled: false,
  Settings: { Env: ['DEBUG=0', 'ROOT=/data'], Args: [], Mounts: [], Devices: [] },
  Config: {
    Description: '',
    Documentation: '',
    Interface: {
      Types: [
        'docker.volumedriver/1.0',
        { Prefix: 'docker', Capability: 'logdriver', Version: '1.0' },
      ],
    },
    Env: [
      { Name: 'DEBUG', Description: 'verbose', Settable: ['value'], Value: '0' },
      { Name: 'ROOT', Description: 'fixed', Settable: null, Value: '/data' },
      { Name: 'NEW', Description: 'unset yet', Settable: ['value'], Value: 'x' },
    ],
  },
};

describe('plugin settings', () => {
  it('offers only settable env, with the current value over the default', () => {
    expect(settableEnv(plugin)).toEqual([
      { name: 'DEBUG', description: 'verbose', value: '0' },
      { name: 'NEW', description: 'unset yet', value: 'x' },
    ]);
  });

  it('sends only what changed', () => {
    const env = settableEnv(plugin);
    expect(toPluginSettings({ env: { DEBUG: '1', NEW: 'x' }, extra: '' }, env)).toEqual([
      'DEBUG=1',
    ]);
    expect(toPluginSettings({ env: { DEBUG: '0' }, extra: '' }, env)).toEqual([]);
  });

  it('names interface types in either form', () => {
    expect(pluginTypes(plugin)).toBe('docker.volumedriver/1.0, docker.logdriver/1.0');
  });
});
