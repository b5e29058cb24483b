// Stacks against the real engine and the real compose CLI (Debian's docker-compose 1.29): what
// Berth deploys the CLI sees as its own project, and what the CLI made Berth lists and operates.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StackDeployEvent, StackDetail, StackPreview, StackSummary } from '@berth/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../src/gateway';
import {
  BASE_IMAGE,
  bearer,
  createContainer,
  engine,
  engineHost,
  removeTestContainers,
  startTestGateway,
  tokenFor,
} from './harness';

let gateway: Gateway;
let admin: Record<string, string>;
let operator: Record<string, string>;
let viewer: Record<string, string>;

const STACK = 'berthstk';
const CLI_STACK = 'clistk';

const twoServices = (greeting: string) => `
services:
  db:
    image: ${BASE_IMAGE}
    command: sh -c "sleep 2; touch /tmp/ready; exec sleep 3600"
    init: true
    healthcheck:
      test: ["CMD", "test", "-f", "/tmp/ready"]
      interval: 1s
      retries: 30
    volumes:
      - data:/data
  web:
    image: ${BASE_IMAGE}
    command: ["sleep", "3600"]
    init: true
    depends_on:
      db:
        condition: service_healthy
    environment:
      GREETING: \${GREETING:-${greeting}}
      ORIGIN: berth
    labels:
      tier: front
    networks:
      default:
        aliases: [frontend]
volumes:
  data: {}
`;

const api = (path: string, headers: Record<string, string>, init: RequestInit = {}) =>
  fetch(`${gateway.url}/api/endpoints/local${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

/** A deploy's JSON lines, read to the end. */
async function deployEvents(res: Response): Promise<StackDeployEvent[]> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/x-ndjson');
  const text = await res.text();
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as StackDeployEvent);
}

interface EngineContainer {
  Id: string;
  Names: string[];
  State: string;
  Labels: Record<string, string>;
}

async function engineContainers(project: string): Promise<EngineContainer[]> {
  const filters = encodeURIComponent(
    JSON.stringify({ label: [`com.docker.compose.project=${project}`] }),
  );
  return (await engine<EngineContainer[]>('GET', `/containers/json?all=1&filters=${filters}`)).body;
}

/** The real compose CLI against the test engine. */
function compose(project: string, file: string, ...args: string[]): string {
  return execFileSync('docker-compose', ['-p', project, '-f', file, ...args], {
    env: { ...process.env, DOCKER_HOST: engineHost() },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function down(project: string) {
  await api(`/stacks/${project}?volumes=1&forget=1`, admin, { method: 'DELETE' });
}

beforeAll(async () => {
  gateway = await startTestGateway();
  admin = bearer(tokenFor(gateway, 'admin'));
  operator = bearer(tokenFor(gateway, 'operator'));
  viewer = bearer(tokenFor(gateway, 'viewer'));
  await down(STACK);
  await down(CLI_STACK);
});

afterAll(async () => {
  await down(STACK);
  await down(CLI_STACK);
  await gateway?.close();
});

describe('a stack deployed by Berth', () => {
  const folder = mkdtempSync(join(tmpdir(), 'berth-stack-'));
  const file = join(folder, 'compose.yaml');

  it('deploys two services in depends_on order, waiting for the healthy database', async () => {
    const events = await deployEvents(
      await api('/stacks', operator, {
        method: 'POST',
        body: JSON.stringify({ name: STACK, compose: twoServices('hello'), env: '' }),
      }),
    );
    expect(events.at(-1)).toEqual({ type: 'done', stack: STACK, version: 1 });
    const done = events
      .filter((e) => e.type === 'step' && e.status !== 'running')
      .map((e) => (e.type === 'step' ? `${e.id}=${e.status}` : ''));
    expect(done).toEqual([
      `network:${STACK}_default=done`,
      `volume:${STACK}_data=done`,
      `pull:${BASE_IMAGE}=skipped`,
      `container:${STACK}-db-1=done`,
      'wait:db (healthy)=done',
      `container:${STACK}-web-1=done`,
    ]);

    // The engine has them with the compose CLI's labels and names, and web started after db was healthy.
    const containers = await engineContainers(STACK);
    expect(containers.map((c) => c.Names[0]).sort()).toEqual([`/${STACK}-db-1`, `/${STACK}-web-1`]);
    const web = containers.find((c) => c.Labels['com.docker.compose.service'] === 'web');
    expect(web?.Labels).toMatchObject({
      'com.docker.compose.project': STACK,
      'com.docker.compose.container-number': '1',
      'com.docker.compose.oneoff': 'False',
      'com.docker.compose.depends_on': 'db:service_healthy:false',
      'com.docker.compose.image': BASE_IMAGE,
      tier: 'front',
    });
    expect(web?.Labels['com.docker.compose.config-hash']).toMatch(/^[0-9a-f]{64}$/);
    const inspect = await engine<{
      Config: { Env: string[] };
      State: { StartedAt: string };
      NetworkSettings: { Networks: Record<string, { Aliases: string[] }> };
    }>('GET', `/containers/${web?.Id}/json`);
    expect(inspect.body.Config.Env).toContain('GREETING=hello');
    expect(inspect.body.NetworkSettings.Networks[`${STACK}_default`]?.Aliases).toEqual(
      expect.arrayContaining(['web', 'frontend']),
    );
    const db = containers.find((c) => c.Labels['com.docker.compose.service'] === 'db');
    const dbInspect = await engine<{
      State: { Health: { Log: Array<{ End: string; ExitCode: number }> } };
    }>('GET', `/containers/${db?.Id}/json`);
    const healthyAt = dbInspect.body.State.Health.Log.find((l) => l.ExitCode === 0)?.End ?? '';
    expect(Date.parse(inspect.body.State.StartedAt)).toBeGreaterThanOrEqual(Date.parse(healthyAt));
  });

  it('is listed by the real `docker-compose ps` with its services', () => {
    writeFileSync(file, twoServices('hello'));
    const ps = compose(STACK, file, 'ps', '--services');
    expect(ps.trim().split('\n').sort()).toEqual(['db', 'web']);
    const table = compose(STACK, file, 'ps');
    expect(table).toContain(`${STACK}-web-1`);
    expect(table).toMatch(/Up/);
  }, 120_000);

  it('lists it as a Berth stack with running/total per service', async () => {
    const res = await api('/stacks', viewer);
    expect(res.status).toBe(200);
    const stack = ((await res.json()) as StackSummary[]).find((s) => s.name === STACK);
    expect(stack).toMatchObject({
      kind: 'compose',
      managedBy: 'berth',
      containers: 2,
      running: 2,
      status: 'running',
      services: [
        { name: 'db', running: 1, total: 1 },
        { name: 'web', running: 1, total: 1 },
      ],
    });
  });

  it('previews and then recreates only the changed service', async () => {
    const before = await engineContainers(STACK);
    const preview = (await (
      await api('/stacks/preview', viewer, {
        method: 'POST',
        body: JSON.stringify({ name: STACK, compose: twoServices('changed'), env: '' }),
      })
    ).json()) as StackPreview;
    expect(preview.ok).toBe(true);
    expect(preview.current?.compose).toBe(twoServices('hello'));
    expect(preview.services).toEqual([
      { name: 'db', action: 'unchanged', reason: 'same configuration and image' },
      { name: 'web', action: 'recreate', reason: 'its configuration changed' },
    ]);

    const events = await deployEvents(
      await api(`/stacks/${STACK}`, operator, {
        method: 'PUT',
        body: JSON.stringify({ compose: twoServices('changed'), env: '' }),
      }),
    );
    expect(events.at(-1)).toEqual({ type: 'done', stack: STACK, version: 2 });
    const after = await engineContainers(STACK);
    const id = (list: EngineContainer[], service: string) =>
      list.find((c) => c.Labels['com.docker.compose.service'] === service)?.Id;
    expect(id(after, 'db')).toBe(id(before, 'db'));
    expect(id(after, 'web')).not.toBe(id(before, 'web'));
    expect(after).toHaveLength(2);
  });

  it('keeps the versions, answers each and rolls back to the first', async () => {
    const detail = (await (await api(`/stacks/${STACK}`, viewer)).json()) as StackDetail;
    expect(detail.versions.map((v) => [v.version, v.username])).toEqual([
      [2, 'operator-user'],
      [1, 'operator-user'],
    ]);
    expect(detail.containerList.map((c) => c.name)).toEqual([`${STACK}-db-1`, `${STACK}-web-1`]);
    const events = await deployEvents(
      await api(`/stacks/${STACK}/rollback`, operator, {
        method: 'POST',
        body: JSON.stringify({ version: 1 }),
      }),
    );
    expect(events.at(-1)).toEqual({ type: 'done', stack: STACK, version: 3 });
    const web = (await engineContainers(STACK)).find(
      (c) => c.Labels['com.docker.compose.service'] === 'web',
    );
    const env = await engine<{ Config: { Env: string[] } }>('GET', `/containers/${web?.Id}/json`);
    expect(env.body.Config.Env).toContain('GREETING=hello');
    const v3 = (await (await api(`/stacks/${STACK}/versions/3`, viewer)).json()) as {
      note: string;
    };
    expect(v3.note).toBe('rollback to version 1');
  });

  it('scales one service and stops, starts and restarts the whole stack', async () => {
    const scaled = await deployEvents(
      await api(`/stacks/${STACK}/scale`, operator, {
        method: 'POST',
        body: JSON.stringify({ service: 'web', replicas: 2 }),
      }),
    );
    expect(scaled.at(-1)?.type).toBe('done');
    expect((await engineContainers(STACK)).map((c) => c.Names[0]).sort()).toEqual([
      `/${STACK}-db-1`,
      `/${STACK}-web-1`,
      `/${STACK}-web-2`,
    ]);
    const stop = await api(`/stacks/${STACK}/stop`, operator, { method: 'POST' });
    expect(stop.status).toBe(200);
    expect((await engineContainers(STACK)).every((c) => c.State === 'exited')).toBe(true);
    expect((await api(`/stacks/${STACK}/start`, operator, { method: 'POST' })).status).toBe(200);
    expect((await engineContainers(STACK)).every((c) => c.State === 'running')).toBe(true);
    expect((await api(`/stacks/${STACK}/restart`, viewer, { method: 'POST' })).status).toBe(403);
  });

  it('down removes the containers and the network, and the volume when asked', async () => {
    const res = await api(`/stacks/${STACK}?volumes=1`, operator, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ containers: 3, networks: 1, volumes: 1 });
    expect(await engineContainers(STACK)).toEqual([]);
    expect((await engine('GET', `/networks/${STACK}_default`)).status).toBe(404);
    expect((await engine('GET', `/volumes/${STACK}_data`)).status).toBe(404);
    // The file stays, so the list shows the stack as down and it can be deployed again.
    const list = (await (await api('/stacks', viewer)).json()) as StackSummary[];
    expect(list.find((s) => s.name === STACK)).toMatchObject({ status: 'down', containers: 0 });
  });
});

describe('a project made by the compose CLI', () => {
  const folder = mkdtempSync(join(tmpdir(), 'berth-cli-'));
  const file = join(folder, 'docker-compose.yml');

  it('shows up as an external stack that Berth can stop, start and take down', async () => {
    writeFileSync(
      file,
      `version: "3.8"\nservices:\n  app:\n    image: ${BASE_IMAGE}\n    command: sleep 3600\n    init: true\n  worker:\n    image: ${BASE_IMAGE}\n    command: sleep 3600\n    init: true\n`,
    );
    compose(CLI_STACK, file, 'up', '-d');
    const list = (await (await api('/stacks', viewer)).json()) as StackSummary[];
    expect(list.find((s) => s.name === CLI_STACK)).toMatchObject({
      kind: 'compose',
      managedBy: 'external',
      containers: 2,
      running: 2,
      services: [
        { name: 'app', running: 1, total: 1 },
        { name: 'worker', running: 1, total: 1 },
      ],
    });
    expect((await api(`/stacks/${CLI_STACK}/stop`, operator, { method: 'POST' })).status).toBe(200);
    expect(compose(CLI_STACK, file, 'ps', '--services', '--filter', 'status=running').trim()).toBe(
      '',
    );
    expect((await api(`/stacks/${CLI_STACK}/start`, operator, { method: 'POST' })).status).toBe(
      200,
    );
    expect(
      compose(CLI_STACK, file, 'ps', '--services', '--filter', 'status=running')
        .trim()
        .split('\n')
        .sort(),
    ).toEqual(['app', 'worker']);
    // No file is kept for it: scaling needs one.
    const scale = await api(`/stacks/${CLI_STACK}/scale`, operator, {
      method: 'POST',
      body: JSON.stringify({ service: 'app', replicas: 2 }),
    });
    expect(scale.status).toBe(409);
    const res = await api(`/stacks/${CLI_STACK}`, operator, { method: 'DELETE' });
    expect(await res.json()).toMatchObject({ containers: 2, networks: 1 });
    expect(await engineContainers(CLI_STACK)).toEqual([]);
    // Each compose CLI run starts a Python interpreter: slow on a busy machine.
  }, 150_000);
});

describe('a six-service stack using most keys', () => {
  const NAME = 'keysstk';
  const bindDir = mkdtempSync(join(tmpdir(), 'berth-keys-'));
  const file = `
services:
  db:
    image: ${BASE_IMAGE}
    command: sh -c "touch /tmp/ready; exec sleep 3600"
    init: true
    restart: unless-stopped
    healthcheck:
      test: ["CMD", "test", "-f", "/tmp/ready"]
      interval: 1s
      timeout: 2s
      retries: 20
    volumes:
      - data:/data
    logging:
      driver: json-file
      options:
        max-size: 1m
  migrate:
    image: ${BASE_IMAGE}
    command: ["sh", "-c", "sleep 1; exit 0"]
    restart: "no"
  api:
    image: ${BASE_IMAGE}
    command: ["sleep", "3600"]
    init: true
    depends_on:
      db:
        condition: service_healthy
      migrate:
        condition: service_completed_successfully
    environment:
      - MODE=api
      - EMPTY=
    ports:
      - "127.0.0.1:17481:80"
      - target: 81
        published: 17482
        protocol: udp
    expose:
      - "9000"
    networks:
      front:
        aliases: [api-alias]
      back:
        ipv4_address: 172.31.250.10
    deploy:
      resources:
        limits:
          cpus: "0.5"
          memory: 64M
          pids: 100
        reservations:
          memory: 16M
    labels:
      tier: api
  worker:
    image: ${BASE_IMAGE}
    entrypoint: ["sh", "-c"]
    command: ["exec sleep 3600"]
    user: "1000:1000"
    working_dir: /tmp
    hostname: worker-host
    extra_hosts:
      - "registry.local:10.1.2.3"
    dns: [10.0.0.53]
    cap_add: [NET_ADMIN]
    cap_drop: [MKNOD]
    sysctls:
      net.core.somaxconn: 1024
    ulimits:
      nofile:
        soft: 1024
        hard: 2048
    stop_signal: SIGINT
    stop_grace_period: 5s
    networks: [back]
  cache:
    image: ${BASE_IMAGE}
    command: ["sleep", "3600"]
    init: true
    tmpfs:
      - /run:size=1m
    ports:
      - "17483-17484:83-84"
    volumes:
      - type: bind
        source: ${bindDir}
        target: /config
        read_only: true
      - type: tmpfs
        target: /scratch
  web:
    image: ${BASE_IMAGE}
    command: ["sleep", "3600"]
    init: true
    deploy:
      replicas: 2
    depends_on: [api]
  debug:
    image: ${BASE_IMAGE}
    profiles: [debug]
networks:
  front: {}
  back:
    ipam:
      config:
        - subnet: 172.31.250.0/24
volumes:
  data: {}
`;

  interface Inspect {
    Name: string;
    State: { Status: string; ExitCode: number; StartedAt: string; FinishedAt: string };
    Config: {
      Env: string[];
      Labels: Record<string, string>;
      User: string;
      WorkingDir: string;
      Hostname: string;
      Entrypoint: string[] | null;
      Cmd: string[] | null;
      StopSignal?: string;
      StopTimeout?: number;
      ExposedPorts?: Record<string, object>;
      Healthcheck?: { Test: string[]; Interval: number; Retries: number };
    };
    HostConfig: {
      PortBindings: Record<string, Array<{ HostIp: string; HostPort: string }>>;
      RestartPolicy: { Name: string };
      NanoCpus: number;
      Memory: number;
      MemoryReservation: number;
      PidsLimit: number;
      ExtraHosts: string[];
      Dns: string[];
      CapAdd: string[];
      CapDrop: string[];
      Sysctls: Record<string, string>;
      Ulimits: Array<{ Name: string; Soft: number; Hard: number }>;
      Init: boolean;
      Tmpfs?: Record<string, string>;
      LogConfig: { Type: string; Config: Record<string, string> };
    };
    Mounts: Array<{
      Type: string;
      Name?: string;
      Source: string;
      Destination: string;
      RW: boolean;
    }>;
    NetworkSettings: {
      Networks: Record<
        string,
        { Aliases: string[] | null; IPAMConfig: { IPv4Address?: string } | null }
      >;
    };
  }
  const inspect = async (name: string) =>
    (await engine<Inspect>('GET', `/containers/${NAME}-${name}-1/json`)).body;

  afterAll(() => down(NAME));

  it('deploys, and docker inspect shows every key landed; down leaves nothing behind', async () => {
    const events = await deployEvents(
      await api('/stacks', admin, {
        method: 'POST',
        body: JSON.stringify({ name: NAME, compose: file }),
      }),
    );
    expect(events.at(-1)).toEqual({ type: 'done', stack: NAME, version: 1 });
    const containers = await engineContainers(NAME);
    expect(containers.map((c) => c.Labels['com.docker.compose.service']).sort()).toEqual([
      'api',
      'cache',
      'db',
      'migrate',
      'web',
      'web',
      'worker',
    ]);

    // depends_on: api started after db was healthy and migrate had exited 0.
    const [db, migrate, api_, worker, cache] = await Promise.all(
      ['db', 'migrate', 'api', 'worker', 'cache'].map(inspect),
    );
    if (!db || !migrate || !api_ || !worker || !cache) throw new Error('a container is missing');
    expect(migrate.State).toMatchObject({ Status: 'exited', ExitCode: 0 });
    expect(Date.parse(api_.State.StartedAt)).toBeGreaterThanOrEqual(
      Date.parse(migrate.State.FinishedAt),
    );

    expect(db.HostConfig.RestartPolicy.Name).toBe('unless-stopped');
    expect(db.Config.Healthcheck).toMatchObject({
      Test: ['CMD', 'test', '-f', '/tmp/ready'],
      Interval: 1e9,
      Retries: 20,
    });
    expect(db.Mounts).toEqual([
      expect.objectContaining({ Type: 'volume', Name: `${NAME}_data`, Destination: '/data' }),
    ]);
    expect(db.HostConfig.LogConfig).toEqual({ Type: 'json-file', Config: { 'max-size': '1m' } });

    expect(api_.Config.Env).toEqual(expect.arrayContaining(['MODE=api', 'EMPTY=']));
    expect(api_.HostConfig.PortBindings).toEqual({
      '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '17481' }],
      '81/udp': [{ HostIp: '', HostPort: '17482' }],
    });
    expect(Object.keys(api_.Config.ExposedPorts ?? {}).sort()).toEqual([
      '80/tcp',
      '81/udp',
      '9000/tcp',
    ]);
    expect(api_.NetworkSettings.Networks[`${NAME}_front`]?.Aliases).toEqual(
      expect.arrayContaining(['api', 'api-alias']),
    );
    expect(api_.NetworkSettings.Networks[`${NAME}_back`]?.IPAMConfig?.IPv4Address).toBe(
      '172.31.250.10',
    );
    expect(api_.HostConfig).toMatchObject({
      NanoCpus: 5e8,
      Memory: 64 * 1024 * 1024,
      MemoryReservation: 16 * 1024 * 1024,
      PidsLimit: 100,
    });
    expect(api_.Config.Labels).toMatchObject({
      tier: 'api',
      'com.docker.compose.project': NAME,
      'com.docker.compose.service': 'api',
      'com.docker.compose.container-number': '1',
      'com.docker.compose.oneoff': 'False',
      'com.docker.compose.depends_on':
        'db:service_healthy:false,migrate:service_completed_successfully:false',
    });
    expect(api_.Config.Labels['com.docker.compose.config-hash']).toMatch(/^[0-9a-f]{64}$/);

    expect(worker.Config).toMatchObject({
      Entrypoint: ['sh', '-c'],
      Cmd: ['exec sleep 3600'],
      User: '1000:1000',
      WorkingDir: '/tmp',
      Hostname: 'worker-host',
      StopSignal: 'SIGINT',
      StopTimeout: 5,
    });
    expect(worker.HostConfig).toMatchObject({
      ExtraHosts: ['registry.local:10.1.2.3'],
      Dns: ['10.0.0.53'],
      CapAdd: ['NET_ADMIN'],
      CapDrop: ['MKNOD'],
      Sysctls: { 'net.core.somaxconn': '1024' },
      Ulimits: [{ Name: 'nofile', Soft: 1024, Hard: 2048 }],
    });
    expect(Object.keys(worker.NetworkSettings.Networks)).toEqual([`${NAME}_back`]);

    expect(cache.HostConfig.Init).toBe(true);
    expect(cache.HostConfig.Tmpfs).toEqual({ '/run': 'size=1m' });
    expect(cache.Mounts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Type: 'bind',
          Source: bindDir,
          Destination: '/config',
          RW: false,
        }),
        expect.objectContaining({ Type: 'tmpfs', Destination: '/scratch' }),
      ]),
    );
    expect(cache.HostConfig.PortBindings).toEqual({
      '83/tcp': [{ HostIp: '', HostPort: '17483' }],
      '84/tcp': [{ HostIp: '', HostPort: '17484' }],
    });
    expect((await engine('GET', `/containers/${NAME}-web-2/json`)).status).toBe(200);
    // The profile nobody named is not deployed.
    expect((await engine('GET', `/containers/${NAME}-debug-1/json`)).status).toBe(404);

    const removed = await api(`/stacks/${NAME}?volumes=1&forget=1`, admin, { method: 'DELETE' });
    // front, back and the default network of the services that name none.
    expect(await removed.json()).toMatchObject({ containers: 7, networks: 3, volumes: 1 });
    expect(await engineContainers(NAME)).toEqual([]);
    const networks = await engine<unknown[]>(
      'GET',
      `/networks?filters=${encodeURIComponent(JSON.stringify({ label: [`com.docker.compose.project=${NAME}`] }))}`,
    );
    expect(networks.body).toEqual([]);
  }, 180_000);
});

describe('bad input and the policy', () => {
  const post = (headers: Record<string, string>, name: string, compose: string, env = '') =>
    api('/stacks', headers, { method: 'POST', body: JSON.stringify({ name, compose, env }) });

  it('answers invalid YAML, unknown keys and missing variables with each problem at its line', async () => {
    const yaml = await post(operator, 'badyaml', 'services:\n  web:\n    image: [x\n');
    expect(yaml.status).toBe(400);
    const yamlBody = (await yaml.json()) as { message: string; problems: Array<{ line?: number }> };
    expect(yamlBody.message).toMatch(/^The compose file is not valid: line \d+: YAML/);

    const unknown = await post(
      operator,
      'badkey',
      `services:\n  web:\n    image: ${BASE_IMAGE}\n    imagee: x\n`,
    );
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { problems: unknown[] }).problems).toEqual([
      { message: 'services.web: unknown key "imagee"', path: 'services.web', line: 4 },
    ]);

    const missing = await post(
      operator,
      'badvar',
      `services:\n  web:\n    image: ${BASE_IMAGE}\n    user: \${WHO:?say who}\n`,
    );
    expect(missing.status).toBe(400);
    expect(
      ((await missing.json()) as { problems: Array<{ line: number; message: string }> })
        .problems[0],
    ).toMatchObject({
      line: 4,
      message: 'services.web.user: required variable WHO is missing a value: say who',
    });
    const names = (await (await api('/stacks', viewer)).json()) as StackSummary[];
    expect(names.map((s) => s.name)).not.toContain('badvar');
  });

  it('refuses an operator privileged, host-bound or host-namespaced services before creating anything', async () => {
    const file = `services:\n  ok:\n    image: ${BASE_IMAGE}\n  root:\n    image: ${BASE_IMAGE}\n    privileged: true\n    pid: host\n    volumes:\n      - /etc:/host-etc\n  net:\n    image: ${BASE_IMAGE}\n    network_mode: host\n`;
    const res = await post(operator, 'policystk', file);
    expect(res.status).toBe(403);
    const body = (await res.json()) as {
      message: string;
      problems: Array<{ message: string; line: number }>;
    };
    expect(body.message).toMatch(/^Refused by Berth's policy for non-admins/);
    expect(body.problems.map((p) => p.message).join('\n')).toMatch(
      /service "root", key privileged: privileged/,
    );
    expect(body.problems.map((p) => p.message).join('\n')).toMatch(
      /service "root", key pid: .*HostConfig\.PidMode=host/,
    );
    expect(body.problems.map((p) => p.message).join('\n')).toMatch(
      /service "root", key volumes: .*\/etc/,
    );
    expect(body.problems.map((p) => p.message).join('\n')).toMatch(
      /service "net", key network_mode: .*NetworkMode=host/,
    );
    expect(body.problems.find((p) => p.message.includes('"net"'))).toMatchObject({
      path: 'services.net.network_mode',
      line: 12,
    });
    expect(body.problems.find((p) => p.message.includes('privileged'))?.message).toMatch(
      /^service "root", key privileged: /,
    );
    expect(await engineContainers('policystk')).toEqual([]);

    // The same file is an admin's to deploy: Berth's policy lets it through and the engine gets
    // privileged, host pid, host bind and host network. (This test engine runs in a sandbox that
    // cannot start a privileged container, so its start may fail at the engine: after Berth.)
    const events = await deployEvents(await post(admin, 'policystk', file));
    const last = events.at(-1);
    if (last?.type === 'error') expect(last.message).toMatch(/caps|permitted/);
    else expect(last).toMatchObject({ type: 'done', stack: 'policystk' });
    const root = await engine<{ HostConfig: { Privileged: boolean; PidMode: string } }>(
      'GET',
      '/containers/policystk-root-1/json',
    );
    expect(root.body.HostConfig).toMatchObject({ Privileged: true, PidMode: 'host' });
    const net = await engine<{ HostConfig: { NetworkMode: string } }>(
      'GET',
      '/containers/policystk-net-1/json',
    );
    expect(net.body.HostConfig.NetworkMode).toBe('host');
    await down('policystk');
  });

  it('reports a failing step in the stream and keeps what was made inspectable', async () => {
    const res = await post(
      admin,
      'failstk',
      `services:\n  a:\n    image: ${BASE_IMAGE}\n    command: sleep 3600\n  b:\n    image: 127.0.0.1:9/berth-missing:1\n`,
    );
    const events = await deployEvents(res);
    const last = events.at(-1);
    expect(last).toMatchObject({ type: 'error', step: 'pull:127.0.0.1:9/berth-missing:1' });
    expect(events.some((e) => e.type === 'step' && e.status === 'error')).toBe(true);
    const detail = await api('/stacks/failstk', viewer);
    expect(detail.status).toBe(200);
    await down('failstk');
  });
});

describe('a deploy that fails at a step', () => {
  it('names the container step when its host port is taken, and keeps the container to inspect', async () => {
    const holder = await createContainer('berth-port-holder', ['sleep', '3600'], {
      ExposedPorts: { '80/tcp': {} },
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '7515' }] } },
    });
    try {
      expect((await engine('POST', `/containers/${holder}/start`)).status).toBe(204);
      const events = await deployEvents(
        await api('/stacks', admin, {
          method: 'POST',
          body: JSON.stringify({
            name: 'portstk',
            compose: `services:\n  web:\n    image: ${BASE_IMAGE}\n    command: sleep 3600\n    ports: ["127.0.0.1:7515:80"]\n`,
          }),
        }),
      );
      expect(events.at(-1)).toMatchObject({ type: 'error', step: 'container:portstk-web-1' });
      expect((events.at(-1) as { message: string }).message).toMatch(/port|allocated|bind/i);
      // What was made stays: the created container, not started, for the person to look at.
      const left = await engineContainers('portstk');
      expect(left.map((c) => [c.Names[0], c.State])).toEqual([['/portstk-web-1', 'created']]);
    } finally {
      await down('portstk');
      await removeTestContainers();
    }
  }, 120_000);
});

describe('swarm stacks', () => {
  const swarmFile = (greeting: string, replicas: number) => `
services:
  web:
    image: ${BASE_IMAGE}
    command: ["sleep", "3600"]
    environment:
      GREETING: ${greeting}
    labels:
      tier: front
    networks:
      back:
        aliases: [frontend]
    secrets:
      - token
    configs:
      - source: motd
        target: /etc/motd
    deploy:
      replicas: ${replicas}
      labels:
        owner: berth
      resources:
        limits:
          cpus: "0.5"
          memory: 64M
      placement:
        constraints: ["node.role == manager"]
      update_config:
        parallelism: 2
        order: start-first
      restart_policy:
        condition: on-failure
  worker:
    image: ${BASE_IMAGE}
    command: ["sleep", "3600"]
    depends_on: [web]
    networks: [back]
networks:
  back: {}
secrets:
  token:
    environment: TOKEN
configs:
  motd:
    content: hello from berth
`;

  interface EngineService {
    ID: string;
    Spec: {
      Name: string;
      Labels: Record<string, string>;
      Mode: { Replicated?: { Replicas: number } };
      UpdateConfig?: { Parallelism: number; Order: string };
      TaskTemplate: {
        ContainerSpec: {
          Env?: string[];
          Args?: string[];
          Labels?: Record<string, string>;
          Secrets?: Array<{ SecretName: string; File: { Name: string } }>;
          Configs?: Array<{ ConfigName: string; File: { Name: string } }>;
        };
        Resources: { Limits: { NanoCPUs: number; MemoryBytes: number } };
        Placement: { Constraints: string[] };
        RestartPolicy: { Condition: string };
        Networks: Array<{ Target: string; Aliases: string[] }>;
      };
    };
  }
  const namespaced = (kind: string, namespace: string) =>
    `/${kind}?filters=${encodeURIComponent(JSON.stringify({ label: [`com.docker.stack.namespace=${namespace}`] }))}`;

  it('deploys, scales, updates and removes a swarm stack, and lists a `docker stack deploy` one', async () => {
    // Own ports (not 2377/4789) so a swarm on another private engine of this machine can't clash.
    const init = await engine('POST', '/swarm/init', {
      ListenAddr: '127.0.0.1:7518',
      AdvertiseAddr: '127.0.0.1:7518',
      DataPathPort: 7519,
    });
    expect(init.status).toBe(200);
    const folder = mkdtempSync(join(tmpdir(), 'berth-swarm-stack-'));
    try {
      // The real CLI's stack shows up as an external swarm stack.
      const cliFile = join(folder, 'cli.yaml');
      writeFileSync(
        cliFile,
        `version: "3.8"\nservices:\n  web:\n    image: ${BASE_IMAGE}\n    command: ["sleep", "3600"]\n`,
      );
      execFileSync(
        'docker',
        ['stack', 'deploy', '--resolve-image', 'never', '-c', cliFile, 'clisw'],
        {
          env: { ...process.env, DOCKER_HOST: engineHost() },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let list = (await (await api('/stacks', viewer)).json()) as StackSummary[];
      expect(list.find((s) => s.name === 'clisw')).toMatchObject({
        kind: 'swarm',
        managedBy: 'external',
        services: [{ name: 'web', total: 1, image: BASE_IMAGE }],
      });

      // An operator's swarm file with a host bind mount is refused before anything is made.
      const bound = await api('/stacks', operator, {
        method: 'POST',
        body: JSON.stringify({
          name: 'swarmstk',
          kind: 'swarm',
          compose: `services:\n  web:\n    image: ${BASE_IMAGE}\n    volumes:\n      - /etc:/host-etc\n`,
        }),
      });
      expect(bound.status).toBe(403);
      expect(((await bound.json()) as { message: string }).message).toMatch(
        /service "web", key volumes/,
      );
      expect(
        (await engine<EngineService[]>('GET', namespaced('services', 'swarmstk'))).body,
      ).toEqual([]);

      // Deploy: services, the overlay network, the secret and config, every deploy key landed.
      const events = await deployEvents(
        await api('/stacks', operator, {
          method: 'POST',
          body: JSON.stringify({
            name: 'swarmstk',
            kind: 'swarm',
            compose: swarmFile('hello', 2),
            env: 'TOKEN=s3cret\n',
          }),
        }),
      );
      expect(events.at(-1)).toEqual({ type: 'done', stack: 'swarmstk', version: 1 });
      const steps = events
        .filter((e) => e.type === 'step' && e.status === 'done')
        .map((e) => e.type === 'step' && e.id);
      expect(steps).toEqual(
        expect.arrayContaining([
          'network:swarmstk_back',
          'secret:swarmstk_token',
          'config:swarmstk_motd',
          'service:swarmstk_web',
          'service:swarmstk_worker',
        ]),
      );
      // depends_on has no meaning in swarm: said so in the progress, not dropped silently.
      expect(
        events.some(
          (e) => e.type === 'step' && e.kind === 'validate' && e.target.includes('depends_on'),
        ),
      ).toBe(true);
      const services = (await engine<EngineService[]>('GET', namespaced('services', 'swarmstk')))
        .body;
      const web = services.find((s) => s.Spec.Name === 'swarmstk_web');
      expect(web?.Spec.Mode.Replicated?.Replicas).toBe(2);
      expect(web?.Spec.Labels.owner).toBe('berth');
      expect(web?.Spec.UpdateConfig).toMatchObject({ Parallelism: 2, Order: 'start-first' });
      const task = web?.Spec.TaskTemplate;
      expect(task?.ContainerSpec.Env).toEqual(['GREETING=hello']);
      expect(task?.ContainerSpec.Labels?.tier).toBe('front');
      expect(task?.ContainerSpec.Secrets?.[0]).toMatchObject({
        SecretName: 'swarmstk_token',
        File: { Name: 'token' },
      });
      expect(task?.ContainerSpec.Configs?.[0]).toMatchObject({
        ConfigName: 'swarmstk_motd',
        File: { Name: '/etc/motd' },
      });
      expect(task?.Resources.Limits).toEqual({ NanoCPUs: 5e8, MemoryBytes: 64 * 1024 * 1024 });
      expect(task?.Placement.Constraints).toEqual(['node.role == manager']);
      expect(task?.RestartPolicy.Condition).toBe('on-failure');
      expect(task?.Networks[0]?.Aliases).toEqual(['web', 'frontend']);
      const network = await engine<{ Driver: string }>('GET', '/networks/swarmstk_back');
      expect(network.body.Driver).toBe('overlay');

      list = (await (await api('/stacks', viewer)).json()) as StackSummary[];
      expect(list.filter((s) => s.name === 'swarmstk')).toMatchObject([
        { kind: 'swarm', managedBy: 'berth' },
      ]);

      // Scale one service, then redeploy a changed file (a new version), as `docker stack deploy`.
      const scaled = await api('/stacks/swarmstk/scale', operator, {
        method: 'POST',
        body: JSON.stringify({ service: 'worker', replicas: 3 }),
      });
      expect(scaled.status).toBe(200);
      const worker = await engine<EngineService>('GET', '/services/swarmstk_worker');
      expect(worker.body.Spec.Mode.Replicated?.Replicas).toBe(3);
      const updated = await deployEvents(
        await api('/stacks/swarmstk', operator, {
          method: 'PUT',
          body: JSON.stringify({ compose: swarmFile('changed', 1), env: 'TOKEN=s3cret\n' }),
        }),
      );
      expect(updated.at(-1)).toEqual({ type: 'done', stack: 'swarmstk', version: 2 });
      const after = await engine<EngineService>('GET', '/services/swarmstk_web');
      expect(after.body.ID).toBe(web?.ID);
      expect(after.body.Spec.TaskTemplate.ContainerSpec.Env).toEqual(['GREETING=changed']);
      expect(after.body.Spec.Mode.Replicated?.Replicas).toBe(1);

      // Stop is not a swarm operation: a clear 409, nothing done.
      const stop = await api('/stacks/swarmstk/stop', operator, { method: 'POST' });
      expect(stop.status).toBe(409);

      // Remove: services, networks, secrets and configs of the namespace are gone.
      const removed = await api('/stacks/swarmstk?forget=1', operator, { method: 'DELETE' });
      expect(removed.status).toBe(200);
      expect(await removed.json()).toMatchObject({
        services: 2,
        networks: 1,
        secrets: 1,
        configs: 1,
      });
      for (const kind of ['services', 'networks', 'secrets', 'configs'])
        expect((await engine<unknown[]>('GET', namespaced(kind, 'swarmstk'))).body).toEqual([]);
      const cliRemoved = await api('/stacks/clisw', operator, { method: 'DELETE' });
      expect(cliRemoved.status).toBe(200);
      expect((await engine<unknown[]>('GET', namespaced('services', 'clisw'))).body).toEqual([]);
    } finally {
      await engine('POST', '/swarm/leave?force=1');
    }
  }, 180_000);
});
