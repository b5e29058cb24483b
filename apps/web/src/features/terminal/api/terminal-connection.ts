// A browser client of `berth.channel.v1` (DESIGN.md, docs/protocol.md): binary frames whose first
// byte is the channel. Output goes to a sink (the terminal) and is acknowledged only once the sink
// has written it, so a flooding process is held back by the gateway instead of piling up in
// xterm.js's write buffer (xterm.js's flow-control guide, with the protocol's fixed numbers).
import {
  CHANNEL_PROTOCOL,
  Channel,
  FLOW,
  decodeChannelFrame,
  encodeChannelFrame,
  parseControl,
  statusMessage,
} from '@berth/api';
import type { StatusMessage } from '@berth/api';

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

/** The part of the browser's WebSocket this client uses (tests pass a fake). */
export interface SocketLike {
  binaryType: BinaryType;
  readonly readyState: number;
  send(data: ArrayBufferView<ArrayBuffer>): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export interface TerminalConnectionOptions {
  url: string;
  sink: OutputSink;
  onOpen?: () => void;
  onEnd: (outcome: TerminalOutcome) => void;
  /** Acknowledge at least this often (bytes written); the protocol's number by default. */
  ackEvery?: number;
  /** Stdin is sent in frames of at most this many bytes (large pastes). */
  inputChunk?: number;
  createSocket?: (url: string, protocols: string[]) => SocketLike;
}

const OPEN = 1;
/** The gateway takes far larger frames; smaller ones keep one paste from hogging the socket. */
export const INPUT_CHUNK = 256 * 1024;

const encoder = new TextEncoder();

export class TerminalConnection {
  private readonly socket: SocketLike;
  private readonly ackEvery: number;
  private readonly inputChunk: number;
  /** Output handed to the sink and not yet written by it. */
  private pending = 0;
  /** Written by the sink since the last ack. */
  private writtenSinceAck = 0;
  private exit: Extract<StatusMessage, { type: 'exit' }> | undefined;
  private error: Extract<StatusMessage, { type: 'error' }> | undefined;
  private closedByUs = false;
  private opened = false;
  private ended = false;
  private lastSize = '';

  /** Total output bytes received and acknowledged, for the curious (and tests). */
  received = 0;
  acknowledged = 0;

  constructor(private readonly options: TerminalConnectionOptions) {
    this.ackEvery = options.ackEvery ?? FLOW.ackEvery;
    this.inputChunk = options.inputChunk ?? INPUT_CHUNK;
    const create =
      options.createSocket ?? ((url, protocols) => new WebSocket(url, protocols) as SocketLike);
    this.socket = create(options.url, [CHANNEL_PROTOCOL]);
    this.socket.binaryType = 'arraybuffer';
    this.socket.onopen = () => {
      this.opened = true;
      options.onOpen?.();
    };
    this.socket.onmessage = (event) => this.onMessage(event);
    this.socket.onclose = (event) => this.onClose(event);
    // An error is always followed by a close, which says how it ended.
    this.socket.onerror = () => undefined;
  }

  get isOpen(): boolean {
    return this.socket.readyState === OPEN && !this.ended;
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
    if (!this.isOpen) return;
    for (let offset = 0; offset < bytes.length; offset += this.inputChunk) {
      this.send(
        encodeChannelFrame(Channel.stdin, bytes.subarray(offset, offset + this.inputChunk)),
      );
    }
  }

  /** Tells the process its window size; repeated sizes are not sent again. */
  resize(cols: number, rows: number): void {
    if (!this.isOpen || cols < 1 || rows < 1) return;
    const key = `${cols}x${rows}`;
    if (key === this.lastSize) return;
    this.lastSize = key;
    this.send(encodeChannelFrame(Channel.resize, { cols, rows }));
  }

  /** The size the URL already asked for, so the first resize after opening is not repeated. */
  assumeSize(cols: number, rows: number): void {
    this.lastSize = `${cols}x${rows}`;
  }

  /** Closes the socket: ends an exec, detaches from an attach. */
  close(): void {
    if (this.ended) return;
    this.closedByUs = true;
    this.socket.close(1000, 'closed by user');
  }

  private send(frame: Uint8Array): void {
    this.socket.send(frame as Uint8Array<ArrayBuffer>);
  }

  private onMessage(event: MessageEvent): void {
    if (!(event.data instanceof ArrayBuffer)) return;
    const frame = decodeChannelFrame(new Uint8Array(event.data));
    if (!frame) return;
    if (frame.channel === Channel.stdout || frame.channel === Channel.stderr) {
      this.output(frame.payload);
    } else if (frame.channel === Channel.status) {
      // Several may come: an error (a command that could not start), then its exit code.
      const status = parseControl(statusMessage, frame.payload) ?? {
        type: 'error',
        message: 'The gateway sent a status this page does not understand.',
      };
      if (status.type === 'exit') this.exit = status;
      else this.error ??= status;
    }
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
    if (bytes === 0 || this.socket.readyState !== OPEN) return;
    this.writtenSinceAck = 0;
    this.acknowledged += bytes;
    this.send(encodeChannelFrame(Channel.ack, { bytes }));
  }

  private onClose(event: CloseEvent): void {
    if (this.ended) return;
    this.ended = true;
    this.options.onEnd(this.outcome(event));
  }

  private outcome(event: CloseEvent): TerminalOutcome {
    if (this.error) {
      return this.exit
        ? { kind: 'error', message: this.error.message, exitCode: this.exit.exitCode }
        : { kind: 'error', message: this.error.message };
    }
    if (this.exit) return { kind: 'exit', exitCode: this.exit.exitCode };
    if (this.closedByUs) return { kind: 'closed' };
    if (this.opened && event.code === 1000) return { kind: 'ended' };
    return { kind: 'lost', code: event.code, opened: this.opened };
  }
}
