import { describe, expect, it } from 'vitest';
import { Endpoint, detectEngineKind } from './endpoint';
import { Transport, describeConnectError } from './transport';

describe('detectEngineKind', () => {
  it('knows Docker by its version components', () => {
    expect(
      detectEngineKind({
        ApiVersion: '1.41',
        Version: '20.10.24',
        Components: [{ Name: 'Engine', Version: '20.10.24' }],
      }),
    ).toBe('docker');
  });

  it('knows pouchd by PouchRootDir in /info, whatever its version says', () => {
    expect(
      detectEngineKind(
        { ApiVersion: '1.24', Version: '1.3.0' },
        { PouchRootDir: '/var/lib/pouch' },
      ),
    ).toBe('pouch');
  });

  it('knows pouchd by its bare /version when /info is not available', () => {
    expect(detectEngineKind({ ApiVersion: '1.24', Version: '1.3.0' })).toBe('pouch');
  });
});

describe('Endpoint.versionedPath', () => {
  const endpoint = new Endpoint({
    id: 'local',
    name: 'local',
    transport: new Transport('unix:///nowhere.sock'),
  });

  it('leaves paths alone until the version is known', () => {
    expect(endpoint.versionedPath('/containers/json')).toBe('/containers/json');
  });

  it('prefixes the negotiated version, but keeps an explicit one', () => {
    endpoint.apiVersion = '1.41';
    expect(endpoint.versionedPath('/containers/json')).toBe('/v1.41/containers/json');
    expect(endpoint.versionedPath('/v1.24/containers/json')).toBe('/v1.24/containers/json');
  });
});

describe('describeConnectError', () => {
  it.each([
    ['ENOENT', 'the socket does not exist'],
    ['ECONNREFUSED', 'connection refused'],
    ['EACCES', 'docker group'],
    ['ETIMEDOUT', 'did not answer in time'],
  ])('turns %s into something a person can act on', (code, words) => {
    const message = describeConnectError(
      'unix:///var/run/docker.sock',
      Object.assign(new Error('x'), { code }),
    );
    expect(message).toContain('unix:///var/run/docker.sock');
    expect(message).toContain(words);
  });
});
