import type { Readable, Writable } from 'node:stream';
import type { ChannelId } from '@berth/api';
import {
  Channel,
  Demuxer,
  TimestampedLineJoiner,
  FLOW,
  ackMessage,
  decodeChannelFrame,
  encodeChannelFrame,
  parseControl,
  resizeMessage,
  type ResizeMessage,
  type StatusMessage,
} from '@berth/api';
import type { RawData, WebSocket } from 'ws';

const FIRST_OUTPUT_BYTES = 1024;
/** Input a client may send before its terminal is attached (a paste, terminal answers). */
const EARLY_INPUT_BYTES = 1024 * 1024;
/**
 * Output gathered into one message up to this size (one event-loop turn at most). Per-message
 * cost dominates a flood: 256 KiB moved 100 MB at 0.94x the engine's own rate, 64 KiB at 0.70x
 * (npm run bench -- terminal). Flow control still holds: at most one message past the high water.
 */
const COALESCE_BYTES = 256 * 1024;

export interface ChannelSessionOptions {
  ws: WebSocket;
  /** The engine's output: a hijacked connection (exec, attach) or a response body (logs). */
  engine: Readable;
  /** Where stdin goes (the hijacked connection); logs have none. */
  input?: Writable;
  /** What the client sent while the route was still creating and starting the engine side. */
  early?: EarlyMessages;
  /** The size asked for in the query: applied before any input or resize from the client. */
  initialSize?: ResizeMessage;
  /** Bytes the engine sent along with its 101 answer. */
  head?: Buffer;
  /** Without a TTY the engine multiplexes stdout/stderr with 8-byte frame headers. */
  multiplexed: boolean;
  /** Logs with timestamps: join lines the engine split, dropping the continuation timestamps. */
  joinTimestampedLines?: boolean;
  /** `?flow=off`: a client that never acks (a script); only the socket's buffer then limits. */
  flowControl: boolean;
  resize?(size: ResizeMessage): Promise<void>;
  /**
   * Called once when the engine side has ended, to learn how: status messages to send (an exit
   * code, an error), or none. Gets the first bytes of output, where engines put start failures.
   */
  finish(firstOutput: string): Promise<StatusMessage[]>;
  onClose(): void;
}

/**
 * Bridges a browser websocket (berth.channel.v1) and an engine stream: a hijacked connection
 * (exec, attach) or a log stream. Bytes are
 * never decoded. Output is flow-controlled: the engine socket is paused while more than
 * FLOW.highWater bytes are unacknowledged by the client (or queued in the websocket) and
 * resumed below FLOW.lowWater, so a flood can't grow memory; stdin is never held back, so a
 * Ctrl-C reaches the process at once even while output is paused.
 */
export class ChannelSession {
  private unacked = 0;
  private paused = false;
  private ended = false;
  private readonly demuxer: Demuxer | null;
  private readonly joiner: TimestampedLineJoiner | null;
  /** The first output bytes, kept only to recognise a start failure the engine printed. */
  private firstOutput = Buffer.alloc(0);
  private queued: Uint8Array[] = [];
  private queuedBytes = 0;
  private queuedChannel: ChannelId = Channel.stdout;
  private flushTimer: NodeJS.Immediate | null = null;
  /**
   * Resizes run one after another, the initial size first. Input waits for the initial size only
   * (`stty size` typed at once must see it), then is never held back again.
   */
  private resizes: Promise<void> = Promise.resolve();
  private inputHeld: Buffer[] | null = null;

  constructor(private readonly o: ChannelSessionOptions) {
    this.demuxer = o.multiplexed ? new Demuxer() : null;
    this.joiner = o.multiplexed && o.joinTimestampedLines ? new TimestampedLineJoiner() : null;
    o.ws.on('message', (data: RawData, isBinary: boolean) => this.fromClient(data, isBinary));
    o.ws.on('close', () => this.close());
    o.ws.on('error', () => this.close());
    o.engine.on('data', (chunk: Buffer) => this.fromEngine(chunk));
    o.engine.on('end', () => void this.engineEnded());
    o.engine.on('close', () => void this.engineEnded());
    o.engine.on('error', () => void this.engineEnded());
    if (o.head?.length) this.fromEngine(o.head);
    if (o.initialSize) {
      this.inputHeld = [];
      this.enqueueResize(o.initialSize);
      void this.resizes.then(() => this.releaseInput());
    }
    // Replayed after the listener above is on, so nothing sent in between is lost or reordered.
    for (const message of o.early?.take() ?? []) this.fromClient(message.data, message.isBinary);
    // The client may have gone while the engine side was being set up: no close event will come.
    if (o.ws.readyState !== o.ws.OPEN) this.close();
  }

  private enqueueResize(size: ResizeMessage): void {
    const { resize } = this.o;
    if (!resize) return;
    this.resizes = this.resizes.then(() => resize(size)).catch(() => undefined);
  }

  private writeInput(payload: Uint8Array): void {
    if (this.ended || !this.o.input) return;
    if (this.inputHeld) this.inputHeld.push(Buffer.from(payload));
    else this.o.input.write(payload);
  }

  private releaseInput(): void {
    const held = this.inputHeld ?? [];
    this.inputHeld = null;
    for (const payload of held) this.writeInput(payload);
  }

  private fromEngine(chunk: Buffer): void {
    if (this.firstOutput.length < FIRST_OUTPUT_BYTES) {
      this.firstOutput = Buffer.concat([this.firstOutput, chunk]).subarray(0, FIRST_OUTPUT_BYTES);
    }
    if (this.demuxer) {
      const frames = this.demuxer.push(chunk);
      for (const frame of this.joiner ? this.joiner.push(frames) : frames) {
        this.queue(frame.stream === 2 ? Channel.stderr : Channel.stdout, frame.payload);
      }
    } else {
      this.send(Channel.stdout, chunk);
    }
    this.updatePause();
  }

  /**
   * The engine sends logs a line per chunk: consecutive output of one stream is gathered until
   * the event loop turns (or 256 KiB) and goes out as one message, order kept. A browser pays per
   * websocket message, not per byte (200,000 one-line messages take Chromium ~25 s).
   */
  private queue(channel: ChannelId, payload: Uint8Array): void {
    if (channel !== this.queuedChannel) this.flushQueued();
    this.queuedChannel = channel;
    this.queued.push(payload);
    this.queuedBytes += payload.length;
    if (this.queuedBytes >= COALESCE_BYTES) this.flushQueued();
    else this.flushTimer ??= setImmediate(() => this.flushQueued());
  }

  private flushQueued(): void {
    if (this.flushTimer) clearImmediate(this.flushTimer);
    this.flushTimer = null;
    if (this.queued.length === 0) return;
    const payload =
      this.queued.length === 1 && this.queued[0] ? this.queued[0] : Buffer.concat(this.queued);
    const channel = this.queuedChannel;
    this.queued = [];
    this.queuedBytes = 0;
    this.send(channel, payload);
    this.updatePause();
  }

  private send(channel: ChannelId, payload: Uint8Array): void {
    if (this.o.ws.readyState !== this.o.ws.OPEN || payload.length === 0) return;
    this.unacked += payload.length;
    // The send callback runs when the frame has left for the network: a chance to resume.
    this.o.ws.send(encodeChannelFrame(channel, payload), { binary: true }, () =>
      this.updatePause(),
    );
  }

  private pressure(): number {
    const buffered = this.o.ws.bufferedAmount;
    return this.o.flowControl ? Math.max(this.unacked, buffered) : buffered;
  }

  private updatePause(): void {
    if (this.ended) return;
    const pressure = this.pressure();
    if (!this.paused && pressure > FLOW.highWater) {
      this.paused = true;
      this.o.engine.pause();
    } else if (this.paused && pressure < FLOW.lowWater) {
      this.paused = false;
      this.o.engine.resume();
    }
  }

  private fromClient(data: RawData, isBinary: boolean): void {
    if (!isBinary) return;
    // ws hands binary messages over as a Buffer (binaryType 'nodebuffer'): no copy needed.
    const buffer = Buffer.isBuffer(data)
      ? data
      : Array.isArray(data)
        ? Buffer.concat(data)
        : Buffer.from(data);
    const frame = decodeChannelFrame(buffer);
    if (!frame) return;
    switch (frame.channel) {
      case Channel.stdin:
        this.writeInput(frame.payload);
        break;
      case Channel.resize: {
        const size = parseControl(resizeMessage, frame.payload);
        if (size) this.enqueueResize(size);
        break;
      }
      case Channel.ack: {
        const ack = parseControl(ackMessage, frame.payload);
        if (ack) {
          this.unacked = Math.max(0, this.unacked - ack.bytes);
          this.updatePause();
        }
        break;
      }
      default:
        break;
    }
  }

  private async engineEnded(): Promise<void> {
    if (this.ended) return;
    this.flushQueued();
    this.ended = true;
    const statuses = await this.o
      .finish(this.firstOutput.toString('utf8'))
      .catch((error: unknown): StatusMessage[] => [
        { type: 'error', message: String((error as Error).message ?? error) },
      ]);
    const { ws } = this.o;
    if (ws.readyState !== ws.OPEN) return this.close();
    for (const status of statuses) {
      ws.send(encodeChannelFrame(Channel.status, status), { binary: true });
    }
    ws.close(1000, statuses.some((s) => s.type === 'exit') ? 'exited' : 'ended');
    this.close();
  }

  private closed = false;

  /** Closing the websocket ends the engine connection (and so the exec session). */
  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ended = true;
    if (this.flushTimer) clearImmediate(this.flushTimer);
    this.flushTimer = null;
    this.o.engine.destroy();
    this.o.onClose();
  }
}

/** Sends one status message and closes: for refusals before any engine connection exists. */
export function failSession(ws: WebSocket, message: string): void {
  if (ws.readyState !== ws.OPEN) return;
  ws.send(encodeChannelFrame(Channel.status, { type: 'error', message }), { binary: true });
  ws.close(1000, 'error');
}

interface ClientMessage {
  data: RawData;
  isBinary: boolean;
}

/**
 * Holds what a client sends between the websocket's open and the engine side being ready (an
 * exec is created and started first: tens of milliseconds). A terminal writes at once (xterm.js
 * answers the shell's cursor query on open; a user types or pastes): without a listener the
 * websocket would drop those messages. Bounded: a client that floods before the start is cut off.
 */
export class EarlyMessages {
  private messages: ClientMessage[] = [];
  private bytes = 0;
  private readonly listener = (data: RawData, isBinary: boolean) => {
    this.bytes += Array.isArray(data)
      ? data.reduce((sum, part) => sum + part.length, 0)
      : data.byteLength;
    if (this.bytes > EARLY_INPUT_BYTES) {
      this.messages = [];
      failSession(this.ws, 'Too much input before the terminal was ready.');
      return;
    }
    this.messages.push({ data, isBinary });
  };

  constructor(private readonly ws: WebSocket) {
    ws.on('message', this.listener);
  }

  /** Stops holding and hands over what was held, oldest first. */
  take(): ClientMessage[] {
    this.ws.off('message', this.listener);
    const messages = this.messages;
    this.messages = [];
    return messages;
  }
}
