import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import type { Endpoint } from '../endpoints/endpoint';
import type { EndpointRegistry } from '../endpoints/registry';
import type { Security } from '../auth/security';
import { HttpError } from '../http/errors';
import { registryHostOfServer } from '@berth/api';
import { ArchiveGuard } from './archive-guard';
import { engineFetchesOf } from './engine-fetches';
import { engineHostAddresses, fetchPolicyProblems } from './fetch-policy';
import { describeRelayCall, guardRelay } from './relay-guard';
import { savedCredentialHeaders } from './saved-credentials';

/** Request headers the engine needs; everything else (cookies, auth, origin) stays here. */
const FORWARDED_REQUEST_HEADERS = [
  'content-type',
  'content-length',
  'transfer-encoding',
  'accept',
  'x-registry-auth',
  'x-registry-config',
];

/** Engine response headers a client can use; hop-by-hop and server noise are dropped. */
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'api-version',
  'docker-experimental',
  'ostype',
  'x-docker-container-path-stat',
  'content-disposition',
];

const RELAY_PATH = /^\/api\/endpoints\/([^/?]+)\/docker(\/[^?]*)?(\?.*)?$/;

/** Error bodies that are not JSON are read up to this size and wrapped as `{message}`. */
const MAX_ERROR_BODY = 64 * 1024;

export interface RelayTarget {
  endpoint: Endpoint;
  /** Engine path without query, e.g. `/containers/json`. */
  path: string;
  /** Raw query string including `?`, or ''. */
  search: string;
}

/** Splits a relay URL; refuses `.`/`..` segments so a path can't be walked around later checks. */
export function parseRelayUrl(originalUrl: string, registry: EndpointRegistry): RelayTarget {
  const match = RELAY_PATH.exec(originalUrl);
  if (!match) throw new HttpError(404, `No such route: ${originalUrl.split('?')[0]}`);
  const id = decodeOrRefuse(match[1] ?? '', 'endpoint id');
  const endpoint = registry.get(id);
  if (!endpoint) throw new HttpError(404, `No such endpoint: ${id}`);
  const path = match[2] || '/';
  // `..%2F..%2Fetc` is one segment here but three once the engine decodes it: split again.
  const segments = path.split('/').flatMap((s) => decodeOrRefuse(s, 'engine path').split(/[/\\]/));
  if (segments.some((s) => s === '.' || s === '..')) {
    throw new HttpError(400, 'The engine path may not contain "." or ".." segments.');
  }
  return { endpoint, path, search: match[3] ?? '' };
}

function decodeOrRefuse(segment: string, what: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, `The ${what} has a malformed escape sequence.`);
  }
}

function pickHeaders(
  source: IncomingMessage['headers'],
  names: readonly string[],
): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const name of names) {
    const value = source[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/**
 * `ANY /api/endpoints/{id}/docker/{enginePath}`: relays one Engine API call after the guard
 * (role by route, body policy for non-admins). Bodies stream both ways without buffering (pull
 * progress, logs, events, exports flow as they come); status and the engine's `{message}` errors
 * are kept; closing the request cancels the engine call. Mutations and refusals are audited.
 */
export function createRelay(registry: EndpointRegistry, security: Security): RequestHandler {
  const { audit, settings, registries } = security.deps;
  return async (req, res, next) => {
    const principal = res.locals.principal;
    let action = `${req.method} ${req.path}`;
    let endpointId: string | null = null;
    let target: string | null = null;
    res.on('finish', () => {
      const mutating = !['GET', 'HEAD'].includes(req.method);
      if (!mutating && res.statusCode !== 403) return;
      audit.record({
        username: principal?.username ?? null,
        role: principal?.role ?? null,
        ip: req.ip ?? null,
        endpoint: endpointId,
        action,
        target,
        status: res.statusCode,
        result: res.statusCode < 400 ? 'ok' : res.statusCode === 403 ? 'denied' : 'error',
        detail: res.locals.denial ?? null,
      });
    });
    try {
      const relayTarget = parseRelayUrl(req.originalUrl, registry);
      endpointId = relayTarget.endpoint.id;
      const onEndpoint = security.endpointRole(principal, endpointId);
      if (principal && !onEndpoint) throw new HttpError(404, `No such endpoint: ${endpointId}`);
      const call = describeRelayCall(req.method, relayTarget.path);
      action = call.action;
      if (!principal) throw new HttpError(401, 'Log in first.');
      if (req.headers.upgrade) {
        throw new HttpError(
          400,
          'Hijacked engine connections go through the websocket routes (/ws/exec, /ws/attach).',
        );
      }
      const caller = { ...principal, role: onEndpoint ?? principal.role };
      const decision = await guardRelay(
        req,
        call,
        relayTarget.search,
        caller,
        () => settings.security().allowedBindPaths,
      );
      const query = new URLSearchParams(relayTarget.search);
      target = decision.match?.target ?? query.get('name') ?? query.get('fromImage');

      // Where the engine will fetch from on the caller's behalf: checked against the policy,
      // and the only place saved registry credentials may go.
      const fetches = engineFetchesOf(decision.match, query, decision.json);
      const savedRegistryHosts = registries.list().map((r) => registryHostOfServer(r.server));
      const problems = await fetchPolicyProblems(fetches, {
        policy: settings.security().engineFetch,
        role: caller.role,
        savedRegistryHosts,
        engineHost: engineHostAddresses(relayTarget.endpoint.url),
      });
      if (problems.length)
        throw new HttpError(403, `Refused by Berth's engine-fetch policy: ${problems.join('; ')}.`);

      const headers = pickHeaders(req.headers, FORWARDED_REQUEST_HEADERS);
      const registryId = req.headers['x-berth-registry'];
      if (typeof registryId === 'string' && registryId) {
        Object.assign(
          headers,
          savedCredentialHeaders(registries, {
            registryId,
            action,
            op: decision.match?.route.op,
            role: caller.role,
            fetches,
          }),
        );
      }
      if (decision.body) {
        headers['content-length'] = decision.body.length;
        delete headers['transfer-encoding'];
      }
      if (!relayTarget.endpoint.apiVersion) await relayTarget.endpoint.refresh();
      const guard =
        decision.match?.route.op === 'PutContainerArchive'
          ? new ArchiveGuard(principal.role === 'admin')
          : undefined;
      relay(req, res, relayTarget, headers, decision.body, guard);
    } catch (error) {
      // Every refusal is audited with its reason (the finish handler above writes it).
      if (error instanceof HttpError && error.status === 403) res.locals.denial = error.message;
      next(error);
    }
  };
}

function relay(
  req: Request,
  res: Response,
  { endpoint, path, search }: RelayTarget,
  headers: OutgoingHttpHeaders,
  body: Buffer | undefined,
  guard?: ArchiveGuard,
): void {
  const upstream = endpoint.transport.request({
    method: req.method,
    path: endpoint.versionedPath(path) + search,
    headers,
  });

  // The browser went away (tab closed, pull cancelled): end the engine call too.
  const cancel = () => {
    if (!res.writableFinished) upstream.destroy();
  };
  res.on('close', cancel);

  upstream.on('error', (error) => {
    // Already answered (e.g. the archive guard refused the upload and stopped the call).
    if (res.writableEnded) return;
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (req.destroyed) return;
    res.status(502).json({ message: endpoint.markDown(error) });
  });

  upstream.on('response', (engineRes) => {
    const status = engineRes.statusCode ?? 502;
    endpoint.markUp();
    const type = String(engineRes.headers['content-type'] ?? '');
    if (status >= 400 && !type.includes('json')) {
      sendTextErrorAsJson(engineRes, res, status);
      return;
    }
    res.writeHead(status, pickHeaders(engineRes.headers, FORWARDED_RESPONSE_HEADERS));
    // Send headers now: a client of a stream (events, logs) learns the call succeeded at once.
    res.flushHeaders();
    engineRes.pipe(res);
    engineRes.on('error', () => res.destroy());
  });

  if (body) {
    upstream.end(body);
    return;
  }
  const hasBody =
    req.headers['content-length'] !== undefined
      ? req.headers['content-length'] !== '0'
      : req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) {
    upstream.end();
  } else if (guard) {
    guard.on('error', (error) => {
      upstream.destroy();
      if (!res.headersSent)
        res
          .status(error instanceof HttpError ? error.status : 400)
          .json({ message: error.message });
    });
    req.pipe(guard).pipe(upstream);
  } else {
    req.pipe(upstream);
  }
}

function sendTextErrorAsJson(engineRes: IncomingMessage, res: Response, status: number): void {
  const chunks: Buffer[] = [];
  let size = 0;
  engineRes.on('data', (chunk: Buffer) => {
    if (size < MAX_ERROR_BODY) chunks.push(chunk);
    size += chunk.length;
  });
  engineRes.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8').slice(0, MAX_ERROR_BODY).trim();
    res.status(status).json({ message: text || `The engine answered HTTP ${status}.` });
  });
  engineRes.on('error', () => res.destroy());
}
