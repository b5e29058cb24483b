import { z } from 'zod';

// `berth.channel.v1`: every message is a binary websocket frame whose first byte is the channel
// (after Kubernetes' channel.k8s.io). See docs/protocol.md.

export const CHANNEL_PROTOCOL = 'berth.channel.v1';

export const Channel = {
  stdin: 0,
  stdout: 1,
  stderr: 2,
  status: 3,
  resize: 4,
  ack: 5,
} as const;
export type ChannelId = (typeof Channel)[keyof typeof Channel];

/** Flow control numbers every client and the gateway agree on (DESIGN.md). */
export const FLOW = {
  /** A client acks at least this often (bytes written to its terminal), and when output stops. */
  ackEvery: 64 * 1024,
  /** The gateway pauses the engine while this much output is unacknowledged (or buffered). */
  highWater: 1024 * 1024,
  /** ... and resumes below this. */
  lowWater: 512 * 1024,
} as const;

export const statusMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('exit'), exitCode: z.number().int().nullable() }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type StatusMessage = z.infer<typeof statusMessage>;

export const resizeMessage = z.object({
  cols: z.number().int().min(1).max(1000),
  rows: z.number().int().min(1).max(1000),
});
export type ResizeMessage = z.infer<typeof resizeMessage>;

export const ackMessage = z.object({ bytes: z.number().int().min(0) });
export type AckMessage = z.infer<typeof ackMessage>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** One frame: the channel byte, then the payload (bytes as they are, or JSON for control). */
export function encodeChannelFrame(channel: ChannelId, payload: Uint8Array | object): Uint8Array {
  const body = payload instanceof Uint8Array ? payload : encoder.encode(JSON.stringify(payload));
  const frame = new Uint8Array(body.length + 1);
  frame[0] = channel;
  frame.set(body, 1);
  return frame;
}

export interface ChannelFrame {
  channel: number;
  payload: Uint8Array;
}

export function decodeChannelFrame(frame: Uint8Array): ChannelFrame | undefined {
  if (frame.length === 0) return undefined;
  return { channel: frame[0] ?? -1, payload: frame.subarray(1) };
}

/** Parses a control payload (status, resize, ack) with its schema; undefined when malformed. */
export function parseControl<T>(schema: z.ZodType<T>, payload: Uint8Array): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(decoder.decode(payload)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
