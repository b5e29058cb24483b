// The engine's multiplexed stream format (attach, logs and exec without a TTY): each frame is an
// 8-byte header [stream, 0, 0, 0, size(4, big-endian)] followed by `size` bytes of payload.
// Chunks from a socket cut frames anywhere, so the demuxer keeps partial headers and payloads.

export const STREAM_STDIN = 0;
export const STREAM_STDOUT = 1;
export const STREAM_STDERR = 2;

export type StreamId = typeof STREAM_STDIN | typeof STREAM_STDOUT | typeof STREAM_STDERR;

export interface Frame {
  stream: StreamId;
  payload: Uint8Array;
}

const HEADER = 8;

/** Incremental demultiplexer: push chunks as they arrive, get complete (or partial) payloads. */
export class Demuxer {
  private header = new Uint8Array(HEADER);
  private headerFill = 0;
  private stream: StreamId = STREAM_STDOUT;
  private remaining = 0;

  /**
   * Splits a chunk into payload pieces tagged with their stream. A frame's payload may come out
   * in several pieces (one per chunk it spans); bytes are never copied into text.
   */
  push(chunk: Uint8Array): Frame[] {
    const out: Frame[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      if (this.remaining === 0) {
        const take = Math.min(HEADER - this.headerFill, chunk.length - offset);
        this.header.set(chunk.subarray(offset, offset + take), this.headerFill);
        this.headerFill += take;
        offset += take;
        if (this.headerFill < HEADER) break;
        this.headerFill = 0;
        const kind = this.header[0] ?? STREAM_STDOUT;
        this.stream = (kind <= STREAM_STDERR ? kind : STREAM_STDOUT) as StreamId;
        this.remaining = new DataView(this.header.buffer).getUint32(4, false);
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - offset);
      const last = out[out.length - 1];
      const piece = chunk.subarray(offset, offset + take);
      // Adjacent pieces of the same stream within one chunk are merged for fewer messages.
      if (
        last &&
        last.stream === this.stream &&
        last.payload.byteOffset + last.payload.length === piece.byteOffset &&
        last.payload.buffer === piece.buffer
      ) {
        last.payload = chunk.subarray(last.payload.byteOffset - chunk.byteOffset, offset + take);
      } else {
        out.push({ stream: this.stream, payload: piece });
      }
      this.remaining -= take;
      offset += take;
    }
    return out;
  }

  /** True when the stream ended cleanly between frames. */
  get idle(): boolean {
    return this.remaining === 0 && this.headerFill === 0;
  }
}

/** Builds one multiplexed frame (for tests and replay servers). */
export function encodeFrame(stream: StreamId, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(HEADER + payload.length);
  out[0] = stream;
  new DataView(out.buffer).setUint32(4, payload.length, false);
  out.set(payload, HEADER);
  return out;
}
