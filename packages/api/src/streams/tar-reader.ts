// Reads tar headers from a stream, skipping file contents: enough to list a folder from the
// engine's archive endpoint without keeping its bytes (the web app), and to check every entry
// name of an upload before the engine writes it (the gateway's ArchiveGuard). ustar, PAX
// `path`/`linkpath`/`size`/`mtime` records, GNU long names (`L`/`K`) and base-256 numbers are
// applied, as the engine's own extraction applies them: a name the guard did not see as the
// engine will is a way around it.

const BLOCK = 512;

export type TarEntryType = 'file' | 'dir' | 'symlink' | 'link' | 'other';

export interface TarEntry {
  name: string;
  size: number;
  mode: number;
  /** Seconds since epoch. */
  mtime: number;
  type: TarEntryType;
  linkTarget: string;
}

function readString(block: Uint8Array, offset: number, width: number): string {
  const slice = block.subarray(offset, offset + width);
  const end = slice.indexOf(0);
  return new TextDecoder().decode(end === -1 ? slice : slice.subarray(0, end));
}

function readNumber(block: Uint8Array, offset: number, width: number): number {
  // GNU base-256 for big values: high bit of the first byte set.
  if ((block[offset] ?? 0) & 0x80) {
    let value = (block[offset] ?? 0) & 0x7f;
    for (let i = 1; i < width; i++) value = value * 256 + (block[offset + i] ?? 0);
    return value;
  }
  return parseInt(readString(block, offset, width).trim() || '0', 8) || 0;
}

const TYPES: Record<string, TarEntryType> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '5': 'dir',
  '2': 'symlink',
  '1': 'link',
};

function parsePax(bytes: Uint8Array): Record<string, string> {
  const text = new TextDecoder().decode(bytes);
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\d+ ([^=]+)=(.*)$/.exec(line);
    if (match) out[match[1] as string] = match[2] as string;
  }
  return out;
}

export class TarEntryReader {
  private buffer = new Uint8Array(0);
  private skip = 0;
  /** Bytes of a metadata entry (PAX or GNU long name) still to collect. */
  private collect: { kind: 'x' | 'L' | 'K'; left: number; parts: Uint8Array[] } | null = null;
  private pending: { pax?: Record<string, string>; longName?: string; longLink?: string } = {};
  done = false;

  push(chunk: Uint8Array): TarEntry[] {
    const entries: TarEntry[] = [];
    let data = chunk;
    while (data.length > 0 && !this.done) {
      if (this.skip > 0) {
        const take = Math.min(this.skip, data.length);
        if (this.collect && this.collect.left > 0) {
          const keep = Math.min(take, this.collect.left);
          this.collect.parts.push(data.slice(0, keep));
          this.collect.left -= keep;
          if (this.collect.left === 0) this.finishMeta();
        }
        this.skip -= take;
        data = data.subarray(take);
        continue;
      }
      const need = BLOCK - this.buffer.length;
      const merged = new Uint8Array(this.buffer.length + Math.min(need, data.length));
      merged.set(this.buffer);
      merged.set(data.subarray(0, need), this.buffer.length);
      this.buffer = merged;
      data = data.subarray(need);
      if (this.buffer.length < BLOCK) break;
      const block = this.buffer;
      this.buffer = new Uint8Array(0);
      if (block.every((b) => b === 0)) {
        this.done = true;
        break;
      }
      let size = readNumber(block, 124, 12);
      const flag = String.fromCharCode(block[156] ?? 48);
      const padded = Math.ceil(size / BLOCK) * BLOCK;
      if (flag === 'x' || flag === 'L' || flag === 'K') {
        this.collect = { kind: flag, left: size, parts: [] };
        this.skip = padded;
        if (size === 0) this.finishMeta();
        continue;
      }
      if (flag === 'g') {
        this.skip = padded;
        continue;
      }
      const { pax, longName, longLink } = this.pending;
      this.pending = {};
      const prefix = readString(block, 345, 155);
      const base = readString(block, 0, 100);
      const name = pax?.path ?? longName ?? (prefix ? `${prefix}/${base}` : base);
      if (pax?.size) size = Number(pax.size);
      entries.push({
        name: name.replace(/\/+$/, ''),
        size,
        mode: readNumber(block, 100, 8),
        mtime: pax?.mtime ? Math.floor(Number(pax.mtime)) : readNumber(block, 136, 12),
        type: TYPES[flag] ?? 'other',
        linkTarget: pax?.linkpath ?? longLink ?? readString(block, 157, 100),
      });
      this.skip = Math.ceil(size / BLOCK) * BLOCK;
    }
    return entries;
  }

  private finishMeta() {
    const collect = this.collect;
    if (!collect) return;
    this.collect = null;
    const bytes = new Uint8Array(collect.parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const part of collect.parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
    if (collect.kind === 'x') this.pending.pax = parsePax(bytes);
    else {
      const text = new TextDecoder().decode(bytes).replace(/\0+$/, '');
      if (collect.kind === 'L') this.pending.longName = text;
      else this.pending.longLink = text;
    }
  }
}
