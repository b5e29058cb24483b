// Contract tests, pouch replay: the recorded answers of a real PouchContainer 1.3.0 daemon
// (packages/api/fixtures/pouch-1.3.0, copied from shared/fixtures) through Berth's view models.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ContainerSummary, EngineEvent } from '../engine/types';
import { normalizeEvent } from '../engine/events';
import { computeStats, type RawStats } from '../engine/stats';
import { Demuxer } from '../streams/multiplex';
import { toContainerRow } from '../view-models/container';
import { matchEngineRoute } from '../engine/routes';
import { capabilitiesOf, missingCapabilityReason } from './capabilities';
import {
  attachIsMultiplexed,
  countContainers,
  encodeEventFilters,
  historySeconds,
  imageLoadPath,
  imageGetRequest,
  imageSaveRequest,
  normalizeContainerStatus,
  pouchImageSummary,
  shortImageName,
  stateFromStatus,
  toImageSummaries,
  volumeCreatedMs,
} from './pouch';

interface Recording {
  request: { method: string; path: string };
  status: number;
  encoding: 'json' | 'json-lines' | 'base64' | 'empty';
  body: unknown;
}

function recording(name: string): Recording {
  return JSON.parse(
    readFileSync(new URL(`../../fixtures/pouch-1.3.0/${name}.json`, import.meta.url), 'utf8'),
  ) as Recording;
}

describe('pouch replay: container list', () => {
  it('derives each state from the Status text and drops nothing else', () => {
    const rows = (recording('containers-list-states').body as ContainerSummary[]).map(
      toContainerRow,
    );
    expect(rows.map((r) => [r.name, r.state])).toEqual([
      ['fx-running', 'running'],
      ['fx-created', 'created'],
      ['fx-stopped', 'exited'],
      ['fx-exited', 'exited'],
      ['fx-paused', 'paused'],
    ]);
    expect(rows.every((r) => !r.name.startsWith('/'))).toBe(true);
    expect(rows[0]!.ports).toEqual([]);
  });

  it('reads Status strings of every shape', () => {
    expect(stateFromStatus('Up 8 seconds')).toBe('running');
    expect(stateFromStatus('Up 8 seconds(paused)')).toBe('paused');
    expect(stateFromStatus('Exited (3) 44 seconds')).toBe('exited');
    expect(stateFromStatus('Stopped (0) 1 minute')).toBe('exited');
    expect(stateFromStatus('created')).toBe('created');
  });
});

describe('pouch replay: stats', () => {
  it('computes CPU % from a stream without precpu_stats, with the misspelt system field', () => {
    const samples = recording('container-stats-stream').body as RawStats[];
    expect(samples.length).toBeGreaterThanOrEqual(2);
    expect(samples[0]!.precpu_stats?.cpu_usage?.total_usage).toBeUndefined();
    const first = computeStats(samples[0]!, undefined);
    const second = computeStats(samples[1]!, samples[0]);
    expect(first.cpuPercent).toBe(0);
    expect(second.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(second.memoryLimit).toBeGreaterThan(0);
    expect(second.memoryUsage).toBeGreaterThan(0);
  });

  it('reads the one-shot sample (stream defaults to false on pouchd)', () => {
    const oneShot = recording('container-stats-oneshot').body as RawStats;
    expect(computeStats(oneShot, undefined)).toMatchObject({
      cpuPercent: 0,
      memoryLimit: 25276510208,
    });
  });
});

describe('pouch replay: events', () => {
  it("maps lowercase keys to Docker's names", () => {
    const events = (recording('events-recent').body as unknown[]).map(normalizeEvent);
    const die = events.find((e) => e.Action === 'die') as EngineEvent;
    expect(die).toMatchObject({
      Type: 'container',
      Action: 'die',
      Actor: {
        ID: expect.stringMatching(/^[0-9a-f]{64}$/),
        Attributes: { name: 'demo1', exitCode: '137' },
      },
    });
    expect(events.every((e) => e.Type && e.Action && e.time > 0)).toBe(true);
  });

  it('writes event filters in the map form pouchd accepts (the array form gets an error object)', () => {
    expect(recording('events-filter-array-form').body).toMatchObject({
      message: expect.any(String),
    });
    expect(encodeEventFilters('pouch', { type: ['container'] })).toBe(
      '{"type":{"container":true}}',
    );
    expect(encodeEventFilters('docker', { type: ['container'] })).toBe('{"type":["container"]}');
    expect(decodeURIComponent(recording('events-filter-map-form').request.path)).toContain(
      '{"type":{"container":true}}',
    );
  });
});

describe('pouch replay: logs and exec output', () => {
  it('demultiplexes the 8-byte frame headers as for Docker', () => {
    for (const name of ['container-logs-multiplexed', 'exec-start-nontty']) {
      const bytes = Buffer.from(recording(name).body as string, 'base64');
      const demuxer = new Demuxer();
      const frames = demuxer.push(bytes);
      expect(frames.length, name).toBeGreaterThan(0);
      expect(demuxer.idle, name).toBe(true);
    }
    const frames = new Demuxer().push(
      Buffer.from(recording('container-logs-multiplexed').body as string, 'base64'),
    );
    const text = (stream: number) =>
      frames
        .filter((f) => f.stream === stream)
        .map((f) => Buffer.from(f.payload).toString())
        .join('');
    expect(text(1)).toMatch(/^out \d+\n/);
    expect(text(2)).toMatch(/^err \d+\n/);
  });
});

describe('pouch replay: images and volumes', () => {
  it('makes summaries from full image details, with short names', () => {
    const [image] = (
      recording('images-list').body as Parameters<typeof pouchImageSummary>[0][]
    ).map(pouchImageSummary);
    expect(image).toMatchObject({
      Id: expect.stringMatching(/^sha256:/),
      Size: 1032482,
      Containers: -1,
    });
    expect(image!.Created).toBe(Math.floor(Date.parse('2026-11-23T17:16:28Z') / 1000));
    expect(shortImageName(image!.RepoTags![0]!)).toBe('busybox:latest');
  });

  it('reads history times in nanoseconds and volume times without a zone', () => {
    const [layer] = recording('image-history').body as Array<{ Created: number }>;
    expect(historySeconds(layer!.Created)).toBe(1795454188);
    expect(historySeconds(1795454188)).toBe(1795454188);
    const volume = recording('volume-inspect').body as { CreatedAt: string };
    expect(volumeCreatedMs(volume.CreatedAt)).toBe(
      Date.parse(`${volume.CreatedAt.replace(' ', 'T')}Z`),
    );
  });
});

describe('pouch replay: capabilities', () => {
  it('offers nothing the engine answers 405 or 404 to', () => {
    const caps = capabilitiesOf('pouch');
    expect(recording('container-kill').status).toBe(405);
    expect(caps.kill).toBe(false);
    expect(recording('containers-prune').status).toBe(405);
    expect(caps.prune).toBe(false);
    expect(recording('system-df').status).toBe(404);
    expect(caps.systemDf).toBe(false);
    expect(caps.checkpoints && caps.upgrade && caps.daemonUpdate).toBe(true);
  });
});

describe('pouch replay: detection', () => {
  it('knows pouchd by its /version and /info: no Components or Platform, PouchRootDir, API 1.24', () => {
    const version = recording('version').body as Record<string, unknown>;
    expect(version).toMatchObject({ ApiVersion: '1.24', Version: '1.3.0' });
    expect(version).not.toHaveProperty('Components');
    expect(version).not.toHaveProperty('Platform');
    const info = recording('info').body as Record<string, unknown>;
    expect(info).toHaveProperty('PouchRootDir');
    expect(info).not.toHaveProperty('ID');
    expect(info).not.toHaveProperty('DockerRootDir');
    const headers = recording('version') as unknown as { headers: Record<string, string> };
    expect(Object.keys(headers.headers).map((k) => k.toLowerCase())).not.toContain('api-version');
  });

  it('pings with GET: HEAD /_ping (405 on pouchd) is a Docker-only route', () => {
    expect(recording('ping').status).toBe(200);
    expect(matchEngineRoute('HEAD', '/_ping')?.route.engines).toEqual(['docker']);
    expect(matchEngineRoute('GET', '/_ping')?.route.engines).toContain('pouch');
  });
});

describe('pouch replay: inspect', () => {
  it("reads State.Status per state; pouchd's 'stopped' (after an API stop) is 'exited'", () => {
    const status = (name: string) =>
      (recording(name).body as { State: { Status: string } }).State.Status;
    expect(status('container-inspect-stopped')).toBe('stopped');
    expect(
      [
        'container-inspect-running',
        'container-inspect-paused',
        'container-inspect-stopped',
        'container-inspect-exited',
        'container-inspect-created',
      ].map((name) => normalizeContainerStatus(status(name))),
    ).toEqual(['running', 'paused', 'exited', 'exited', 'created']);
  });

  it('has a Name without a slash, no Path, null Args, and the IP only under Networks', () => {
    const inspect = recording('container-inspect-running').body as {
      Name: string;
      Args: unknown;
      NetworkSettings: { IPAddress?: string; Networks: Record<string, { IPAddress: string }> };
    };
    expect(inspect.Name).toBe('fx-running');
    expect(inspect).not.toHaveProperty('Path');
    expect(inspect.Args).toBeNull();
    expect(inspect.NetworkSettings.IPAddress ?? '').toBe('');
    const [network] = Object.values(inspect.NetworkSettings.Networks);
    expect(network?.IPAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });
});

describe('pouch replay: lifecycle', () => {
  it('answers a stop of a stopped container with 204 and a running remove with 500 and a message', () => {
    expect(recording('container-stop-again').status).toBe(204);
    const remove = recording('container-remove-running');
    expect(remove.status).toBe(500);
    expect(remove.body).toMatchObject({ message: expect.stringMatching(/\S/) });
  });

  it('offers no kill, changes or export, and says why instead of faking kill', () => {
    const caps = capabilitiesOf('pouch');
    expect([caps.kill, caps.changes, caps.export, caps.archive]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(missingCapabilityReason('pouch', 'kill')).toMatch(/PouchContainer has no kill API/);
    expect(capabilitiesOf('docker').kill).toBe(true);
  });
});

describe('pouch replay: exec and attach', () => {
  it('creates an exec with an Id; its inspect has no Pid; a paused container refuses with 500', () => {
    expect(recording('exec-create').body).toMatchObject({
      Id: expect.stringMatching(/^[0-9a-f]+$/),
    });
    expect(recording('exec-inspect').body).not.toHaveProperty('Pid');
    expect(recording('exec-create-paused')).toMatchObject({
      status: 500,
      body: { message: expect.stringMatching(/\S/) },
    });
  });

  it('reads attach raw on pouchd, multiplexed on Docker without a TTY', () => {
    expect(attachIsMultiplexed('pouch', false)).toBe(false);
    expect(attachIsMultiplexed('pouch', true)).toBe(false);
    expect(attachIsMultiplexed('docker', false)).toBe(true);
    expect(attachIsMultiplexed('docker', true)).toBe(false);
  });
});

describe('pouch replay: image requests', () => {
  it('makes summaries of the list whatever the engine answers', () => {
    const summaries = toImageSummaries(recording('images-list').body as unknown[]);
    expect(summaries[0]).toMatchObject({ Size: 1032482, Containers: -1 });
    expect(summaries[0]!.Created).toBeGreaterThan(0);
    const docker = { Id: 'sha256:1', Created: 5, Size: 1, RepoTags: ['a:1'] };
    expect(toImageSummaries([docker])).toEqual([docker]);
    expect(toImageSummaries(null)).toEqual([]);
  });

  it('saves with images/save?name= and loads with ?name= on pouchd; Docker keeps get?names=', () => {
    const pouch = imageSaveRequest('pouch', ['busybox:latest']);
    expect(`${pouch.path}?${pouch.query.toString()}`).toBe('/images/save?name=busybox%3Alatest');
    expect(() => imageSaveRequest('pouch', ['a', 'b'])).toThrow(/one image/);
    // One image: Docker's ImageGet by name; pouchd has only save?name=.
    expect(imageGetRequest('docker', 'team/app:1').path).toBe('/images/team/app%3A1/get');
    const pouchOne = imageGetRequest('pouch', 'busybox:latest');
    expect(`${pouchOne.path}?${pouchOne.query.toString()}`).toBe(
      '/images/save?name=busybox%3Alatest',
    );
    expect(matchEngineRoute('GET', '/images/team/app%3A1/get')?.route.op).toBe('ImageGet');
    const docker = imageSaveRequest('docker', ['a', 'b']);
    expect(`${docker.path}?${docker.query.toString()}`).toBe('/images/get?names=a&names=b');
    expect(imageLoadPath('pouch', 'team/app:1')).toBe('/images/load?name=team%2Fapp%3A1');
    expect(imageLoadPath('docker', 'ignored')).toBe('/images/load');
    const caps = capabilitiesOf('pouch');
    expect([caps.build, caps.imageGetAll]).toEqual([false, false]);
    expect(matchEngineRoute('GET', '/images/save')?.route.engines).toEqual(['pouch']);
    expect(matchEngineRoute('POST', '/build')?.route.engines).toEqual(['docker']);
  });

  it('refuses to remove an image in use with 500 and the reason', () => {
    expect(recording('image-remove-in-use')).toMatchObject({
      status: 500,
      body: { message: expect.stringMatching(/\S/) },
    });
  });
});

describe('pouch replay: system', () => {
  it('counts containers from the list, since /info leaves created ones out', () => {
    const list = recording('containers-list-states').body as ContainerSummary[];
    expect(countContainers(list)).toEqual({
      Containers: 5,
      ContainersRunning: 1,
      ContainersPaused: 1,
      ContainersStopped: 3,
    });
    // Recorded with two running containers and exited ones about: /info counted 2, and it
    // leaves out the paused/stopped counts it has none of.
    const info = recording('info').body as { Containers: number; ContainersRunning: number };
    expect(info).toMatchObject({ Containers: 2, ContainersRunning: 2 });
    expect(info).not.toHaveProperty('ContainersStopped');
  });

  it('has no /system/df (404)', () => {
    expect(recording('system-df').status).toBe(404);
    expect(matchEngineRoute('GET', '/system/df')?.route.engines).toEqual(['docker']);
  });
});

describe('pouch replay: Pouch-only routes', () => {
  it('refuses an upgrade to the same image, updates the daemon, and fails a checkpoint without CRIU', () => {
    expect(recording('container-upgrade-same-image')).toMatchObject({
      status: 500,
      body: { message: expect.stringContaining('image not changed') },
    });
    expect(recording('daemon-update').status).toBe(200);
    expect((recording('info-after-daemon-update').body as { Labels: string[] }).Labels).toContain(
      'zone=fixture',
    );
    expect(recording('container-checkpoint-create')).toMatchObject({
      status: 500,
      body: { message: expect.stringContaining('criu failed') },
    });
    expect(recording('container-checkpoints-list').body).toBeNull();
    for (const [method, path, role] of [
      ['POST', '/containers/x/upgrade', 'operator'],
      ['POST', '/containers/x/checkpoints', 'operator'],
      ['GET', '/containers/x/checkpoints', 'viewer'],
      ['DELETE', '/containers/x/checkpoints/cp1', 'admin'],
      ['POST', '/daemon/update', 'admin'],
    ] as const) {
      expect(matchEngineRoute(method, path)?.route, `${method} ${path}`).toMatchObject({
        role,
        engines: ['pouch'],
      });
    }
  });
});

/** Every endpoint of the PouchContainer reference (shared/reference/004_…, API 1.24). */
const POUCH_REFERENCE: ReadonlyArray<readonly [string, string]> = [
  ['POST', '/auth'],
  ['POST', '/commit'],
  ['POST', '/containers/create'],
  ['GET', '/containers/json'],
  ['DELETE', '/containers/x'],
  ['POST', '/containers/x/attach'],
  ['POST', '/containers/x/checkpoints'],
  ['GET', '/containers/x/checkpoints'],
  ['DELETE', '/containers/x/checkpoints/cp1'],
  ['POST', '/containers/x/exec'],
  ['GET', '/containers/x/json'],
  ['GET', '/containers/x/logs'],
  ['POST', '/containers/x/pause'],
  ['POST', '/containers/x/rename'],
  ['POST', '/containers/x/resize'],
  ['POST', '/containers/x/restart'],
  ['POST', '/containers/x/start'],
  ['GET', '/containers/x/stats'],
  ['POST', '/containers/x/stop'],
  ['GET', '/containers/x/top'],
  ['POST', '/containers/x/unpause'],
  ['POST', '/containers/x/update'],
  ['POST', '/containers/x/upgrade'],
  ['POST', '/containers/x/wait'],
  ['POST', '/daemon/update'],
  ['GET', '/events'],
  ['GET', '/exec/x/json'],
  ['POST', '/exec/x/resize'],
  ['POST', '/exec/x/start'],
  ['POST', '/images/create'],
  ['GET', '/images/json'],
  ['POST', '/images/load'],
  ['GET', '/images/save'],
  ['GET', '/images/search'],
  ['DELETE', '/images/busybox:latest'],
  ['GET', '/images/busybox:latest/history'],
  ['GET', '/images/busybox:latest/json'],
  ['POST', '/images/busybox:latest/push'],
  ['POST', '/images/busybox:latest/tag'],
  ['GET', '/info'],
  ['GET', '/networks'],
  ['POST', '/networks/create'],
  ['GET', '/networks/x'],
  ['DELETE', '/networks/x'],
  ['POST', '/networks/x/connect'],
  ['POST', '/networks/x/disconnect'],
  ['GET', '/version'],
  ['GET', '/volumes'],
  ['POST', '/volumes/create'],
  ['GET', '/volumes/x'],
  ['DELETE', '/volumes/x'],
  ['GET', '/_ping'],
];

describe('pouch replay: the role table', () => {
  it('covers every endpoint of the PouchContainer reference, for pouchd', () => {
    const missing = POUCH_REFERENCE.filter(
      ([method, path]) => !matchEngineRoute(method, path)?.route.engines.includes('pouch'),
    );
    expect(missing).toEqual([]);
  });

  it('marks Docker-only what pouchd refused when recorded (405, 404)', () => {
    for (const name of ['container-kill', 'containers-prune', 'system-df']) {
      const { request, status } = recording(name);
      expect(status, name).toBeGreaterThanOrEqual(404);
      expect(matchEngineRoute(request.method, request.path.split('?')[0]!)?.route.engines).toEqual([
        'docker',
      ]);
    }
  });
});
