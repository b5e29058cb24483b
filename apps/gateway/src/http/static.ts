import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import { HttpError } from './errors';

/**
 * index.html for a base path: the web app is built once with relative URLs (`./assets/…`,
 * Vite's `base: './'`), which would resolve against a deep link's folder; they are made
 * absolute under the base path here, and a meta tag tells the app its base (API, websocket
 * and router paths are built from it). A base path is `/x/y` of safe characters (config.ts),
 * so it needs no escaping in HTML.
 */
export function indexForBasePath(html: string, basePath: string): string {
  return html
    .replace(/(\s(?:src|href))="\.\//g, `$1="${basePath}/`)
    .replace('<head>', `<head>\n    <meta name="berth-base-path" content="${basePath}" />`);
}

/**
 * Serves the built SPA: hashed assets cached for a year, index.html never cached, and a history
 * fallback so deep links (/endpoints/local/containers/abc) load the app on reload.
 */
export function spa(staticDir: string, basePath = ''): Router | RequestHandler {
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
  const files = express.static(staticDir, { index: false, maxAge: '1h' });
  // index.html only through the fallback below, which puts the base path in.
  router.use((req, res, next) => (req.path === '/index.html' ? next() : files(req, res, next)));
  router.get(/^(?!\/api\/|\/metrics).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    readFile(index, 'utf8').then(
      (html) => {
        res.setHeader('Cache-Control', 'no-cache');
        res.type('html').send(indexForBasePath(html, basePath));
      },
      () => next(new HttpError(404, 'The web app is not built. Run `npm start` to build it.')),
    );
  });
  return router;
}
