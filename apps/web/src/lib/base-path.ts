/**
 * The path Berth is served under (BERTH_BASE_PATH, e.g. `/berth`; '' at the root). The web app
 * is built once for every base path: the gateway names it in index.html (`<meta
 * name="berth-base-path">`), and every URL the app builds (API, websockets, links the router
 * does not make) comes from here. The Vite dev server serves at the root, with no such tag.
 */
export function readBasePath(doc: Pick<Document, 'querySelector'> | undefined): string {
  const content = doc?.querySelector('meta[name="berth-base-path"]')?.getAttribute('content');
  return content && /^(\/[A-Za-z0-9._~-]+)+$/.test(content) ? content : '';
}

export const basePath = readBasePath(typeof document === 'undefined' ? undefined : document);

/** A path on the gateway (`/api/…`, `/wall`) as the browser must ask for it. */
export function appUrl(path: string): string {
  return `${basePath}${path}`;
}
