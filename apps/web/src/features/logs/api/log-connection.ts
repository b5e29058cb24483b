// The browser side of `WS …/ws/logs` (berth.channel.v1): stdout and stderr bytes apart, a status
// on channel 3, and acks on channel 5 so the gateway keeps sending (it pauses at 1 MiB unacked).
import {
  CHANNEL_PROTOCOL,
  Channel,
  FLOW,
  decodeChannelFrame,
  encodeChannelFrame,
  parseControl,
  statusMessage,
} from '@berth/api';

export type LogOutcome =
  /** The engine ended the stream: all lines read (no follow), or the container stopped. */
  | { kind: 'ended' }
  /** The gateway or engine refused, in its words (no such container, bad parameter). */
  | { kind: 'error'; message: string }
  /** The socket dropped or never opened. */
  | { kind: 'lost'; code: number; opened: boolean }
  /** We closed it. */
  | { kind: 'closed' };

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

export interface LogConnectionOptions {
  url: string;
  /** Output of stream 1 (stdout) or 2 (stderr), processed before returning (then acked). */
  onOutput: (stream: 1 | 2, payload: Uint8Array) => void;
  onOpen?: () => void;
  onEnd: (outcome: LogOutcome) => void;
  createSocket?: (url: string, protocols: string[]) => BinarySocket;
  /** Ack when this much is processed (the protocol's number), and when output pauses. */
  ackEvery?: number;
  idleAckMs?: number;
}

const OPEN = 1;

export class LogConnection {
  private readonly socket: BinarySocket;
  private sinceAck = 0;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private lastOutput = 0;
  private error: string | null = null;
  private opened = false;
  private closedByUs = false;
  private ended = false;
  received = 0;

  constructor(private readonly options: LogConnectionOptions) {
    const create =
      options.createSocket ?? ((url, protocols) => new WebSocket(url, protocols) as BinarySocket);
    this.socket = create(options.url, [CHANNEL_PROTOCOL]);
    this.socket.binaryType = 'arraybuffer';
    this.socket.onopen = () => {
      this.opened = true;
      options.onOpen?.();
    };
    this.socket.onmessage = (event) => this.onMessage(event);
    this.socket.onerror = () => undefined;
    this.socket.onclose = (event) => this.onClose(event);
  }

  close(): void {
    if (this.ended) return;
    this.closedByUs = true;
    this.socket.close(1000, 'closed by user');
  }

  private onMessage(event: MessageEvent): void {
    if (!(event.data instanceof ArrayBuffer)) return;
    const frame = decodeChannelFrame(new Uint8Array(event.data));
    if (!frame) return;
    if (frame.channel === Channel.stdout || frame.channel === Channel.stderr) {
      const size = frame.payload.length;
      this.received += size;
      this.options.onOutput(frame.channel, frame.payload);
      this.sinceAck += size;
      if (this.sinceAck >= (this.options.ackEvery ?? FLOW.ackEvery)) this.ack();
      else this.ackWhenIdle();
    } else if (frame.channel === Channel.status) {
      const status = parseControl(statusMessage, frame.payload);
      if (status?.type === 'error') this.error ??= status.message;
    }
  }

  /**
   * Acks the rest once output pauses. One timer for a whole burst, not one per message: a log
   * comes as a message per line, and a timer each costs more than the line.
   */
  private ackWhenIdle(): void {
    this.lastOutput = performance.now();
    if (this.idleTimer) return;
    const idle = this.options.idleAckMs ?? 30;
    const check = () => {
      const quiet = performance.now() - this.lastOutput;
      if (quiet >= idle) {
        this.idleTimer = null;
        this.ack();
      } else {
        this.idleTimer = setTimeout(check, idle - quiet);
      }
    };
    this.idleTimer = setTimeout(check, idle);
  }

  private ack(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const bytes = this.sinceAck;
    if (bytes === 0 || this.socket.readyState !== OPEN) return;
    this.sinceAck = 0;
    this.socket.send(encodeChannelFrame(Channel.ack, { bytes }) as Uint8Array<ArrayBuffer>);
  }

  private onClose(event: CloseEvent): void {
    if (this.ended) return;
    this.ended = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    let outcome: LogOutcome;
    if (this.error) outcome = { kind: 'error', message: this.error };
    else if (this.closedByUs) outcome = { kind: 'closed' };
    else if (this.opened && event.code === 1000) outcome = { kind: 'ended' };
    else outcome = { kind: 'lost', code: event.code, opened: this.opened };
    this.options.onEnd(outcome);
  }
}
