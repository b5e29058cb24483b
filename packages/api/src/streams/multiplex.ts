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
  /** True when this piece begins an engine frame (pieces never span two frames). */
  start: boolean;
}

const HEADER = 8;

/** Incremental demultiplexer: push chunks as they arrive, get complete (or partial) payloads. */
export class Demuxer {
  private header = new Uint8Array(HEADER);
  private headerFill = 0;
  private stream: StreamId = STREAM_STDOUT;
  private remaining = 0;
  private frameStart = false;

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
        this.frameStart = true;
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - offset);
      // Payloads of two frames are never adjacent in a chunk (a header sits between), so each
      // piece belongs to exactly one frame.
      out.push({
        stream: this.stream,
        payload: chunk.subarray(offset, offset + take),
        start: this.frameStart,
      });
      this.frameStart = false;
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
