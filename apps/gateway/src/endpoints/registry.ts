import type { Logger } from '../logger';
import type { Endpoint } from './endpoint';

/** The engines this gateway manages, checked in the background so a down one is known early. */
export class EndpointRegistry {
  private readonly endpoints = new Map<string, Endpoint>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly logger: Logger) {}

  private readonly removeListeners = new Set<(id: string) => void>();

  /** Adds (or replaces) an endpoint; once checks run, it is checked right away. */
  add(endpoint: Endpoint): void {
    const previous = this.endpoints.get(endpoint.id);
    if (previous) this.remove(previous.id);
    this.endpoints.set(endpoint.id, endpoint);
    if (this.timer) void endpoint.check();
  }

  /** Removes an endpoint: its connections close and its live hubs are told to go. */
  remove(id: string): boolean {
    const endpoint = this.endpoints.get(id);
    if (!endpoint) return false;
    this.endpoints.delete(id);
    for (const listener of this.removeListeners) listener(id);
    endpoint.close();
    return true;
  }

  onRemove(listener: (id: string) => void): void {
    this.removeListeners.add(listener);
  }

  get(id: string): Endpoint | undefined {
    return this.endpoints.get(id);
  }

  list(): Endpoint[] {
    return [...this.endpoints.values()];
  }

  /** Checks every endpoint now and then every `intervalMs`; each check is independent. */
  start(intervalMs = 2000): Promise<void> {
    const checkAll = () =>
      Promise.all(
        this.list().map(async (endpoint) => {
          const before = endpoint.status;
          const via = endpoint.transport.url;
          await endpoint.check();
          if (endpoint.transport.url !== via) {
            this.logger.warn(
              { endpoint: endpoint.id, from: via, to: endpoint.transport.url },
              `endpoint ${endpoint.id} failed over to ${endpoint.transport.url}`,
            );
          }
          if (endpoint.status !== before) {
            const log =
              endpoint.status === 'up'
                ? this.logger.info.bind(this.logger)
                : this.logger.warn.bind(this.logger);
            log(
              {
                endpoint: endpoint.id,
                status: endpoint.status,
                apiVersion: endpoint.apiVersion,
                kind: endpoint.kind,
                error: endpoint.error ?? undefined,
              },
              `endpoint ${endpoint.id} is ${endpoint.status}`,
            );
          }
        }),
      ).then(() => undefined);
    this.timer = setInterval(() => void checkAll(), intervalMs);
    this.timer.unref();
    return checkAll();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    for (const endpoint of this.endpoints.values()) endpoint.close();
  }
}
