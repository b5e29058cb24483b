// A browser client of `berth.channel.v1` (DESIGN.md, docs/protocol.md): binary frames whose first
// byte is the channel. Output goes to a sink (the terminal) and is acknowledged only once the sink
// has written it, so a flooding process is held back by the gateway instead of piling up in
// xterm.js's write buffer (xterm.js's flow-control guide, with the protocol's fixed numbers).
import { Channel, FLOW } from '@berth/api';
import type { StatusMessage } from '@berth/api';
import { ChannelSocket } from '@/lib/live/channel-socket';
import type { BinarySocket, CreateBinarySocket } from '@/lib/live/channel-socket';

/** How a session ended, as the panel explains it. */
export type TerminalOutcome =
  /** The process exited (exec), or the main process did (attach). */
  | { kind: 'exit'; exitCode: number | null }
  /**
   * The engine or gateway refused, with its own words (container not running, paused, no such
   * command); a command that could not start also has its exit code (126, 127).
   */
  | { kind: 'error'; message: string; exitCode?: number | null }
  /** We closed it: Detach, Disconnect, or the panel went away. */
  | { kind: 'closed' }
  /** The gateway closed cleanly without a status: the stream ended (detach keys on attach). */
  | { kind: 'ended' }
  /** The socket dropped, or never opened (gateway down, session expired, role refused). */
  | { kind: 'lost'; code: number; opened: boolean };

export interface OutputSink {
  /** Writes output; calls `done` once it has been processed (xterm.js's write callback). */
  write(data: Uint8Array, done: () => void): void;
}

/** The socket a terminal runs on (tests pass a fake). */
export type SocketLike = BinarySocket;

export interface TerminalConnectionOptions {
  url: string;
  sink: OutputSink;
  onOpen?: () => void;
  onEnd: (outcome: TerminalOutcome) => void;
  /** Acknowledge at least this often (bytes written); the protocol's number by default. */
  ackEvery?: number;
  /** Stdin is sent in frames of at most this many bytes (large pastes). */
  inputChunk?: number;
  createSocket?: CreateBinarySocket;
}

/** The gateway takes far larger frames; smaller ones keep one paste from hogging the socket. */
export const INPUT_CHUNK = 256 * 1024;
/** Typing and pastes held while the socket opens, at most this much (the gateway's own limit). */
export const EARLY_INPUT_LIMIT = 1024 * 1024;

const encoder = new TextEncoder();

export class TerminalConnection {
  private readonly channel: ChannelSocket;
  private readonly ackEvery: number;
  private readonly inputChunk: number;
  /** Output handed to the sink and not yet written by it. */
  private pending = 0;
  /** Written by the sink since the last ack. */
  private writtenSinceAck = 0;
  private exit: Extract<StatusMessage, { type: 'exit' }> | undefined;
  private error: Extract<StatusMessage, { type: 'error' }> | undefined;
  private lastSize = '';
  /** Input from before the socket opened (xterm.js answers queries at once, people type). */
  private early: Uint8Array[] = [];
  private earlyBytes = 0;

  /** Total output bytes received and acknowledged, for the curious (and tests). */
  received = 0;
  acknowledged = 0;

  constructor(private readonly options: TerminalConnectionOptions) {
    this.ackEvery = options.ackEvery ?? FLOW.ackEvery;
    this.inputChunk = options.inputChunk ?? INPUT_CHUNK;
    this.channel = new ChannelSocket(
      options.url,
      {
        onOpen: () => {
          this.flushEarlyInput();
          options.onOpen?.();
        },
        onOutput: (_stream, payload) => this.output(payload),
        // Several may come: an error (a command that could not start), then its exit code.
        onStatus: (status) => {
          const known = status ?? {
            type: 'error' as const,
            message: 'The gateway sent a status this page does not understand.',
          };
          if (known.type === 'exit') this.exit = known;
          else this.error ??= known;
        },
        onClose: (code) => options.onEnd(this.outcome(code)),
      },
      options.createSocket,
    );
  }

  get isOpen(): boolean {
    return this.channel.isOpen;
  }

  /** Keyboard input and pastes (xterm.js `onData`): UTF-8, in frames of at most `inputChunk`. */
  sendText(text: string): void {
    const encoded = encoder.encode(text);
    // A view of this realm's Uint8Array (jsdom's TextEncoder answers with another realm's, which
    // `instanceof` in the frame encoder would not recognise); no copy.
    this.sendInput(new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.byteLength));
  }

  /** xterm.js `onBinary` (some mouse reports): one byte per character. */
  sendBinary(data: string): void {
    const bytes = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) bytes[i] = data.charCodeAt(i) & 0xff;
    this.sendInput(bytes);
  }

  private sendInput(bytes: Uint8Array): void {
    if (!this.channel.opened && !this.channel.ended) {
      if (this.earlyBytes + bytes.length > EARLY_INPUT_LIMIT) return;
      this.early.push(bytes.slice());
      this.earlyBytes += bytes.length;
      return;
    }
    for (let offset = 0; offset < bytes.length; offset += this.inputChunk) {
      if (!this.channel.send(Channel.stdin, bytes.subarray(offset, offset + this.inputChunk)))
        return;
    }
  }

  /** Sends what was typed before the socket opened, in order. */
  private flushEarlyInput(): void {
    const early = this.early;
    this.early = [];
    this.earlyBytes = 0;
    for (const bytes of early) this.sendInput(bytes);
  }

  /** Tells the process its window size; repeated sizes are not sent again. */
  resize(cols: number, rows: number): void {
    if (!this.isOpen || cols < 1 || rows < 1) return;
    const key = `${cols}x${rows}`;
    if (key === this.lastSize) return;
    this.lastSize = key;
    this.channel.send(Channel.resize, { cols, rows });
  }

  /** The size the URL already asked for, so the first resize after opening is not repeated. */
  assumeSize(cols: number, rows: number): void {
    this.lastSize = `${cols}x${rows}`;
  }

  /** Closes the socket: ends an exec, detaches from an attach. */
  close(): void {
    this.channel.close();
  }

  private output(payload: Uint8Array): void {
    const size = payload.length;
    if (size === 0) return;
    this.received += size;
    this.pending += size;
    this.options.sink.write(payload, () => {
      this.pending -= size;
      this.writtenSinceAck += size;
      // Ack in steps while output streams, and the rest as soon as the terminal has caught up.
      if (this.writtenSinceAck >= this.ackEvery || this.pending === 0) this.ack();
    });
  }

  private ack(): void {
    const bytes = this.writtenSinceAck;
    if (!this.channel.ack(bytes)) return;
    this.writtenSinceAck = 0;
    this.acknowledged += bytes;
  }

  private outcome(code: number): TerminalOutcome {
    const { opened, closedByUs } = this.channel;
    if (this.error) {
      return this.exit
        ? { kind: 'error', message: this.error.message, exitCode: this.exit.exitCode }
        : { kind: 'error', message: this.error.message };
    }
    if (this.exit) return { kind: 'exit', exitCode: this.exit.exitCode };
    if (closedByUs) return { kind: 'closed' };
    if (opened && code === 1000) return { kind: 'ended' };
    return { kind: 'lost', code, opened };
  }
}
