import type { Logger } from './logger';

/**
 * The last resort. Every input path has its own error boundary; an exception that still escapes
 * (a bug in one request's handler or in a library callback) must cost that one request, not
 * every user's terminals and the whole dashboard: it is logged with its stack and the process
 * goes on.
 */
export function keepRunningOnStrayErrors(logger: Logger): void {
  process.on('uncaughtException', (error, origin) => {
    logger.error({ err: error, origin }, 'unexpected exception; the gateway carries on');
  });
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection; the gateway carries on');
  });
}
