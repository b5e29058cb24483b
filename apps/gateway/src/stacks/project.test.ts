import { describe, expect, it } from 'vitest';
import { ComposeFileError, loadComposeFile } from './compose-file';
import { parsePort, parseVolume, planProject } from './project';

const context = {
  workingDir: '/data/stacks/local/shop',
  configFiles: '/data/stacks/local/shop/compose.yaml',
};

function plan(yaml: string, env = '') {
  return planProject('shop', loadComposeFile(yaml, env), yaml, context);
}

function problemsOf(yaml: string) {
  try {
    plan(yaml);
  } catch (error) {
    if (error instanceof ComposeFileError) return error.problems;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('parsePort', () => {
  it('reads the short syntax with host IP, ranges and protocol', () => {
    expect(parsePort('127.0.0.1:8080:80/udp')).toEqual([
      { container: '80/udp', hostIp: '127.0.0.1', hostPort: '8080' },
    ]);
    expect(parsePort('9000-9001:90-91')).toEqual([
      { container: '90/tcp', hostIp: '', hostPort: '9000' },
      { container: '91/tcp', hostIp: '', hostPort: '9001' },
    ]);
    expect(parsePort('3000')).toEqual([{ container: '3000/tcp', hostIp: '', hostPort: '' }]);
    expect(parsePort('[::1]:53:53/udp')).toEqual([
      { container: '53/udp', hostIp: '::1', hostPort: '53' },
    ]);
  });

  it('reads the long syntax', () => {
    expect(
      parsePort({ target: 80, published: '8081', host_ip: '0.0.0.0', protocol: 'tcp' }),
    ).toEqual([{ container: '80/tcp', hostIp: '0.0.0.0', hostPort: '8081' }]);
  });
});

describe('parseVolume', () => {
  const name = (key: string) => `shop_${key}`;
  it('reads named, bind and anonymous volumes in the short syntax', () => {
    expect(parseVolume('data:/var/lib/data:ro', name)).toEqual({
      Type: 'volume',
      Source: 'shop_data',
      Target: '/var/lib/data',
      ReadOnly: true,
    });
    expect(parseVolume('/srv/www:/usr/share/www', name)).toMatchObject({
      Type: 'bind',
      Source: '/srv/www',
    });
    expect(parseVolume('/cache', name)).toEqual({ Type: 'volume', Target: '/cache' });
    expect(() => parseVolume('./site:/www', name)).toThrow('relative bind paths');
  });

  it('reads the long syntax, tmpfs size included', () => {
    expect(parseVolume({ type: 'tmpfs', target: '/tmp', tmpfs: { size: '64m' } }, name)).toEqual({
      Type: 'tmpfs',
      Target: '/tmp',
      TmpfsOptions: { SizeBytes: 64 * 1024 ** 2 },
    });
  });
});

describe('planProject', () => {
  const file = `
services:
  web:
    image: app:1
    depends_on: [api]
    ports: ["8080:80"]
    deploy:
      replicas: 2
      resources:
        limits: { memory: 256m, cpus: "0.5" }
  api:
    image: app:1
    depends_on:
      db: { condition: service_healthy }
    networks:
      back: { aliases: [backend], ipv4_address: 172.28.0.10 }
      default: {}
  db:
    image: db:1
    healthcheck:
      test: pg_isready
      interval: 2s
networks:
  back:
    ipam:
      config: [{ subnet: 172.28.0.0/16 }]
`;

  it('orders services after their dependencies and names resources as compose does', () => {
    const project = plan(file);
    expect(project.services.map((s) => s.name)).toEqual(['db', 'api', 'web']);
    expect(project.networks.map((n) => n.name)).toEqual(['shop_back', 'shop_default']);
    const web = project.services.find((s) => s.name === 'web');
    expect(web?.replicas).toBe(2);
    const body = web?.createBody(2) as {
      Labels: Record<string, string>;
      HostConfig: { Memory: number; NanoCpus: number; PortBindings: object };
    };
    expect(body.Labels).toMatchObject({
      'com.docker.compose.project': 'shop',
      'com.docker.compose.service': 'web',
      'com.docker.compose.container-number': '2',
      'com.docker.compose.oneoff': 'False',
      'com.docker.compose.project.working_dir': context.workingDir,
      'com.docker.compose.depends_on': 'api:service_started:false',
    });
    expect(body.HostConfig).toMatchObject({
      Memory: 256 * 1024 ** 2,
      NanoCpus: 5e8,
      PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] },
    });
    const api = project.services.find((s) => s.name === 'api');
    expect(api?.createBody(1)).toMatchObject({
      HostConfig: { NetworkMode: 'shop_back' },
      NetworkingConfig: {
        EndpointsConfig: {
          shop_back: { Aliases: ['api', 'backend'], IPAMConfig: { IPv4Address: '172.28.0.10' } },
        },
      },
    });
    expect(api?.extraNetworks).toEqual([
      { name: 'shop_default', aliases: ['api'], ipv4Address: undefined },
    ]);
    const db = project.services.find((s) => s.name === 'db');
    expect(db?.createBody(1)).toMatchObject({
      Healthcheck: { Test: ['CMD-SHELL', 'pg_isready'], Interval: 2e9 },
    });
  });

  it('hashes configuration so that only a changed service gets a new hash', () => {
    const before = plan(file);
    const after = plan(file.replace('test: pg_isready', 'test: pg_isready -q'));
    const hash = (p: typeof before, name: string) =>
      p.services.find((s) => s.name === name)?.configHash;
    expect(hash(after, 'db')).not.toBe(hash(before, 'db'));
    expect(hash(after, 'web')).toBe(hash(before, 'web'));
  });

  it('refuses keys it does not turn into engine settings, by name and line', () => {
    expect(
      problemsOf('services:\n  web:\n    image: x\n    env_file: .env\n    build: .\n'),
    ).toEqual([
      {
        message: 'services.web: "env_file" is not supported by Berth yet',
        path: 'services.web.env_file',
        line: 4,
      },
      {
        message: 'services.web: "build" is not supported by Berth yet',
        path: 'services.web.build',
        line: 5,
      },
    ]);
  });

  it('refuses dependency cycles and unknown dependencies', () => {
    expect(
      problemsOf(
        'services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n',
      )[0]?.message,
    ).toMatch(/depends_on makes a cycle: a → b → a/);
    expect(
      problemsOf('services:\n  a:\n    image: x\n    depends_on: [nope]\n')[0]?.message,
    ).toMatch(/names "nope", which is not a service/);
  });

  it('refuses an undeclared named volume', () => {
    expect(
      problemsOf('services:\n  a:\n    image: x\n    volumes: ["data:/d"]\n')[0]?.message,
    ).toMatch(/named volume "data" is not declared/);
  });
});

describe('profiles and tmpfs', () => {
  const yaml = `
services:
  web:
    image: busybox
    tmpfs:
      - /run:size=64m,mode=1777
      - /cache
  debug:
    image: busybox
    profiles: [debug]
`;

  it('leaves out services of profiles that are not active, as `docker compose up` does', () => {
    expect(plan(yaml).services.map((s) => s.name)).toEqual(['web']);
    const withDebug = planProject('shop', loadComposeFile(yaml), yaml, {
      ...context,
      profiles: ['debug'],
    });
    expect(withDebug.services.map((s) => s.name)).toEqual(['debug', 'web']);
  });

  it('keeps tmpfs options (size, mode) in HostConfig.Tmpfs', () => {
    const body = plan(yaml).services[0]?.createBody(1) as { HostConfig: { Tmpfs: unknown } };
    expect(body.HostConfig.Tmpfs).toEqual({ '/run': 'size=64m,mode=1777', '/cache': '' });
  });
});
