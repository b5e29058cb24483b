import { describe, expect, it } from 'vitest';
import {
  containerCreateProblems,
  containerUpdateProblems,
  execCreateProblems,
  hostPathAllowed,
  serviceSpecProblems,
  volumeCreateProblems,
} from './body-policy';

describe('hostPathAllowed', () => {
  it('matches whole path segments and normalises .. away', () => {
    expect(hostPathAllowed('/srv/data', ['/srv'])).toBe(true);
    expect(hostPathAllowed('/srv', ['/srv/'])).toBe(true);
    expect(hostPathAllowed('/srvdata', ['/srv'])).toBe(false);
    expect(hostPathAllowed('/srv/../etc', ['/srv'])).toBe(false);
    expect(hostPathAllowed('/', [])).toBe(false);
    expect(hostPathAllowed('relative', ['/'])).toBe(false);
  });
});

describe('containerCreateProblems', () => {
  it('accepts an ordinary container', () => {
    expect(
      containerCreateProblems(
        {
          Image: 'x',
          HostConfig: {
            Binds: ['data:/data'],
            Mounts: [
              { Type: 'volume', Source: 'v', Target: '/v' },
              { Type: 'tmpfs', Target: '/t' },
            ],
            NetworkMode: 'bridge',
          },
        },
        [],
      ),
    ).toEqual([]);
  });

  it('refuses every way onto the host, naming the field', () => {
    const problems = containerCreateProblems(
      {
        HostConfig: {
          Privileged: true,
          PidMode: 'host',
          IpcMode: 'host',
          NetworkMode: 'host',
          UTSMode: 'host',
          Devices: [{ PathOnHost: '/dev/sda' }],
          CapAdd: ['SYS_ADMIN'],
          SecurityOpt: ['seccomp=unconfined'],
          Binds: ['/:/host'],
          Mounts: [
            { Type: 'bind', Source: '/', Target: '/host' },
            {
              Type: 'volume',
              Target: '/v',
              VolumeOptions: {
                DriverConfig: { Options: { type: 'none', o: 'bind', device: '/etc' } },
              },
            },
          ],
        },
      },
      [],
    );
    expect(problems.join('\n')).toMatch(/HostConfig\.Privileged/);
    for (const field of [
      'PidMode',
      'IpcMode',
      'NetworkMode',
      'UTSMode',
      'Devices',
      'CapAdd',
      'SecurityOpt',
      'Binds[0]',
      'Mounts[0]',
      'Mounts[1].VolumeOptions',
    ]) {
      expect(problems.join('\n')).toContain(field);
    }
  });

  it('lets binds under an allowed host path through', () => {
    expect(
      containerCreateProblems(
        {
          HostConfig: {
            Binds: ['/srv/app:/app:ro'],
            Mounts: [{ Type: 'bind', Source: '/srv/x', Target: '/x' }],
          },
        },
        ['/srv'],
      ),
    ).toEqual([]);
  });
});

describe('other bodies', () => {
  it('refuses devices in a live update and privileged exec', () => {
    expect(containerUpdateProblems({ Devices: [{ PathOnHost: '/dev/kmsg' }] })).toHaveLength(1);
    expect(containerUpdateProblems({ Memory: 1_000_000 })).toEqual([]);
    expect(execCreateProblems({ Cmd: ['sh'], Privileged: true })).toHaveLength(1);
  });

  it('refuses a service with a host bind mount or the host network', () => {
    const problems = serviceSpecProblems(
      {
        TaskTemplate: {
          ContainerSpec: { Image: 'x', Mounts: [{ Type: 'bind', Source: '/', Target: '/host' }] },
          Networks: [{ Target: 'host' }],
        },
      },
      [],
    );
    expect(problems.join('\n')).toContain('TaskTemplate.ContainerSpec.Mounts[0]');
    expect(problems.join('\n')).toContain('host network');
  });

  it('refuses a local volume that binds a host path', () => {
    expect(
      volumeCreateProblems({ Name: 'v', DriverOpts: { type: 'none', o: 'bind', device: '/' } }, []),
    ).toHaveLength(1);
    expect(
      volumeCreateProblems(
        { Name: 'v', DriverOpts: { type: 'tmpfs', device: 'tmpfs', o: 'size=10m' } },
        [],
      ),
    ).toEqual([]);
  });
});
