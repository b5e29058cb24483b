import type { RequestHandler } from 'express';
import type { Logger } from '../logger';

/** One line per request at debug level (info for failures); no headers or bodies, so no secrets. */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const line = {
        method: req.method,
        url: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms,
      };
      if (res.statusCode >= 500) logger.warn(line, 'request failed');
      else logger.debug(line, 'request');
    });
    next();
  };
}
