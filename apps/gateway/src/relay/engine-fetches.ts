import {
  hostOfRemoteUrl,
  registryHostOfImage,
  registryHostOfSearch,
  type EngineRouteMatch,
} from '@berth/api';
import type { Json } from '../auth/body-policy';

/**
 * One request an engine call makes the engine send on its own: to a registry (where saved
 * credentials may go) or a plain download (a tarball or a git repository).
 */
export interface EngineFetch {
  /** Where the caller named it, for messages: `fromImage`, `term`, `remote`, `image name`. */
  key: string;
  /** `host` or `host:port`; undefined when Berth cannot tell (then it is refused). */
  host: string | undefined;
  kind: 'registry' | 'download';
}

/** Engine calls whose fetch target is in the JSON body (read before relaying). */
const TARGET_IN_BODY = new Set(['ServiceCreate', 'ServiceUpdate']);

export function fetchTargetInBody(op: string | undefined): boolean {
  return op !== undefined && TARGET_IN_BODY.has(op);
}

function field(value: Json | undefined, ...path: string[]): Json | undefined {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = current[key];
  }
  return current;
}

const registry = (key: string, reference: string): EngineFetch => ({
  key,
  host: registryHostOfImage(reference),
  kind: 'registry',
});

/**
 * What the engine will fetch for this call, read from the route, the query and (for services)
 * the body, the way the engine reads them. Calls that fetch nothing give an empty list.
 */
export function engineFetchesOf(
  match: EngineRouteMatch | undefined,
  query: URLSearchParams,
  body: Json | undefined,
): EngineFetch[] {
  const op = match?.route.op;
  const remote = query.get('remote');
  switch (op) {
    case 'ImageCreate': {
      const out: EngineFetch[] = [];
      const fromImage = query.get('fromImage');
      if (fromImage) out.push(registry('fromImage', fromImage));
      const fromSrc = query.get('fromSrc');
      if (fromSrc && fromSrc !== '-')
        out.push({ key: 'fromSrc', host: hostOfRemoteUrl(fromSrc), kind: 'download' });
      return out;
    }
    case 'ImagePush':
    case 'DistributionInspect':
    case 'PluginPush':
      return match?.target ? [registry('image name', match.target)] : [];
    case 'ImageSearch': {
      const term = query.get('term');
      return term ? [{ key: 'term', host: registryHostOfSearch(term), kind: 'registry' }] : [];
    }
    case 'ImageBuild':
      // A remote that is not a URL or git address is a path inside the uploaded context.
      return remote && hostOfRemoteUrl(remote) !== undefined
        ? [{ key: 'remote', host: hostOfRemoteUrl(remote), kind: 'download' }]
        : [];
    case 'PluginPull':
    case 'PluginUpgrade':
    case 'GetPluginPrivileges':
      return remote ? [registry('remote', remote)] : [];
    case 'ServiceCreate':
    case 'ServiceUpdate': {
      const image = field(body, 'TaskTemplate', 'ContainerSpec', 'Image');
      const plugin = field(body, 'TaskTemplate', 'PluginSpec', 'Remote');
      return [
        ...(typeof image === 'string' && image
          ? [registry('TaskTemplate.ContainerSpec.Image', image)]
          : []),
        ...(typeof plugin === 'string' && plugin
          ? [registry('TaskTemplate.PluginSpec.Remote', plugin)]
          : []),
      ];
    }
    default:
      return [];
  }
}
