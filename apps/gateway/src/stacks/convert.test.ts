import { describe, expect, it } from 'vitest';
import { bytes, durationNs, listOrDict, shellSplit, stableJson } from './convert';

describe('converters', () => {
  it('reads durations', () => {
    expect(durationNs('1m30s')).toBe(90e9);
    expect(durationNs('500ms')).toBe(5e8);
    expect(durationNs(2)).toBe(2e9);
    expect(() => durationNs('soon')).toThrow('not a duration');
  });

  it('reads sizes', () => {
    expect(bytes('512m')).toBe(512 * 1024 ** 2);
    expect(bytes('1g')).toBe(1024 ** 3);
    expect(bytes('1.5GB')).toBe(1.5 * 1024 ** 3);
    expect(bytes(100)).toBe(100);
    expect(() => bytes('lots')).toThrow('not a size');
  });

  it('splits commands like a shell', () => {
    expect(shellSplit(`sh -c 'echo "hi there"; sleep 1' a\\ b ""`)).toEqual([
      'sh',
      '-c',
      'echo "hi there"; sleep 1',
      'a b',
      '',
    ]);
    expect(() => shellSplit('echo "open')).toThrow('unclosed');
  });

  it('reads lists and maps alike', () => {
    expect(listOrDict(['A=1', 'B'])).toEqual([
      ['A', '1'],
      ['B', null],
    ]);
    expect(listOrDict({ A: 1, B: null })).toEqual([
      ['A', '1'],
      ['B', null],
    ]);
  });

  it('writes stable JSON', () => {
    expect(stableJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });
});
