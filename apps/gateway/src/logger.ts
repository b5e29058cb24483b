import { pino } from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    // Never log credentials that may ride on headers or bodies.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-registry-auth"]'],
  });
}
