import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Where a request lands once BERTH_BASE_PATH (e.g. `/berth`) is taken off its target:
 * - `{ path }`: inside the base path; `path` is the target the app sees (`/api/health?x`),
 * - `{ redirect }`: the base path itself without its slash (`/berth` → `/berth/`),
 * - `{ outside: true }`: a target elsewhere, which Berth does not serve.
 * With no base path every target is the app's.
 */
export type BaseMatch = { path: string } | { redirect: string } | { outside: true };

export function matchBasePath(basePath: string, target: string | undefined): BaseMatch {
  const url = target ?? '/';
  if (basePath === '') return { path: url };
  if (url === basePath || url.startsWith(`${basePath}?`))
    return { redirect: `${basePath}/${url.slice(basePath.length)}` };
  if (url.startsWith(`${basePath}/`)) return { path: url.slice(basePath.length) };
  return { outside: true };
}

/**
 * Mounts the app under the base path on the raw server, before Express: every route, the SPA
 * and the websocket upgrades see paths as if Berth were served at `/`, so none of them has to
 * know the prefix. What Berth puts in pages, cookies and redirects adds it back (see callers of
 * `basePath`).
 */
export function mountUnderBasePath(
  basePath: string,
  app: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  if (basePath === '') return app;
  return (req, res) => {
    const match = matchBasePath(basePath, req.url);
    if ('path' in match) {
      req.url = match.path;
      app(req, res);
      return;
    }
    if ('redirect' in match) {
      res.writeHead(308, { Location: match.redirect, 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: `Berth is at ${match.redirect}` }));
      return;
    }
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ message: `Berth is served under ${basePath}/ (BERTH_BASE_PATH).` }));
  };
}
