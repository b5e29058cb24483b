// The browser side of `WS …/ws/logs` (berth.channel.v1): stdout and stderr bytes apart, a status
// on channel 3, and acks on channel 5 so the gateway keeps sending (it pauses at 1 MiB unacked).
import { FLOW } from '@berth/api';
import { ChannelSocket } from '@/lib/live/channel-socket';
import type { CreateBinarySocket } from '@/lib/live/channel-socket';

export type { BinarySocket } from '@/lib/live/channel-socket';

export type LogOutcome =
  /** The engine ended the stream: all lines read (no follow), or the container stopped. */
  | { kind: 'ended' }
  /** The gateway or engine refused, in its words (no such container, bad parameter). */
  | { kind: 'error'; message: string }
  /** The socket dropped or never opened. */
  | { kind: 'lost'; code: number; opened: boolean }
  /** We closed it. */
  | { kind: 'closed' };

export interface LogConnectionOptions {
  url: string;
  /** Output of stream 1 (stdout) or 2 (stderr), processed before returning (then acked). */
  onOutput: (stream: 1 | 2, payload: Uint8Array) => void;
  onOpen?: () => void;
  onEnd: (outcome: LogOutcome) => void;
  createSocket?: CreateBinarySocket;
  /** Ack when this much is processed (the protocol's number), and when output pauses. */
  ackEvery?: number;
  idleAckMs?: number;
}

export class LogConnection {
  private readonly channel: ChannelSocket;
  private sinceAck = 0;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private lastOutput = 0;
  private error: string | null = null;
  received = 0;

  constructor(private readonly options: LogConnectionOptions) {
    this.channel = new ChannelSocket(
      options.url,
      {
        onOpen: options.onOpen,
        onOutput: (stream, payload) => this.output(stream, payload),
        onStatus: (status) => {
          if (status?.type === 'error') this.error ??= status.message;
        },
        onClose: (code) => this.onClose(code),
      },
      options.createSocket,
    );
  }

  close(): void {
    this.channel.close();
  }

  private output(stream: 1 | 2, payload: Uint8Array): void {
    const size = payload.length;
    this.received += size;
    this.options.onOutput(stream, payload);
    this.sinceAck += size;
    if (this.sinceAck >= (this.options.ackEvery ?? FLOW.ackEvery)) this.ack();
    else this.ackWhenIdle();
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
    if (this.channel.ack(this.sinceAck)) this.sinceAck = 0;
  }

  private onClose(code: number): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const { opened, closedByUs } = this.channel;
    let outcome: LogOutcome;
    if (this.error) outcome = { kind: 'error', message: this.error };
    else if (closedByUs) outcome = { kind: 'closed' };
    else if (opened && code === 1000) outcome = { kind: 'ended' };
    else outcome = { kind: 'lost', code, opened };
    this.options.onEnd(outcome);
  }
}
