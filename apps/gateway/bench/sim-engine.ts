// A simulated Docker Engine for the benchmarks (`npm run bench -- sim`): a small HTTP server on a
// unix socket that answers what the gateway's model reads (/_ping, /version, /info, the
// containers, images, networks and volumes lists, filtered by id too) from generated rows, and
// holds /events open, emitting a few container events. No real engine here can hold 20,000
// containers in a bench's time (5,000 take minutes to create), so this one is made of numbers.
// Not a fake in a test: only the benchmarks use it, and they say so.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { rmSync } from 'node:fs';

export interface SimEngineOptions {
  socket: string;
  containers: number;
  /** Every `runningEvery`th container runs; the rest exited. */
  runningEvery?: number;
  /** Container events sent on each /events stream, one every `eventEveryMs`. */
  events?: number;
  eventEveryMs?: number;
}

export interface SimEngine {
  host: string;
  close(): Promise<void>;
}

const API_VERSION = '1.43';
const hex = (n: number, length: number) => n.toString(16).padStart(length, '0').slice(-length);
/** 64 hex characters, unique per index, like an engine id. */
const idOf = (kind: number, i: number) => `${hex(kind, 8)}${hex(i, 8)}`.repeat(4);

interface SimContainer {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command: string;
  Created: number;
  Ports: Array<{ PrivatePort: number; PublicPort?: number; Type: string; IP?: string }>;
  Labels: Record<string, string>;
  State: string;
  Status: string;
  HostConfig: { NetworkMode: string };
  NetworkSettings: { Networks: Record<string, Record<string, unknown>> };
  Mounts: Array<Record<string, unknown>>;
}

const IMAGES = ['nginx:1.27', 'redis:7', 'postgres:16', 'berth/busybox:latest', 'node:20-slim'];
const BRIDGE_ID = idOf(0xb, 0);

function makeContainer(i: number, runningEvery: number, now: number): SimContainer {
  const running = i % runningEvery === 0;
  const created = Math.floor(now / 1000) - 86_400 - i;
  return {
    Id: idOf(0xc, i),
    Names: [`/sim-${i}`],
    Image: IMAGES[i % IMAGES.length] as string,
    ImageID: `sha256:${idOf(0x1, i % IMAGES.length)}`,
    Command: 'sleep 86400',
    Created: created,
    Ports: i % 10 === 0 ? [{ PrivatePort: 80, Type: 'tcp' }] : [],
    Labels: {
      'berth.bench.sim': 'true',
      'com.docker.compose.project': `proj-${i % 40}`,
      'com.docker.compose.service': `svc-${i % 7}`,
      index: String(i),
    },
    State: running ? 'running' : 'exited',
    Status: running ? 'Up 2 hours' : 'Exited (0) 3 hours ago',
    HostConfig: { NetworkMode: 'bridge' },
    NetworkSettings: {
      Networks: {
        bridge: {
          NetworkID: BRIDGE_ID,
          EndpointID: running ? idOf(0xe, i) : '',
          Gateway: running ? '172.17.0.1' : '',
          IPAddress: running ? `172.17.${(i >> 8) & 255}.${i & 255}` : '',
          IPPrefixLen: running ? 16 : 0,
          MacAddress: '',
        },
      },
    },
    Mounts:
      i % 5 === 0
        ? [
            {
              Type: 'volume',
              Name: `vol-${i % 50}`,
              Source: `/var/lib/docker/volumes/vol-${i % 50}/_data`,
              Destination: '/data',
              Driver: 'local',
              Mode: 'z',
              RW: true,
              Propagation: '',
            },
          ]
        : [],
  };
}

function send(res: ServerResponse, status: number, body: unknown, text?: string): void {
  const payload = text ?? JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(payload),
    'Api-Version': API_VERSION,
    Server: 'Docker/24.0.0-sim (linux)',
  });
  res.end(payload);
}

/** The id filter of a list call (`filters={"id":[…]}`), or null when it names none. */
function idFilter(url: URL): Set<string> | null {
  const raw = url.searchParams.get('filters');
  if (!raw) return null;
  const filters = JSON.parse(raw) as Record<string, string[] | Record<string, boolean>>;
  const ids = filters.id ?? filters.name;
  if (!ids) return null;
  return new Set(Array.isArray(ids) ? ids : Object.keys(ids));
}

export async function startSimEngine(options: SimEngineOptions): Promise<SimEngine> {
  const now = Date.now();
  const runningEvery = options.runningEvery ?? 25;
  const containers = Array.from({ length: options.containers }, (_, i) =>
    makeContainer(i, runningEvery, now),
  );
  const byId = new Map(containers.map((c) => [c.Id, c]));
  const running = () => containers.filter((c) => c.State === 'running').length;
  const images = IMAGES.map((tag, i) => ({
    Id: `sha256:${idOf(0x1, i)}`,
    ParentId: '',
    RepoTags: [tag],
    RepoDigests: [],
    Created: Math.floor(now / 1000) - 7 * 86_400,
    Size: 50_000_000 + i * 1_000_000,
    SharedSize: -1,
    VirtualSize: 50_000_000 + i * 1_000_000,
    Labels: null,
    Containers: -1,
  }));
  const networks = [
    {
      Name: 'bridge',
      Id: BRIDGE_ID,
      Driver: 'bridge',
      Scope: 'local',
      Created: new Date(now).toISOString(),
      IPAM: { Driver: 'default', Config: [{ Subnet: '172.17.0.0/16' }] },
      Internal: false,
      Attachable: false,
      EnableIPv6: false,
      Labels: {},
    },
    {
      Name: 'host',
      Id: idOf(0xb, 1),
      Driver: 'host',
      Scope: 'local',
      Created: new Date(now).toISOString(),
      IPAM: { Driver: 'default', Config: [] },
      Internal: false,
      Attachable: false,
      EnableIPv6: false,
      Labels: {},
    },
  ];
  const volumes = Array.from({ length: 50 }, (_, i) => ({
    Name: `vol-${i}`,
    Driver: 'local',
    Mountpoint: `/var/lib/docker/volumes/vol-${i}/_data`,
    CreatedAt: new Date(now).toISOString(),
    Scope: 'local',
    Labels: {},
    Options: null,
  }));
  const streams = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();

  /** Holds the stream open; starts or stops a few containers, each told as an event. */
  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Api-Version': API_VERSION });
    res.flushHeaders();
    streams.add(res);
    let sent = 0;
    const timer = setInterval(() => {
      if (sent >= (options.events ?? 20)) return clearInterval(timer);
      const container = containers[(sent * 97 + 1) % containers.length] as SimContainer;
      const start = container.State !== 'running';
      container.State = start ? 'running' : 'exited';
      container.Status = start ? 'Up Less than a second' : 'Exited (0) Less than a second ago';
      const time = Date.now();
      const event = {
        Type: 'container',
        Action: start ? 'start' : 'die',
        Actor: { ID: container.Id, Attributes: { name: container.Names[0]?.slice(1) ?? '' } },
        scope: 'local',
        time: Math.floor(time / 1000),
        timeNano: time * 1e6,
      };
      res.write(`${JSON.stringify(event)}\n`);
      sent++;
    }, options.eventEveryMs ?? 250);
    timers.add(timer);
    req.on('close', () => {
      clearInterval(timer);
      timers.delete(timer);
      streams.delete(res);
    });
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sim');
    const path = url.pathname.replace(/^\/v\d+\.\d+/, '');
    if (path === '/_ping') {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Api-Version': API_VERSION });
      return res.end(req.method === 'HEAD' ? undefined : 'OK');
    }
    if (req.method !== 'GET') return send(res, 404, { message: 'the simulated engine only lists' });
    switch (path) {
      case '/version':
        return send(res, 200, {
          Version: '24.0.0-sim',
          ApiVersion: API_VERSION,
          MinAPIVersion: '1.12',
          Os: 'linux',
          Arch: 'amd64',
          KernelVersion: '6.1.0',
          GoVersion: 'go1.20',
          Components: [{ Name: 'Engine', Version: '24.0.0-sim' }],
        });
      case '/info':
        return send(res, 200, {
          ID: 'SIM0',
          Name: 'sim-engine',
          ServerVersion: '24.0.0-sim',
          OperatingSystem: 'Simulated engine (bench)',
          OSType: 'linux',
          Architecture: 'x86_64',
          NCPU: 8,
          MemTotal: 16 * 2 ** 30,
          Containers: containers.length,
          ContainersRunning: running(),
          ContainersPaused: 0,
          ContainersStopped: containers.length - running(),
          Images: images.length,
          Driver: 'overlay2',
          Swarm: { LocalNodeState: 'inactive', ControlAvailable: false },
        });
      case '/containers/json': {
        const ids = idFilter(url);
        const all = url.searchParams.get('all') === '1' || url.searchParams.get('all') === 'true';
        const list = ids
          ? [...ids].map((id) => byId.get(id)).filter((c): c is SimContainer => Boolean(c))
          : containers;
        return send(res, 200, all ? list : list.filter((c) => c.State === 'running'));
      }
      case '/images/json':
        return send(res, 200, images);
      case '/networks': {
        const ids = idFilter(url);
        return send(res, 200, ids ? networks.filter((n) => ids.has(n.Id)) : networks);
      }
      case '/volumes': {
        const ids = idFilter(url);
        return send(res, 200, {
          Volumes: ids ? volumes.filter((v) => ids.has(v.Name)) : volumes,
          Warnings: null,
        });
      }
      case '/events':
        return events(req, res);
      default:
        return send(res, 404, { message: `the simulated engine has no ${path}` });
    }
  });
  rmSync(options.socket, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.socket, () => resolve());
  });
  return {
    host: `unix://${options.socket}`,
    async close() {
      for (const timer of timers) clearInterval(timer);
      for (const stream of streams) stream.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(options.socket, { force: true });
    },
  };
}
