import type { Endpoint } from '../endpoints/endpoint';
import type { EndpointRegistry } from '../endpoints/registry';
import type { Logger } from '../logger';
import type { StreamCount } from '../metrics';
import { EngineModel } from '../model/engine-model';
import { EventsHub } from './events-hub';
import { StatsHub } from './stats-hub';

interface Hubs {
  events: EventsHub;
  stats: StatsHub;
  model: EngineModel;
}

/** The live hubs of every endpoint, made on first use and closed when the endpoint goes. */
export class LiveHubs {
  private readonly hubs = new Map<string, Hubs>();

  constructor(
    registry: EndpointRegistry,
    private readonly logger: Logger,
  ) {
    registry.onRemove((id) => this.drop(id));
  }

  for(endpoint: Endpoint): Hubs {
    let hubs = this.hubs.get(endpoint.id);
    if (!hubs || hubs.events.endpoint !== endpoint) {
      if (hubs) this.drop(endpoint.id);
      const events = new EventsHub(endpoint, this.logger);
      hubs = {
        events,
        stats: new StatsHub(endpoint, events, this.logger),
        model: new EngineModel(endpoint, events, this.logger),
      };
      this.hubs.set(endpoint.id, hubs);
    }
    return hubs;
  }

  /** Open engine streams per endpoint, for berth_upstream_streams. */
  counts(): StreamCount[] {
    return [...this.hubs.entries()].flatMap(([endpoint, { events, stats }]) => [
      { endpoint, kind: 'events' as const, count: events.upstreamOpen ? 1 : 0 },
      { endpoint, kind: 'stats' as const, count: stats.upstreamCount },
    ]);
  }

  private drop(id: string): void {
    const hubs = this.hubs.get(id);
    if (!hubs) return;
    hubs.model.close();
    hubs.stats.close();
    hubs.events.close();
    this.hubs.delete(id);
  }

  close(): void {
    for (const id of [...this.hubs.keys()]) this.drop(id);
  }
}
