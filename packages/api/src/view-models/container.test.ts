import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../engine/types';
import { allowedActions, containerName, healthFromStatus, toContainerRow } from './container';
import { formatAgo, formatBytes } from './format';

const summary: ContainerSummary = {
  Id: 'f3a1b2c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2',
  Names: ['/web'],
  Image: 'berth/busybox:latest',
  ImageID: 'sha256:abc',
  Command: 'httpd -f',
  Created: 1_700_000_000,
  Ports: [
    { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    { PrivatePort: 443, Type: 'tcp' },
  ],
  Labels: { team: 'core' },
  State: 'running',
  Status: 'Up 3 minutes (healthy)',
  NetworkSettings: { Networks: { bridge: { IPAddress: '172.17.0.2' }, none: { IPAddress: '' } } },
};

describe('toContainerRow', () => {
  it('maps an engine summary to the engine-neutral row', () => {
    expect(toContainerRow(summary)).toEqual({
      id: summary.Id,
      shortId: 'f3a1b2c4d5e6',
      name: 'web',
      image: 'berth/busybox:latest',
      state: 'running',
      status: 'Up 3 minutes (healthy)',
      health: 'healthy',
      ports: [
        { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { hostIp: '', hostPort: null, containerPort: 443, protocol: 'tcp' },
      ],
      ips: ['172.17.0.2'],
      created: 1_700_000_000_000,
      command: 'httpd -f',
      labels: { team: 'core' },
    });
  });

  it('prefers the plain name over link aliases', () => {
    expect(containerName(['/app/db', '/db'], 'x')).toBe('db');
    expect(containerName([], 'abcdef0123456789')).toBe('abcdef012345');
  });

  it('reads health from the status text', () => {
    expect(healthFromStatus('Up 2 seconds (health: starting)')).toBe('starting');
    expect(healthFromStatus('Up 1 hour (unhealthy)')).toBe('unhealthy');
    expect(healthFromStatus('Exited (0) 3 days ago')).toBeNull();
  });
});

describe('allowedActions', () => {
  it('offers start only to stopped containers and unpause only to paused ones', () => {
    expect(allowedActions('exited')).toMatchObject({
      start: true,
      stop: false,
      pause: false,
      unpause: false,
      kill: false,
    });
    expect(allowedActions('running')).toMatchObject({
      start: false,
      stop: true,
      pause: true,
      unpause: false,
      kill: true,
    });
    expect(allowedActions('paused')).toMatchObject({
      start: false,
      stop: true,
      pause: false,
      unpause: true,
    });
  });
});

describe('format', () => {
  it('prints sizes in decimal units like the docker CLI', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_500_000)).toBe('1.5 MB');
    expect(formatBytes(undefined)).toBe('—');
  });

  it('prints relative times', () => {
    const now = 1_000_000_000_000;
    expect(formatAgo(now - 2000, now)).toBe('just now');
    expect(formatAgo(now - 90_000, now)).toBe('1 minute ago');
    expect(formatAgo(now - 3 * 86_400_000, now)).toBe('3 days ago');
  });
});
