import { ConfigError, loadConfig } from './config';
import { Endpoint } from './endpoints/endpoint';
import { EndpointRegistry } from './endpoints/registry';
import { Transport } from './endpoints/transport';
import { createApp } from './http/app';
import { createLogger } from './logger';
import { closeServer, createHttpServer } from './server';
import { BERTH_VERSION } from './version';

function start() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`berth: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
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

  server.on('error', (error: NodeJS.ErrnoException) => {
    const why =
      error.code === 'EADDRINUSE'
        ? `port ${config.port} on ${config.host} is already in use (set PORT)`
        : error.message;
    logger.fatal(`cannot listen: ${why}`);
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    logger.info(
      {
        version: BERTH_VERSION,
        url: `http://${config.host}:${config.port}`,
        engine: config.dockerHost,
      },
      `Berth listening on http://${config.host}:${config.port}`,
    );
  });
  void registry.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    registry.close();
    await closeServer(server);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

start();
