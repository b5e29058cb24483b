import { basePath } from '../base-path';

/** `ws(s)://<this origin>/api/endpoints/{id}/ws/{kind}?…`: websockets are same-origin, like REST. */
export function endpointSocketUrl(
  endpointId: string,
  kind: 'events' | 'stats' | 'logs' | 'exec' | 'attach',
  params?: URLSearchParams,
  origin: { protocol: string; host: string } = window.location,
  base: string = basePath,
): string {
  const scheme = origin.protocol === 'https:' ? 'wss:' : 'ws:';
  const path = `${base}/api/endpoints/${encodeURIComponent(endpointId)}/ws/${kind}`;
  const query = params && params.size > 0 ? `?${params.toString()}` : '';
  return `${scheme}//${origin.host}${path}${query}`;
}
