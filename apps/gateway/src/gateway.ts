import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { Endpoint } from './endpoints/endpoint';
import { EndpointRegistry } from './endpoints/registry';
import { Transport } from './endpoints/transport';
import { createApp } from './http/app';
import type { Logger } from './logger';
import { closeServer, createHttpServer } from './server';

export interface Gateway {
  /** Where it listens, e.g. http://127.0.0.1:7420. */
  url: string;
  registry: EndpointRegistry;
  close(): Promise<void>;
}

/** Builds the whole gateway from a config and starts listening; used by main and by the tests. */
export async function startGateway(config: Config, logger: Logger): Promise<Gateway> {
  const registry = new EndpointRegistry(logger);
  registry.add(
    new Endpoint({
      id: 'local',
      name: config.demo ? 'demo engine' : 'local',
      transport: new Transport(config.dockerHost, config.tls),
      demo: config.demo,
    }),
  );
  const server = createHttpServer(createApp({ config, registry, logger }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  await registry.start();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    registry,
    close: async () => {
      registry.close();
      await closeServer(server);
    },
  };
}
