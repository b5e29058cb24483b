// Contract tests, pouch replay: the recorded answers of a real PouchContainer 1.3.0 daemon
// (packages/api/fixtures/pouch-1.3.0, copied from shared/fixtures) through Berth's view models.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ContainerSummary, EngineEvent } from '../engine/types';
import { normalizeEvent } from '../engine/events';
import { computeStats, type RawStats } from '../engine/stats';
import { Demuxer } from '../streams/multiplex';
import { toContainerRow } from '../view-models/container';
import { capabilitiesOf } from './capabilities';
import {
  encodeEventFilters,
  historySeconds,
  pouchImageSummary,
  shortImageName,
  stateFromStatus,
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
