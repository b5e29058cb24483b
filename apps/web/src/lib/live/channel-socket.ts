// The browser end of `berth.channel.v1` (DESIGN.md, docs/protocol.md), shared by the terminal
// and the log viewer: binary frames whose first byte is the channel. This part opens the socket
// with the protocol, decodes frames into output and status, and sends input, resizes and acks;
// each client keeps its own flow policy (when to ack) and its own reading of how it ended.
import {
  CHANNEL_PROTOCOL,
  Channel,
  decodeChannelFrame,
  encodeChannelFrame,
  parseControl,
  statusMessage,
} from '@berth/api';
import type { ChannelId, StatusMessage } from '@berth/api';

/** The part of the browser's WebSocket a channel client uses (tests pass a fake). */
export interface BinarySocket {
  binaryType: BinaryType;
  readonly readyState: number;
  send(data: ArrayBufferView<ArrayBuffer>): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export type CreateBinarySocket = (url: string, protocols: string[]) => BinarySocket;

export interface ChannelHandlers {
  onOpen?: () => void;
  /** Bytes of stream 1 (stdout) or 2 (stderr). */
  onOutput: (stream: 1 | 2, payload: Uint8Array) => void;
  /** A status frame (error, exit); undefined when it does not parse. */
  onStatus: (status: StatusMessage | undefined) => void;
  /** The socket closed, once: by the gateway, by a drop, or by `close()`. */
  onClose: (code: number) => void;
}

const OPEN = 1;

export class ChannelSocket {
  private readonly socket: BinarySocket;
  opened = false;
  closedByUs = false;
  ended = false;

  constructor(url: string, handlers: ChannelHandlers, createSocket?: CreateBinarySocket) {
    const create =
      createSocket ?? ((target, protocols) => new WebSocket(target, protocols) as BinarySocket);
    this.socket = create(url, [CHANNEL_PROTOCOL]);
    this.socket.binaryType = 'arraybuffer';
    this.socket.onopen = () => {
      this.opened = true;
      handlers.onOpen?.();
    };
    this.socket.onmessage = (event: MessageEvent) => {
      if (!(event.data instanceof ArrayBuffer)) return;
      const frame = decodeChannelFrame(new Uint8Array(event.data));
      if (!frame) return;
      if (frame.channel === Channel.stdout || frame.channel === Channel.stderr)
        handlers.onOutput(frame.channel, frame.payload);
      else if (frame.channel === Channel.status)
        handlers.onStatus(parseControl(statusMessage, frame.payload));
    };
    // An error is always followed by a close, which says how it ended.
    this.socket.onerror = () => undefined;
    this.socket.onclose = (event: CloseEvent) => {
      if (this.ended) return;
      this.ended = true;
      handlers.onClose(event.code);
    };
  }

  get isOpen(): boolean {
    return this.socket.readyState === OPEN && !this.ended;
  }

  /** One frame: bytes as they are, an object as JSON (resize, ack). Dropped unless open. */
  send(channel: ChannelId, payload: Uint8Array | object): boolean {
    if (!this.isOpen) return false;
    this.socket.send(encodeChannelFrame(channel, payload) as Uint8Array<ArrayBuffer>);
    return true;
  }

  /** Tells the gateway this many output bytes are processed, so it keeps sending. */
  ack(bytes: number): boolean {
    return bytes > 0 && this.send(Channel.ack, { bytes });
  }

  /** Closes the socket: ends an exec or a log stream, detaches from an attach. */
  close(): void {
    if (this.ended) return;
    this.closedByUs = true;
    this.socket.close(1000, 'closed by user');
  }
}
