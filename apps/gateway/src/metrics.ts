import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type StreamKind = 'stats' | 'events' | 'logs' | 'exec' | 'attach';

/** Prometheus metrics of one gateway (own registry, so tests can run several gateways). */
export interface StreamCount {
  endpoint: string;
  kind: StreamKind;
  count: number;
}

export class Metrics {
  readonly registry = new Registry();
  /** Hubs report their open engine streams when the gauge is read, so it never drifts. */
  private readonly streamSources: Array<() => StreamCount[]> = [];
  readonly upstreamStreams = new Gauge({
    name: 'berth_upstream_streams',
    help: 'Open streams from the gateway to engines',
    labelNames: ['endpoint', 'kind'] as const,
    registers: [this.registry],
    collect: () => {
      this.upstreamStreams.reset();
      for (const source of this.streamSources) {
        for (const { endpoint, kind, count } of source())
          this.upstreamStreams.inc({ endpoint, kind }, count);
      }
    },
  });
  readonly wsClients = new Gauge({
    name: 'berth_ws_clients',
    help: 'Open browser websockets',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'berth_http_request_duration_seconds',
    help: 'Duration of HTTP requests answered by the gateway (streams count until they end)',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly auditDenials = new Counter({
    name: 'berth_denied_requests_total',
    help: 'Requests refused by authentication, role or policy',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'berth_' });
  }

  countStreams(source: () => StreamCount[]): void {
    this.streamSources.push(source);
  }

  /** Times every request; the route label is coarse (no ids) to keep cardinality low. */
  timer(): RequestHandler {
    return (req, res, next) => {
      const end = this.httpDuration.startTimer({ method: req.method });
      res.on('close', () =>
        end({ route: routeLabel(req.originalUrl), status: String(res.statusCode) }),
      );
      next();
    };
  }

  handler(): RequestHandler {
    return async (_req, res) => {
      res.setHeader('Content-Type', this.registry.contentType);
      res.send(await this.registry.metrics());
    };
  }
}

function routeLabel(url: string): string {
  const path = url.split('?')[0] ?? '/';
  if (path.startsWith('/api/endpoints/')) {
    const rest = path.split('/').slice(4);
    return rest[0] === 'docker' ? `relay:${rest[1] ?? ''}` : `endpoint:${rest[0] ?? ''}`;
  }
  if (path.startsWith('/api/')) return path.split('/').slice(0, 3).join('/');
  return path === '/metrics' ? '/metrics' : 'static';
}

/** Open engine streams by endpoint and kind, for hubs without a state of their own to report. */
export class StreamTally {
  private readonly open_ = new Map<string, StreamCount>();

  open(endpoint: string, kind: StreamKind): () => void {
    const key = `${endpoint}\u0000${kind}`;
    const entry = this.open_.get(key) ?? { endpoint, kind, count: 0 };
    entry.count++;
    this.open_.set(key, entry);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      entry.count--;
    };
  }

  counts(): StreamCount[] {
    return [...this.open_.values()];
  }
}
