import type { Health } from '@berth/api';
import express, { type Express } from 'express';
import type { Config } from '../config';
import type { EndpointRegistry } from '../endpoints/registry';
import type { Logger } from '../logger';
import { createRelay } from '../relay/relay';
import { BERTH_VERSION } from '../version';
import { errorHandler, notFound } from './errors';
import { requestLog } from './request-log';
import { spa } from './static';

export interface AppDeps {
  config: Pick<Config, 'staticDir'>;
  registry: EndpointRegistry;
  logger: Logger;
}

export function createApp({ config, registry, logger }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', false);
  app.use(requestLog(logger));

  app.get('/api/health', (_req, res) => {
    const health: Health = { status: 'ok', version: BERTH_VERSION };
    res.json(health);
  });

  app.get('/api/endpoints', (_req, res) => {
    res.json(registry.list().map((e) => e.summary()));
  });

  app.get('/api/endpoints/:id', (req, res, next) => {
    const endpoint = registry.get(req.params.id);
    if (!endpoint) return next();
    res.json(endpoint.summary());
  });

  // The relay reads the raw URL itself; no body parser may run before it (bodies stream through).
  app.all(/^\/api\/endpoints\/[^/]+\/docker(\/.*)?$/, createRelay(registry));

  app.use('/api', notFound);
  app.use(spa(config.staticDir));
  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
