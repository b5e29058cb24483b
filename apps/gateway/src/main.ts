import { ConfigError, loadConfig, type Config } from './config';
import { startGateway } from './gateway';
import { createLogger } from './logger';
import { keepRunningOnStrayErrors } from './process-guard';
import { BERTH_VERSION } from './version';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`berth: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

async function main() {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  keepRunningOnStrayErrors(logger);
  const gateway = await startGateway(config, logger).catch((error: NodeJS.ErrnoException) => {
    const why =
      error.code === 'EADDRINUSE'
        ? `port ${config.port} on ${config.host} is already in use (set PORT to another one)`
        : error.message;
    process.stderr.write(`berth: cannot listen: ${why}\n`);
    process.exit(1);
  });
  logger.info(
    { version: BERTH_VERSION, engine: config.dockerHost, demo: config.demo },
    `Berth listening on ${gateway.url}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    await gateway.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

void main();
