import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to a loopback listener on 7420 and the standard docker socket', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 7420,
      host: '127.0.0.1',
      dockerHost: 'unix:///var/run/docker.sock',
      demo: false,
    });
  });

  it("reads a swarm's other managers for fail-over, and refuses ssh:// there", () => {
    expect(loadConfig({}).failoverHosts).toEqual([]);
    expect(
      loadConfig({ BERTH_FAILOVER_HOSTS: 'tcp://m2:2376, unix:///run/m3.sock,' }).failoverHosts,
    ).toEqual(['tcp://m2:2376', 'unix:///run/m3.sock']);
    expect(() => loadConfig({ BERTH_FAILOVER_HOSTS: 'ssh://root@m2' })).toThrow(
      /BERTH_FAILOVER_HOSTS.*unix:\/\/ or tcp:\/\//,
    );
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', HOST: '' }).port).toBe(7420);
  });

  it('reads TLS settings the way the docker CLI does', () => {
    const config = loadConfig({
      DOCKER_HOST: 'tcp://10.0.0.5:2376',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: '/certs',
    });
    expect(config.tls).toEqual({ verify: true, enabled: true, certPath: '/certs' });
  });

  it.each([
    [{ PORT: 'abc' }, 'invalid configuration: PORT must be a port number (got "abc")'],
    [{ PORT: '70000' }, 'invalid configuration: PORT must be between 0 and 65535 (got "70000")'],
    [
      { DOCKER_HOST: 'http://x' },
      'invalid configuration: DOCKER_HOST must look like unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host (got "http://x")',
    ],
    [
      { DOCKER_TLS_VERIFY: 'yes' },
      'invalid configuration: DOCKER_TLS_VERIFY must be 1, 0, true or false (got "yes")',
    ],
    [{ LOG_LEVEL: 'loud' }, 'invalid configuration: LOG_LEVEL'],
  ])('rejects %o with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
