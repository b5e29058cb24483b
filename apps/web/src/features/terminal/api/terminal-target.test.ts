import { describe, expect, it } from 'vitest';
import {
  parseTerminalSearch,
  searchFromTarget,
  splitCommand,
  targetFromSearch,
  targetTitle,
  terminalSocketUrl,
} from './terminal-target';

describe('splitCommand', () => {
  it('splits on whitespace and keeps quoted arguments together', () => {
    expect(splitCommand('  /bin/ash   -l ')).toEqual(['/bin/ash', '-l']);
    expect(splitCommand(`sh -c "echo 'hi there'; exec sh"`)).toEqual([
      'sh',
      '-c',
      "echo 'hi there'; exec sh",
    ]);
    expect(splitCommand(`echo 'a "b"' c\\ d ""`)).toEqual(['echo', 'a "b"', 'c d', '']);
  });

  it('takes a JSON array as it is', () => {
    expect(splitCommand('["/bin/sh", "-c", "ls  -l"]')).toEqual(['/bin/sh', '-c', 'ls  -l']);
  });

  it('is empty for nothing', () => {
    expect(splitCommand('   ')).toEqual([]);
  });
});

describe('terminalSocketUrl', () => {
  const origin = { protocol: 'https:', host: 'berth.example:8443' };

  it('builds the exec URL with the command as JSON, TTY and the initial size', () => {
    const url = new URL(
      terminalSocketUrl(
        'local',
        'web 1',
        { mode: 'exec', cmd: ['/bin/sh', '-l'], user: 'nobody', workdir: '/tmp' },
        { cols: 120, rows: 40 },
        origin,
      ),
    );
    expect(url.protocol).toBe('wss:');
    expect(url.host).toBe('berth.example:8443');
    expect(url.pathname).toBe('/api/endpoints/local/ws/exec');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      container: 'web 1',
      cmd: '["/bin/sh","-l"]',
      tty: '1',
      user: 'nobody',
      workdir: '/tmp',
      cols: '120',
      rows: '40',
    });
  });

  it('builds the attach URL, with logs only when asked', () => {
    const plain = new URL(
      terminalSocketUrl(
        'local',
        'c',
        { mode: 'attach', logs: false },
        { cols: 80, rows: 24 },
        {
          protocol: 'http:',
          host: '127.0.0.1:7420',
        },
      ),
    );
    expect(plain.protocol).toBe('ws:');
    expect(plain.pathname).toBe('/api/endpoints/local/ws/attach');
    expect(plain.searchParams.has('logs')).toBe(false);
    const withLogs = new URL(
      terminalSocketUrl(
        'local',
        'c',
        { mode: 'attach', logs: true },
        { cols: 80, rows: 24 },
        origin,
      ),
    );
    expect(withLogs.searchParams.get('logs')).toBe('1');
  });
});

describe('the full-window route search', () => {
  it('round-trips exec and attach targets', () => {
    for (const target of [
      { mode: 'exec' as const, cmd: ['/bin/bash'] },
      { mode: 'exec' as const, cmd: ['sh', '-c', 'top'], user: 'root', workdir: '/srv' },
      { mode: 'attach' as const, logs: true },
      { mode: 'attach' as const, logs: false },
    ]) {
      expect(targetFromSearch(parseTerminalSearch({ ...searchFromTarget(target) }))).toEqual(
        target,
      );
    }
  });

  it('accepts the array the router parsed, and defaults to /bin/sh', () => {
    expect(targetFromSearch(parseTerminalSearch({ cmd: ['/bin/ash', '-l'] }))).toEqual({
      mode: 'exec',
      cmd: ['/bin/ash', '-l'],
    });
    expect(targetFromSearch(parseTerminalSearch({ cmd: 42, mode: 'nope' }))).toEqual({
      mode: 'exec',
      cmd: ['/bin/sh'],
    });
  });
});

describe('targetTitle', () => {
  it('names a tab by the program', () => {
    expect(targetTitle({ mode: 'exec', cmd: ['/bin/bash'] })).toBe('bash');
    expect(targetTitle({ mode: 'exec', cmd: ['/usr/bin/python3', '-i'] })).toBe('python3 -i');
    expect(targetTitle({ mode: 'attach', logs: true })).toBe('attach');
  });
});
