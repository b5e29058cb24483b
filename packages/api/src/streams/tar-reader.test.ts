import { describe, expect, it } from 'vitest';
import { writeTar } from './tar';
import { TarEntryReader } from './tar-reader';

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

  it('applies GNU long names and PAX paths, so a name hidden in them is seen as the engine sees it', () => {
    const header = (name: string, size: number, flag: string) => {
      const block = new Uint8Array(512);
      block.set(new TextEncoder().encode(name));
      block.set(new TextEncoder().encode(`${size.toString(8).padStart(11, '0')}\0`), 124);
      block[156] = flag.charCodeAt(0);
      return block;
    };
    const body = (text: string) => {
      const bytes = new Uint8Array(Math.ceil(text.length / 512) * 512);
      bytes.set(new TextEncoder().encode(text));
      return bytes;
    };
    const longName = '../../etc/cron.d/evil';
    const paxRecord = (key: string, value: string) => {
      const line = ` ${key}=${value}\n`;
      let length = line.length + 2;
      if (`${length}${line}`.length !== length) length += 1;
      return `${length}${line}`;
    };
    const pax = paxRecord('path', '/root/.ssh/authorized_keys');
    const tar = new Uint8Array([
      ...header('././@LongLink', longName.length, 'L'),
      ...body(longName),
      ...header('harmless.txt', 0, '0'),
      ...header('PaxHeaders/x', pax.length, 'x'),
      ...body(pax),
      ...header('also-harmless.txt', 0, '0'),
      ...new Uint8Array(1024),
    ]);
    const reader = new TarEntryReader();
    expect(reader.push(tar).map((e) => e.name)).toEqual([longName, '/root/.ssh/authorized_keys']);
  });
});
