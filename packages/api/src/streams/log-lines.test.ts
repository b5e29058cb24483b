import { describe, expect, it } from 'vitest';
import { TimestampedLineJoiner } from './log-lines';
import { Demuxer, STREAM_STDERR, STREAM_STDOUT, encodeFrame } from './multiplex';

const enc = (s: string) => new TextEncoder().encode(s);

function wire(parts: Array<[1 | 2, string]>): Uint8Array {
  const frames = parts.map(([stream, text]) => encodeFrame(stream, enc(text)));
  const out = new Uint8Array(frames.reduce((n, f) => n + f.length, 0));
  let offset = 0;
  for (const f of frames) {
    out.set(f, offset);
    offset += f.length;
  }
  return out;
}

describe('TimestampedLineJoiner', () => {
  it('joins a long line split into frames, dropping the continuation timestamps, whatever the chunking', () => {
    const bytes = wire([
      [STREAM_STDOUT, '2026-11-23T10:00:00.000000001Z ' + 'a'.repeat(50)],
      [STREAM_STDERR, '2026-11-23T10:00:00.000000002Z oops\n'],
      [STREAM_STDOUT, '2026-11-23T10:00:00.000000003Z ' + 'b'.repeat(20) + '\n'],
      [STREAM_STDOUT, '2026-11-23T10:00:00.000000004Z next\n'],
    ]);
    for (const size of [1, 3, 7, 31, bytes.length]) {
      const demuxer = new Demuxer();
      const joiner = new TimestampedLineJoiner();
      const text: Record<number, string> = { 1: '', 2: '' };
      const decoder = { 1: new TextDecoder(), 2: new TextDecoder() };
      for (let i = 0; i < bytes.length; i += size) {
        for (const f of joiner.push(demuxer.push(bytes.subarray(i, i + size))))
          text[f.stream] += decoder[f.stream as 1 | 2].decode(f.payload, { stream: true });
      }
      expect(text[1]).toBe(
        `2026-11-23T10:00:00.000000001Z ${'a'.repeat(50)}${'b'.repeat(20)}\n2026-11-23T10:00:00.000000004Z next\n`,
      );
      expect(text[2]).toBe('2026-11-23T10:00:00.000000002Z oops\n');
    }
  });
});
