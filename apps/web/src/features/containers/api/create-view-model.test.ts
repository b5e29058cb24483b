import type { ContainerInspect } from '@berth/api';
import { describe, expect, it } from 'vitest';
import {
  emptyCreateView,
  FORM_CONFIG_KEYS,
  FORM_HOST_CONFIG_KEYS,
  keptNames,
  keptSettings,
  parseDuration,
  parseSize,
  toRequest,
  toViewModel,
  validateCreateView,
} from './create-view-model';
import type { CreateView } from './create-view-model';
import pouchRunning from '../../../../../../packages/api/fixtures/pouch-1.3.0/container-inspect-running.json';
import { joinShellWords, parseDotEnv, splitShellWords } from './shell-words';

function view(patch: Partial<CreateView>): CreateView {
  return { ...emptyCreateView(), image: 'berth/busybox:latest', ...patch };
}

describe('shell words', () => {
  it('splits like a shell and joins back', () => {
    expect(splitShellWords(`sh -c "echo \\"hi\\" there" 'a b' c\\ d`)).toEqual([
      'sh',
      '-c',
      'echo "hi" there',
      'a b',
      'c d',
    ]);
    expect(splitShellWords(`""`)).toEqual(['']);
    expect(() => splitShellWords(`echo "open`)).toThrow('Unclosed double quote');
    const words = ['sh', '-c', "it's fine", ''];
    expect(splitShellWords(joinShellWords(words))).toEqual(words);
  });

  it('reads a .env file', () => {
    expect(parseDotEnv('# c\nA=1\nexport B="two words"\n\nC=\nbad line')).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: 'two words' },
      { key: 'C', value: '' },
    ]);
  });
});

describe('units', () => {
  it('parses sizes and durations', () => {
    expect(parseSize('512m')).toBe(512 * 1024 ** 2);
    expect(parseSize('1G')).toBe(1024 ** 3);
    expect(parseSize('1.5g')).toBe(1.5 * 1024 ** 3);
    expect(parseSize('64MiB')).toBe(64 * 1024 ** 2);
    expect(parseSize('lots')).toBeNull();
    expect(parseDuration('30s')).toBe(30e9);
    expect(parseDuration('500ms')).toBe(500e6);
    expect(parseDuration('2')).toBe(2e9);
  });
});

describe('validateCreateView', () => {
  it('names the fields that are wrong', () => {
    const errors = validateCreateView(
      view({
        image: '',
        name: '-bad',
        command: 'echo "x',
        ports: [{ containerPort: '99999', protocol: 'tcp', hostIp: '', hostPort: 'x' }],
        mounts: [{ type: 'bind', source: 'rel', target: 'data', readOnly: false, size: '' }],
        memory: 'big',
        healthMode: 'CMD-SHELL',
      }),
    );
    expect(errors).toMatchObject({
      image: 'Choose an image.',
      name: expect.stringContaining('Letters'),
      command: 'Unclosed double quote.',
      'ports.0.containerPort': 'A port from 1 to 65535.',
      'ports.0.hostPort': expect.any(String),
      'mounts.0.target': expect.any(String),
      'mounts.0.source': expect.any(String),
      memory: 'Use a size like 512m or 1g.',
      healthTest: 'Say what to run.',
    });
    expect(validateCreateView(view({}))).toEqual({});
  });
});

describe('toRequest', () => {
  it('maps every section to the Engine body', () => {
    const request = toRequest(
      view({
        name: 'web',
        command: 'sh -c "sleep 1000"',
        env: [
          { key: 'A', value: '1' },
          { key: '', value: '' },
        ],
        ports: [
          { containerPort: '80', protocol: 'tcp', hostIp: '127.0.0.1', hostPort: '8080' },
          { containerPort: '53', protocol: 'udp', hostIp: '', hostPort: '' },
        ],
        mounts: [
          { type: 'volume', source: 'data', target: '/data', readOnly: false, size: '' },
          { type: 'tmpfs', source: '', target: '/scratch', readOnly: false, size: '64m' },
        ],
        networks: [
          { name: 'front', aliases: 'web, www', ipv4: '172.30.0.5', ipv6: '' },
          { name: 'back', aliases: '', ipv4: '', ipv6: '' },
        ],
        restartPolicy: 'on-failure',
        maxRetries: '3',
        cpus: '1.5',
        memory: '256m',
        pidsLimit: '100',
        ulimits: [{ name: 'nofile', soft: '1024', hard: '2048' }],
        labels: [{ key: 'team', value: 'ops' }],
        healthMode: 'CMD-SHELL',
        healthTest: 'true',
        healthInterval: '10s',
        capAdd: 'NET_ADMIN',
        logDriver: 'json-file',
        logOptions: [{ key: 'max-size', value: '10m' }],
        tty: true,
        openStdin: true,
      }),
    );
    expect(request.name).toBe('web');
    expect(request.body).toMatchObject({
      Image: 'berth/busybox:latest',
      Cmd: ['sh', '-c', 'sleep 1000'],
      Env: ['A=1'],
      ExposedPorts: { '80/tcp': {}, '53/udp': {} },
      Labels: { team: 'ops' },
      Healthcheck: { Test: ['CMD-SHELL', 'true'], Interval: 10e9 },
      Tty: true,
      OpenStdin: true,
      HostConfig: {
        PortBindings: {
          '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }],
          '53/udp': [{ HostIp: '', HostPort: '' }],
        },
        Mounts: [
          { Type: 'volume', Source: 'data', Target: '/data' },
          { Type: 'tmpfs', Target: '/scratch', TmpfsOptions: { SizeBytes: 64 * 1024 ** 2 } },
        ],
        NetworkMode: 'front',
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
        NanoCpus: 1.5e9,
        Memory: 256 * 1024 ** 2,
        PidsLimit: 100,
        Ulimits: [{ Name: 'nofile', Soft: 1024, Hard: 2048 }],
        CapAdd: ['NET_ADMIN'],
        LogConfig: { Type: 'json-file', Config: { 'max-size': '10m' } },
      },
      NetworkingConfig: {
        EndpointsConfig: {
          front: { Aliases: ['web', 'www'], IPAMConfig: { IPv4Address: '172.30.0.5' } },
        },
      },
    });
    expect(request.connectAfter).toEqual([{ network: 'back', endpointConfig: {} }]);
  });

  it('leaves out what was not set', () => {
    expect(toRequest(view({})).body).toEqual({ Image: 'berth/busybox:latest', HostConfig: {} });
  });
});

describe('toViewModel', () => {
  it('round-trips a container made from the form', () => {
    const original = view({
      name: 'web',
      command: 'sleep 1000',
      env: [{ key: 'A', value: '1' }],
      ports: [{ containerPort: '80', protocol: 'tcp', hostIp: '', hostPort: '8080' }],
      mounts: [{ type: 'tmpfs', source: '', target: '/scratch', readOnly: false, size: '64m' }],
      networks: [{ name: 'front', aliases: 'web', ipv4: '', ipv6: '' }],
      restartPolicy: 'always',
      memory: '256m',
      healthMode: 'CMD',
      healthTest: 'true',
      healthRetries: '3',
    });
    const { body } = toRequest(original);
    const {
      HostConfig,
      NetworkingConfig: _networking,
      ...config
    } = body as {
      HostConfig: object;
      NetworkingConfig: object;
    };
    const inspect = {
      Id: 'abcdef123456'.padEnd(64, '0'),
      Name: '/web',
      Image: 'sha256:1',
      Mounts: [],
      State: {},
      Config: { ...config, Hostname: 'abcdef123456' },
      HostConfig,
      NetworkSettings: {
        Networks: { front: { Aliases: ['web', 'abcdef123456'] } },
      },
    } as unknown as ContainerInspect;
    const back = toViewModel(inspect);
    const { mounts, kept, ...rest } = back;
    const { mounts: originalMounts, kept: _unused, ...originalRest } = original;
    expect(rest).toEqual({ ...originalRest, start: true, pullIfMissing: true });
    expect(mounts).toEqual([
      {
        ...originalMounts[0],
        origin: { from: 'mounts', extra: { TmpfsOptions: expect.any(Object) } },
      },
    ]);
    // The form made everything of this one: nothing is left over.
    expect(kept).toEqual({ config: {}, hostConfig: {} });
  });

  it('carries every setting the form has no field for through, unchanged', () => {
    const hostConfig = {
      Privileged: true,
      ReadonlyRootfs: true,
      ShmSize: 128 * 1024 ** 2,
      SecurityOpt: ['no-new-privileges'],
      Sysctls: { 'net.ipv4.ip_unprivileged_port_start': '0' },
      Devices: [
        { PathOnHost: '/dev/null', PathInContainer: '/dev/nothing', CgroupPermissions: 'rwm' },
      ],
      Init: true,
      OomScoreAdj: 100,
      GroupAdd: ['audio'],
      DnsSearch: ['example.internal'],
      DnsOptions: ['ndots:2'],
      BlkioWeight: 300,
      CpusetMems: '0',
      MemorySwappiness: null,
      Links: null,
      Memory: 64 * 1024 ** 2,
      Binds: ['/srv/data:/data:ro,z', 'named:/named:nocopy'],
      Tmpfs: { '/run': 'rw,noexec,nosuid,size=65536k' },
      Mounts: [
        {
          Type: 'bind',
          Source: '/srv/shared',
          Target: '/shared',
          BindOptions: { Propagation: 'rslave' },
        },
      ],
    };
    const config = {
      Image: 'berth/busybox:latest',
      Hostname: 'edited-host',
      StopSignal: 'SIGUSR1',
      StopTimeout: 7,
      AttachStdout: true,
      ExposedPorts: { '9000/tcp': {} },
      OnBuild: null,
    };
    const inspect = {
      Id: 'f'.repeat(64),
      Name: '/odd',
      Image: 'sha256:1',
      State: {},
      Config: config,
      HostConfig: hostConfig,
      NetworkSettings: { Networks: {} },
    } as unknown as ContainerInspect;
    const view = toViewModel(inspect);
    expect(view.kept.hostConfig).not.toHaveProperty('Memory');
    expect(view.kept.hostConfig).not.toHaveProperty('MemorySwappiness');
    const { body } = toRequest(view);
    const sent = body as { HostConfig: Record<string, unknown> } & Record<string, unknown>;
    const { MemorySwappiness: _n, Links: _l, ...hostConfigSet } = hostConfig;
    expect(sent.HostConfig).toEqual(hostConfigSet);
    const { OnBuild: _o, ...configSet } = config;
    expect(body).toMatchObject(configSet);
    expect(body).not.toHaveProperty('OnBuild');

    // Cleared in the form: gone, not brought back from the container.
    const cleared = toRequest({ ...view, memory: '', mounts: [] }).body as typeof sent;
    expect(cleared.HostConfig).not.toHaveProperty('Memory');
    expect(cleared.HostConfig).not.toHaveProperty('Binds');
    expect(cleared.HostConfig).not.toHaveProperty('Tmpfs');
    expect(cleared.HostConfig.Privileged).toBe(true);

    // An edited mount keeps its options: read-only off keeps z, a new tmpfs size keeps noexec.
    const edited = toRequest({
      ...view,
      mounts: view.mounts.map((row) =>
        row.type === 'tmpfs' ? { ...row, size: '32m' } : { ...row, readOnly: false },
      ),
    }).body as typeof sent;
    expect(edited.HostConfig.Binds).toEqual(['/srv/data:/data:z', 'named:/named:nocopy']);
    expect(edited.HostConfig.Tmpfs).toEqual({ '/run': 'rw,noexec,nosuid,size=32m' });

    expect(keptNames(view.kept)).toEqual([
      'StopSignal',
      'StopTimeout',
      'AttachStdout',
      'ExposedPorts',
      'HostConfig.Privileged',
      'HostConfig.ReadonlyRootfs',
      'HostConfig.ShmSize',
      'HostConfig.SecurityOpt',
      'HostConfig.Sysctls',
      'HostConfig.Devices',
      'HostConfig.Init',
      'HostConfig.OomScoreAdj',
      'HostConfig.GroupAdd',
      'HostConfig.DnsSearch',
      'HostConfig.DnsOptions',
      'HostConfig.BlkioWeight',
      'HostConfig.CpusetMems',
    ]);
  });

  it('no key the form owns is ever kept', () => {
    const everything = Object.fromEntries(
      [...FORM_CONFIG_KEYS, ...FORM_HOST_CONFIG_KEYS].map((key) => [key, 'set']),
    );
    const kept = keptSettings({
      Config: everything,
      HostConfig: everything,
    } as unknown as ContainerInspect);
    expect(
      Object.keys(kept.config).filter((k) => (FORM_CONFIG_KEYS as readonly string[]).includes(k)),
    ).toEqual([]);
    expect(
      Object.keys(kept.hostConfig).filter((k) =>
        (FORM_HOST_CONFIG_KEYS as readonly string[]).includes(k),
      ),
    ).toEqual([]);
  });
});

describe('Duplicate/Edit of a recorded PouchContainer inspect (pouch replay)', () => {
  // pouchd's inspect carries its own HostConfig fields (RuntimeType, IntelRdtL3Cbm,
  // MemoryForceEmptyCtl, ScheLatSwitch…): they must reach the create body as they were.
  const recording = pouchRunning as unknown as { body: ContainerInspect };

  it('sends back every Config and HostConfig value the container had', () => {
    const inspect = recording.body;
    const { body } = toRequest(toViewModel(inspect));
    const sent = body as Record<string, unknown> & { HostConfig: Record<string, unknown> };
    const set = (object: object) => Object.entries(object).filter(([, value]) => value !== null);
    for (const [key, value] of set(inspect.HostConfig)) {
      // The form writes the default back as "not set": bridge, json-file, zero limits.
      if (['NetworkMode', 'LogConfig'].includes(key)) continue;
      if (
        (FORM_HOST_CONFIG_KEYS as readonly string[]).includes(key) &&
        (value === 0 || value === '')
      )
        continue;
      expect([key, sent.HostConfig[key]]).toEqual([key, value]);
    }
    for (const [key, value] of set(inspect.Config)) {
      if (key === 'Hostname') continue; // the short id the engine gave it
      expect([key, sent[key]]).toEqual([key, value]);
    }
    expect(sent.HostConfig).toMatchObject({ RuntimeType: 'io.containerd.runtime.v1.linux' });
  });
});

describe("PouchContainer's own create settings", () => {
  it('maps rich mode, init script, disk quota and lxcfs, and reads them back', () => {
    const original = view({
      rich: true,
      richMode: 'sbin-init',
      initScript: 'echo init',
      diskQuota: [{ dir: '/', size: '10g' }],
      enableLxcfs: true,
    });
    const { body } = toRequest(original);
    expect(body).toMatchObject({
      Rich: true,
      RichMode: 'sbin-init',
      InitScript: 'echo init',
      DiskQuota: { '/': '10g' },
      HostConfig: { EnableLxcfs: true },
    });
    const { HostConfig, ...config } = body as { HostConfig: object };
    const back = toViewModel({
      Id: 'a'.repeat(64),
      Name: '/p',
      Config: config,
      HostConfig,
      NetworkSettings: { Networks: {} },
    } as unknown as ContainerInspect);
    expect(back).toMatchObject({
      rich: true,
      richMode: 'sbin-init',
      initScript: 'echo init',
      diskQuota: [{ dir: '/', size: '10g' }],
      enableLxcfs: true,
      kept: { config: {}, hostConfig: {} },
    });
    expect(toRequest(view({})).body).not.toHaveProperty('Rich');
    expect(validateCreateView(view({ diskQuota: [{ dir: 'data', size: 'lots' }] }))).toEqual({
      'diskQuota.0.dir': expect.any(String),
      'diskQuota.0.size': 'A size like 10g.',
    });
  });
});
