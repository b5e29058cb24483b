import type { Logger } from '../logger';
import type { Endpoint } from './endpoint';

/** The engines this gateway manages, checked in the background so a down one is known early. */
export class EndpointRegistry {
  private readonly endpoints = new Map<string, Endpoint>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly logger: Logger) {}

  add(endpoint: Endpoint): void {
    this.endpoints.set(endpoint.id, endpoint);
  }

  get(id: string): Endpoint | undefined {
    return this.endpoints.get(id);
  }

  list(): Endpoint[] {
    return [...this.endpoints.values()];
  }

  /** Checks every endpoint now and then every `intervalMs`; each check is independent. */
  start(intervalMs = 5000): Promise<void> {
    const checkAll = () =>
      Promise.all(
        this.list().map(async (endpoint) => {
          const before = endpoint.status;
          await endpoint.check();
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
    for (const endpoint of this.endpoints.values()) endpoint.transport.close();
  }
}
