import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import { HttpError } from './errors';

/**
 * Serves the built SPA: hashed assets cached for a year, index.html never cached, and a history
 * fallback so deep links (/endpoints/local/containers/abc) load the app on reload.
 */
export function spa(staticDir: string): Router | RequestHandler {
  const index = join(staticDir, 'index.html');
  if (!existsSync(index)) {
    // Development: Vite serves the app, the gateway only the API.
    return (_req, _res, next) => next();
  }
  const router = express.Router();
  router.use(
    '/assets',
    express.static(join(staticDir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
    }),
  );
  router.use(express.static(staticDir, { index: false, maxAge: '1h' }));
  router.get(/^(?!\/api\/|\/metrics).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, (error) => {
      if (error) next(new HttpError(404, 'The web app is not built. Run `npm start` to build it.'));
    });
  });
  return router;
}
