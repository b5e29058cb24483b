import type { ClientRequest } from 'node:http';
import type { EngineEvent, EventsMessage, RawStats, StatsMessage, StatsSample } from '@berth/api';
import { JsonLines, computeStats } from '@berth/api';
import type { RawData, WebSocket } from 'ws';
import { z } from 'zod';
import type { Endpoint } from '../endpoints/endpoint';
import type { Logger } from '../logger';
import type { EventsHub } from './events-hub';

/** ~5 minutes at the engine's 1 Hz. */
const HISTORY = 300;
/** An upstream stays this long after its last viewer leaves (DESIGN: at most 10 s). */
const GRACE_MS = 5000;
const MAX_SUBSCRIPTIONS = 2000;

const request = z.object({
  type: z.enum(['subscribe', 'unsubscribe']),
  containers: z.array(z.string().min(1).max(200)).max(MAX_SUBSCRIPTIONS),
});

type Sink = (message: StatsMessage) => void;

/** One container's shared stats stream, its recent history and who is watching. */
class ContainerStats {
  readonly sinks = new Set<Sink>();
  readonly history: StatsSample[] = [];
  upstream: ClientRequest | null = null;
  private previous: RawStats | undefined;
  grace: NodeJS.Timeout | null = null;

  constructor(
    readonly key: string,
    private readonly endpoint: Endpoint,
  ) {}

  /** True when an engine event is about this container (subscribed by id, short id or name). */
  concerns(event: EngineEvent): boolean {
    return (
      event.Actor.ID === this.key ||
      event.Actor.ID.startsWith(this.key) ||
      event.Actor.Attributes.name === this.key
    );
  }

  open(): void {
    if (this.upstream) return;
    this.previous = undefined;
    // stream=1 explicitly: pouchd defaults to a single sample.
    const req = this.endpoint.transport.request({
      method: 'GET',
      path: this.endpoint.versionedPath(
        `/containers/${encodeURIComponent(this.key)}/stats?stream=1`,
      ),
    });
    this.upstream = req;
    const done = () => {
      if (this.upstream === req) this.upstream = null;
    };
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          done();
          let message = `The engine answered HTTP ${res.statusCode}`;
          try {
            message =
              (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { message?: string })
                .message ?? message;
          } catch {
            // keep the generic words
          }
          this.broadcast({ type: 'error', container: this.key, message });
        });
        return;
      }
      const lines = new JsonLines<RawStats>();
      res.on('data', (chunk: Buffer) => {
        for (const raw of lines.push(chunk)) this.sample(raw);
      });
      res.on('end', done);
      res.on('error', done);
    });
    req.on('error', done);
    req.end();
  }

  private sample(raw: RawStats): void {
    const sample = computeStats(raw, this.previous);
    this.previous = raw;
    this.history.push(sample);
    if (this.history.length > HISTORY) this.history.shift();
    this.broadcast({ type: 'stats', container: this.key, ...sample });
  }

  broadcast(message: StatsMessage): void {
    for (const sink of this.sinks) sink(message);
  }

  close(): void {
    const upstream = this.upstream;
    this.upstream = null;
    upstream?.destroy();
  }
}

/**
 * Shared stats streams for one endpoint: one upstream `/containers/{id}/stats` per container no
 * matter how many viewers, opened on the first subscriber and closed a short grace after the
 * last one leaves; reopened when the container starts again (from the events hub).
 */
export class StatsHub {
  private readonly streams = new Map<string, ContainerStats>();
  private unsubscribeEvents: (() => void) | null = null;

  constructor(
    readonly endpoint: Endpoint,
    private readonly events: EventsHub,
    private readonly logger: Logger,
  ) {}

  /** Open upstream stats streams (for berth_upstream_streams). */
  get upstreamCount(): number {
    let n = 0;
    for (const stream of this.streams.values()) if (stream.upstream) n++;
    return n;
  }

  subscribe(key: string, sink: Sink): void {
    let stream = this.streams.get(key);
    if (!stream) {
      stream = new ContainerStats(key, this.endpoint);
      this.streams.set(key, stream);
    }
    if (stream.grace) clearTimeout(stream.grace);
    stream.grace = null;
    stream.sinks.add(sink);
    if (stream.history.length)
      sink({ type: 'history', container: key, samples: [...stream.history] });
    stream.open();
    this.watchEvents();
  }

  unsubscribe(key: string, sink: Sink): void {
    const stream = this.streams.get(key);
    if (!stream || !stream.sinks.delete(sink) || stream.sinks.size > 0) return;
    stream.grace = setTimeout(() => {
      if (stream.sinks.size > 0) return;
      stream.close();
      this.streams.delete(key);
      if (this.streams.size === 0) this.unwatchEvents();
    }, GRACE_MS);
    stream.grace.unref();
  }

  /** Serves one browser socket: JSON subscribe/unsubscribe in, stats messages out. */
  attach(ws: WebSocket): void {
    const mine = new Set<string>();
    const sink: Sink = (message) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return;
      let parsed: z.infer<typeof request> | undefined;
      try {
        const result = request.safeParse(JSON.parse(String(data)));
        parsed = result.success ? result.data : undefined;
      } catch {
        parsed = undefined;
      }
      if (!parsed) {
        ws.send(
          JSON.stringify({
            type: 'error',
            container: '',
            message: 'Send {"type":"subscribe"|"unsubscribe","containers":[ids]}.',
          }),
        );
        return;
      }
      for (const key of parsed.containers) {
        if (parsed.type === 'subscribe' && !mine.has(key) && mine.size < MAX_SUBSCRIPTIONS) {
          mine.add(key);
          this.subscribe(key, sink);
        } else if (parsed.type === 'unsubscribe' && mine.delete(key)) {
          this.unsubscribe(key, sink);
        }
      }
    });
    const leave = () => {
      for (const key of mine) this.unsubscribe(key, sink);
      mine.clear();
    };
    ws.on('close', leave);
    ws.on('error', leave);
  }

  private watchEvents(): void {
    if (this.unsubscribeEvents) return;
    this.unsubscribeEvents = this.events.subscribe((message: EventsMessage) => {
      if (message.type !== 'event' || message.event.Type !== 'container') return;
      const { Action } = message.event;
      if (Action !== 'start' && Action !== 'die' && Action !== 'unpause') return;
      for (const stream of this.streams.values()) {
        if (!stream.concerns(message.event)) continue;
        if (Action === 'die') stream.close();
        else if (stream.sinks.size > 0) stream.open();
      }
    });
    this.logger.debug({ endpoint: this.endpoint.id }, 'stats hub follows events');
  }

  private unwatchEvents(): void {
    this.unsubscribeEvents?.();
    this.unsubscribeEvents = null;
  }

  close(): void {
    for (const stream of this.streams.values()) {
      if (stream.grace) clearTimeout(stream.grace);
      stream.close();
    }
    this.streams.clear();
    this.unwatchEvents();
  }
}
