import type { Frame } from './multiplex';

const SPACE = 0x20;
const NEWLINE = 0x0a;

/**
 * The engine splits a log line longer than 16 KiB into several frames, and with `timestamps=1`
 * each piece gets a timestamp of its own. This joins them again: a frame that continues a line
 * (the stream's last byte wasn't a newline) loses its timestamp prefix. Bytes stay bytes.
 */
export class TimestampedLineJoiner {
  /** Per stream: the last emitted byte wasn't a newline. */
  private readonly open = new Map<number, boolean>();
  /** Per stream: still dropping a continuation's timestamp (it may span pieces). */
  private readonly stripping = new Map<number, boolean>();

  push(frames: readonly Frame[]): Frame[] {
    const out: Frame[] = [];
    for (const frame of frames) {
      let payload = frame.payload;
      if (frame.start && this.open.get(frame.stream)) this.stripping.set(frame.stream, true);
      if (this.stripping.get(frame.stream)) {
        const space = payload.indexOf(SPACE);
        if (space === -1) continue; // the whole piece is timestamp
        payload = payload.subarray(space + 1);
        this.stripping.set(frame.stream, false);
      }
      if (payload.length === 0) continue;
      this.open.set(frame.stream, payload[payload.length - 1] !== NEWLINE);
      out.push({ ...frame, payload });
    }
    return out;
  }
}
