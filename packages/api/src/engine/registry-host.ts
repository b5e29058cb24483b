// Which registry host an image reference, a search term or a saved registry's address names,
// read the way the engine reads them (distribution/reference and registry.ParseSearchIndexInfo),
// so that Berth and the engine agree on where a call will go.

/** The name the engine uses for Docker Hub. */
export const DOCKER_HUB = 'docker.io';

const HUB_ALIASES = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);

/** Lower-cased, Docker Hub's aliases folded into `docker.io`; the port stays (5000 ≠ 5001). */
export function normaliseRegistryHost(host: string): string {
  const lower = host.trim().toLowerCase();
  return HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}

/**
 * The host of a saved registry's server address, as people type it: `127.0.0.1:5000`,
 * `https://index.docker.io/v1/`, `registry.example.com/`.
 */
export function registryHostOfServer(server: string): string {
  const bare = server.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  return normaliseRegistryHost(bare.split('/')[0] ?? '');
}

/** A first path component is a registry host when it looks like one (the engine's own rule). */
function looksLikeHost(component: string): boolean {
  return (
    /[.:]/.test(component) || component === 'localhost' || component !== component.toLowerCase()
  );
}

/**
 * The registry an image reference is fetched from or pushed to: `alpine` and `library/alpine`
 * are Docker Hub, `127.0.0.1:5000/team/app:1` is `127.0.0.1:5000`.
 */
export function registryHostOfImage(reference: string): string {
  const slash = reference.indexOf('/');
  if (slash === -1) return DOCKER_HUB;
  const first = reference.slice(0, slash);
  return looksLikeHost(first) ? normaliseRegistryHost(first) : DOCKER_HUB;
}

/** The index an image search goes to (`GET /images/search?term=`): only a term with a slash names one. */
export function registryHostOfSearch(term: string): string {
  const slash = term.indexOf('/');
  if (slash === -1) return DOCKER_HUB;
  const first = term.slice(0, slash);
  return /[.:]/.test(first) || first === 'localhost' ? normaliseRegistryHost(first) : DOCKER_HUB;
}

/**
 * The host (with its port when one is given) a URL the engine downloads names: `fromSrc` of an
 * image import, `remote` of a build (plain URLs and the git forms the engine accepts:
 * `git@host:repo`, `git://host/repo`, `github.com/user/repo`). Undefined when it is none of them.
 */
export function hostOfRemoteUrl(remote: string): string | undefined {
  const text = remote.trim();
  const scp = /^[\w.-]+@([^:/]+):/.exec(text);
  if (scp?.[1]) return scp[1].toLowerCase();
  if (/^github\.com\//i.test(text)) return 'github.com';
  try {
    const url = new URL(text);
    if (!url.host) return undefined;
    return url.host.toLowerCase();
  } catch {
    return undefined;
  }
}
