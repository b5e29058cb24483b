import type { Health } from '@berth/api';
import { engineRouteRole } from '@berth/api';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Security } from '../auth/security';
import type { Config } from '../config';
import type { EndpointStore } from '../endpoints/endpoint-store';
import type { EndpointRegistry } from '../endpoints/registry';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { createRelay } from '../relay/relay';
import { BERTH_VERSION } from '../version';
import { adminRoutes } from './admin-routes';
import { authRoutes } from './auth-routes';
import { userRoutes } from './user-routes';
import { ssoRoutes } from './sso-routes';
import { ssoSettingsRoutes } from './sso-settings-routes';
import type { SecretBox } from '../secrets/crypto';
import type { OidcClient } from '../sso/oidc-client';
import { endpointRoutes } from './endpoint-routes';
import { wallRoutes } from './wall-routes';
import { stackOperationRoutes } from '../stacks/stack-operation-routes';
import { stackRouteKit } from '../stacks/stack-route-kit';
import { stackRoutes } from '../stacks/stack-routes';
import type { StackService } from '../stacks/stack-service';
import type { WallStore } from '../wall/wall-store';
import { HttpError, errorHandler, notFound } from './errors';
import { parseId } from './validate';
import { requestLog } from './request-log';
import { spa } from './static';

export interface AppDeps {
  config: Pick<Config, 'staticDir' | 'tlsFiles'> & Partial<Pick<Config, 'basePath'>>;
  registry: EndpointRegistry;
  security: Security;
  metrics: Metrics;
  logger: Logger;
  endpointStore: EndpointStore;
  sso: {
    box: SecretBox;
    oidc: OidcClient | undefined;
    redirectUri: string | undefined;
    postLogoutRedirectUri: string | undefined;
    trustedProxies: readonly string[];
  };
  wall: WallStore;
  stacks: StackService;
}

export function createApp({
  config,
  registry,
  security,
  metrics,
  logger,
  endpointStore,
  sso,
  wall,
  stacks,
}: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // xterm.js and React style attributes need inline styles; scripts stay strict.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(config.tlsFiles ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: config.tlsFiles ? { maxAge: 15_552_000 } : false,
      referrerPolicy: { policy: 'same-origin' },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(requestLog(logger));
  app.use(metrics.timer());
  app.use(security.hostGuard());

  app.get('/api/health', (_req, res) => {
    const health: Health = { status: 'ok', version: BERTH_VERSION };
    res.json(health);
  });

  app.use(security.authenticate());
  app.use('/api', authRoutes(security));
  app.use('/api', userRoutes(security));
  app.use('/api', adminRoutes(security));
  app.use('/api', ssoRoutes({ security, ...sso }));
  app.use('/api', ssoSettingsRoutes({ security, ...sso }));

  app.get('/metrics', security.require('viewer'), metrics.handler());

  app.use('/api', endpointRoutes({ registry, store: endpointStore, security }));
  app.use('/api/wall', wallRoutes(security, wall));
  const stackKit = stackRouteKit(registry, security, stacks, logger);
  app.use('/api/endpoints', stackRoutes(security, stacks, stackKit));
  app.use('/api/endpoints', stackOperationRoutes(security, stacks, stackKit));

  // "Test login" of a saved registry on an engine: the engine's own `POST /auth` with the stored
  // credentials, which never reach the browser.
  app.post(
    '/api/endpoints/:id/registries/:registryId/login',
    // One source: the route table's role for SystemAuth, as on the relay.
    security.require(engineRouteRole('SystemAuth')),
    async (req, res, next) => {
      const endpoint = registry.get(String(req.params.id));
      if (!endpoint) return next();
      const credentials = security.deps.registries.credentials(parseId(req.params.registryId));
      if (!credentials) throw new HttpError(404, 'No such registry.');
      const answer = await endpoint.transport
        .json<{ Status?: string; message?: string }>('POST', endpoint.versionedPath('/auth'), {
          body: credentials,
          timeoutMs: 30_000,
        })
        .catch((error: unknown) => {
          throw new HttpError(502, endpoint.markDown(error));
        });
      if (answer.status >= 400)
        throw new HttpError(
          answer.status,
          answer.body?.message ?? `The engine answered HTTP ${answer.status}`,
        );
      res.json({ status: answer.body?.Status ?? 'Login Succeeded' });
    },
  );

  // The relay reads the raw URL itself; no body parser may run before it (bodies stream through).
  app.all(
    /^\/api\/endpoints\/[^/]+\/docker(\/.*)?$/,
    security.require('viewer'),
    createRelay(registry, security),
  );

  app.use('/api', notFound);
  app.use(spa(config.staticDir, config.basePath));
  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
