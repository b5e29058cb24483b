import { writeTar } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { TarEntryReader } from './tar-entries';

describe('TarEntryReader', () => {
  it('reads names, sizes, modes and times in any chunking, skipping contents', () => {
    const long = `dir/${'x'.repeat(150)}.txt`;
    const tar = writeTar([
      { name: 'dir/a.txt', data: new Uint8Array(1000).fill(65), mode: 0o600, mtime: 1_700_000_000 },
      { name: long, data: new Uint8Array(3), mtime: 1_700_000_001 },
    ]);
    for (const size of [1, 7, 512, 100_000]) {
      const reader = new TarEntryReader();
      const entries = [];
      for (let i = 0; i < tar.length; i += size)
        entries.push(...reader.push(tar.subarray(i, i + size)));
      expect(entries).toEqual([
        {
          name: 'dir/a.txt',
          size: 1000,
          mode: 0o600,
          mtime: 1_700_000_000,
          type: 'file',
          linkTarget: '',
        },
        { name: long, size: 3, mode: 0o644, mtime: 1_700_000_001, type: 'file', linkTarget: '' },
      ]);
      expect(reader.done).toBe(true);
    }
  });
});
