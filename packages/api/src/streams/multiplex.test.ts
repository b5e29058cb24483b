import { describe, expect, it } from 'vitest';
import { Demuxer, STREAM_STDERR, STREAM_STDOUT, encodeFrame } from './multiplex';

const text = new TextEncoder();
const decode = (parts: Uint8Array[]) => new TextDecoder().decode(concat(parts));

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

describe('Demuxer', () => {
  const wire = concat([
    encodeFrame(STREAM_STDOUT, text.encode('hello ')),
    encodeFrame(STREAM_STDERR, text.encode('oops\n')),
    encodeFrame(STREAM_STDOUT, text.encode('wörld\n')),
  ]);

  it('splits whole frames by stream', () => {
    const frames = new Demuxer().push(wire);
    expect(frames.map((f) => [f.stream, new TextDecoder().decode(f.payload)])).toEqual([
      [1, 'hello '],
      [2, 'oops\n'],
      [1, 'wörld\n'],
    ]);
  });

  it('gives the same bytes whatever the chunk boundaries, even inside headers and characters', () => {
    for (let size = 1; size <= wire.length; size++) {
      const demuxer = new Demuxer();
      const out: Record<number, Uint8Array[]> = { 1: [], 2: [] };
      for (let i = 0; i < wire.length; i += size) {
        for (const f of demuxer.push(wire.subarray(i, i + size))) out[f.stream]!.push(f.payload);
      }
      expect(decode(out[1]!)).toBe('hello wörld\n');
      expect(decode(out[2]!)).toBe('oops\n');
      expect(demuxer.idle).toBe(true);
    }
  });

  it('reports a frame cut short', () => {
    const demuxer = new Demuxer();
    demuxer.push(wire.subarray(0, 10));
    expect(demuxer.idle).toBe(false);
  });
});
