import { describe, expect, it } from 'vitest';
import { tarNameProblem, writeTar } from './tar';
import { TarEntryReader } from './tar-reader';

describe('tar', () => {
  it('writes archives whose names read back, long names included, whatever the chunking', () => {
    const long = `deep/${'d'.repeat(120)}/file.txt`;
    const tar = writeTar([
      { name: 'a.txt', data: new TextEncoder().encode('hello') },
      { name: long, data: new Uint8Array(1000) },
    ]);
    expect(tar.length % 512).toBe(0);
    for (const size of [1, 100, 512, tar.length]) {
      const reader = new TarEntryReader();
      const names: string[] = [];
      for (let i = 0; i < tar.length; i += size)
        names.push(...reader.push(tar.subarray(i, i + size)).map((e) => e.name));
      expect(names).toEqual(['a.txt', long]);
    }
  });

  it('refuses names that would leave the folder', () => {
    expect(tarNameProblem('../etc/passwd')).toMatch(/\.\./);
    expect(tarNameProblem('a/../../b')).toMatch(/\.\./);
    expect(tarNameProblem('/etc/passwd')).toMatch(/absolute/);
    expect(tarNameProblem('dir/file..txt')).toBeNull();
    expect(() => writeTar([{ name: '../x', data: new Uint8Array() }])).toThrow();
  });
});
