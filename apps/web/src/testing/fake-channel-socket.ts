// A stand-in for the browser's WebSocket speaking berth.channel.v1 in unit tests: records the
// frames the client sends and lets the test open it, send it frames and close it.
import { Channel, decodeChannelFrame, encodeChannelFrame } from '@berth/api';
import type { ChannelFrame, ChannelId } from '@berth/api';
import type { BinarySocket } from '@/lib/live/channel-socket';

export class FakeChannelSocket implements BinarySocket {
  binaryType: BinaryType = 'blob';
  readyState = 0;
  sent: Uint8Array[] = [];
  closedWith: { code?: number; reason?: string } | null = null;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {}

  send(data: ArrayBufferView<ArrayBuffer>): void {
    this.sent.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice());
  }

  /** The client closed it (the browser then reports the close). */
  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
    this.readyState = 3;
    this.onclose?.(new CloseEvent('close', { code: code ?? 1005, reason: reason ?? '' }));
  }

  /** Test side: the gateway accepted. */
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  /** Test side: one frame from the gateway (bytes as they are, an object as JSON). */
  receive(channel: ChannelId, payload: string | Uint8Array | object): void {
    const body = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
    // Bytes are copied into this realm's Uint8Array: jsdom's TextEncoder answers with another
    // realm's, which the frame encoder would take for a JSON object.
    const frame = encodeChannelFrame(
      channel,
      ArrayBuffer.isView(body) ? new Uint8Array(body as Uint8Array) : body,
    );
    this.onmessage?.(new MessageEvent('message', { data: frame.slice().buffer }));
  }

  /** Test side: the gateway (or the network) closed it. */
  serverClose(code: number): void {
    this.readyState = 3;
    this.onclose?.(new CloseEvent('close', { code }));
  }

  /** The frames the client sent on one channel. */
  frames(channel: number): ChannelFrame[] {
    return this.sent
      .map((frame) => decodeChannelFrame(frame))
      .filter((frame): frame is ChannelFrame => frame?.channel === channel);
  }

  /** The JSON bodies the client sent on one channel (resize, ack). */
  json(channel: number): unknown[] {
    return this.frames(channel).map((f) => JSON.parse(new TextDecoder().decode(f.payload)));
  }

  /** The byte counts of the client's acks. */
  acks(): number[] {
    return (this.json(Channel.ack) as Array<{ bytes: number }>).map((ack) => ack.bytes);
  }
}
