// A minimal berth.channel.v1 client for tests and benchmarks (what a script would write).
import {
  CHANNEL_PROTOCOL,
  Channel,
  decodeChannelFrame,
  encodeChannelFrame,
  type StatusMessage,
} from '@berth/api';
import WebSocket from 'ws';

export interface TerminalClient {
  ws: WebSocket;
  /** Bytes received per channel (1 stdout, 2 stderr). */
  out: Record<1 | 2, Buffer[]>;
  received: number;
  text(channel?: 1 | 2): string;
  /** The first status message (an error comes before the exit code it caused). */
  status: Promise<StatusMessage | undefined>;
  statuses: StatusMessage[];
  closed: Promise<{ code: number; reason: string }>;
  send(text: string | Buffer): void;
  resize(cols: number, rows: number): void;
  ack(bytes: number): void;
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
}

export function openTerminal(
  url: string,
  headers: Record<string, string>,
  options: { autoAck?: boolean } = {},
): Promise<TerminalClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, [CHANNEL_PROTOCOL], { headers, maxPayload: 64 * 1024 * 1024 });
    const out: TerminalClient['out'] = { 1: [], 2: [] };
    let resolveStatus: (s: StatusMessage | undefined) => void = () => undefined;
    const status = new Promise<StatusMessage | undefined>((r) => (resolveStatus = r));
    const closed = new Promise<{ code: number; reason: string }>((r) =>
      ws.on('close', (code, reason) => {
        resolveStatus(undefined);
        r({ code, reason: reason.toString() });
      }),
    );
    const client: TerminalClient = {
      ws,
      out,
      received: 0,
      text: (channel = 1) => Buffer.concat(out[channel]).toString('utf8'),
      status,
      statuses: [],
      closed,
      send: (text) =>
        ws.send(
          encodeChannelFrame(Channel.stdin, typeof text === 'string' ? Buffer.from(text) : text),
        ),
      resize: (cols, rows) => ws.send(encodeChannelFrame(Channel.resize, { cols, rows })),
      ack: (bytes) => ws.send(encodeChannelFrame(Channel.ack, { bytes })),
      waitFor: (predicate, timeoutMs = 10_000) =>
        new Promise((done, fail) => {
          const started = Date.now();
          const tick = () => {
            if (predicate()) return done();
            if (Date.now() - started > timeoutMs)
              return fail(
                new Error(
                  `timed out; stdout so far: ${JSON.stringify(client.text(1).slice(-300))}`,
                ),
              );
            setTimeout(tick, 10);
          };
          tick();
        }),
    };
    ws.on('message', (data: Buffer) => {
      const frame = decodeChannelFrame(data);
      if (!frame) return;
      if (frame.channel === Channel.status) {
        const message = JSON.parse(Buffer.from(frame.payload).toString('utf8')) as StatusMessage;
        client.statuses.push(message);
        resolveStatus(message);
      } else if (frame.channel === Channel.stdout || frame.channel === Channel.stderr) {
        const payload = Buffer.from(frame.payload);
        out[frame.channel as 1 | 2].push(payload);
        client.received += frame.payload.length;
        // Like a real terminal, answer "where is the cursor?" (busybox ash asks before reading input).
        if (payload.includes('\x1b[6n')) client.send('\x1b[1;1R');
        if (options.autoAck !== false) client.ack(frame.payload.length);
      }
    });
    ws.on('open', () => resolve(client));
    ws.on('unexpected-response', (_req, res) =>
      reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)),
    );
    ws.on('error', reject);
  });
}
