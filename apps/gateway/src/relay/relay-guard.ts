import type { IncomingMessage } from 'node:http';
import type { EngineRouteMatch } from '@berth/api';
import { matchEngineRoute, roleAtLeast } from '@berth/api';
import type { Principal } from '../auth/principal';
import {
  buildQueryProblems,
  containerCreateProblems,
  containerUpdateProblems,
  execCreateProblems,
  serviceSpecProblems,
  volumeCreateProblems,
  type Json,
} from '../auth/body-policy';
import { HttpError } from '../http/errors';
import { fetchTargetInBody } from './engine-fetches';

/** Bodies Berth reads before relaying, to apply the policy; larger ones are refused. */
const MAX_POLICED_BODY = 4 * 1024 * 1024;

type BodyCheck = (body: Json, allowedBindPaths: readonly string[]) => string[];

const BODY_CHECKS: Record<string, BodyCheck> = {
  ContainerCreate: containerCreateProblems,
  ContainerUpdate: (body) => containerUpdateProblems(body),
  ContainerExec: (body) => execCreateProblems(body),
  ServiceCreate: serviceSpecProblems,
  ServiceUpdate: serviceSpecProblems,
  VolumeCreate: volumeCreateProblems,
};

export interface GuardDecision {
  match: EngineRouteMatch | undefined;
  /** The action name for the audit log. */
  action: string;
  /** A body Berth had to read (policy) and now forwards instead of the request stream. */
  body?: Buffer;
  /** That body parsed. */
  json?: Json;
}

/** The route and audit action name of an engine call. */
export function describeRelayCall(
  method: string,
  enginePath: string,
): Pick<GuardDecision, 'match' | 'action'> {
  const match = matchEngineRoute(method, enginePath);
  return { match, action: match?.route.op ?? `${method} ${enginePath}` };
}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `The request body is larger than ${limit / 1024 / 1024} MiB.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Decides whether `principal` may make this engine call: by role, from the route table (anything
 * not in it is admin-only), then by body policy for non-admins. Throws a 403 that says why.
 */
export async function guardRelay(
  req: IncomingMessage,
  { match, action }: Pick<GuardDecision, 'match' | 'action'>,
  search: string,
  principal: Principal,
  allowedBindPaths: () => readonly string[],
): Promise<GuardDecision> {
  const needed = match?.route.role ?? 'admin';
  if (!roleAtLeast(principal.role, needed)) {
    throw new HttpError(
      403,
      `Your role (${principal.role}) cannot do ${action}; it needs ${needed}.`,
    );
  }
  if (!match) return { match, action };
  const policed = principal.role !== 'admin';
  if (policed && match.route.op === 'ImageBuild') {
    const problems = buildQueryProblems(new URLSearchParams(search));
    if (problems.length) throw policyError(problems);
  }
  const check = policed ? BODY_CHECKS[match.route.op] : undefined;
  // Service bodies name the image the engine will pull: read for everyone (small JSON).
  if (!check && !fetchTargetInBody(match.route.op)) return { match, action };
  const body = await readBody(req, MAX_POLICED_BODY);
  let parsed: Json;
  try {
    parsed = body.length ? (JSON.parse(body.toString('utf8')) as Json) : {};
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
  // The checks below read fields: a string, a number, null or an array is no engine body.
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(400, 'The request body must be a JSON object.');
  }
  const problems = check?.(parsed, allowedBindPaths()) ?? [];
  if (problems.length) throw policyError(problems);
  return { match, action, body, json: parsed };
}

function policyError(problems: string[]): HttpError {
  return new HttpError(403, `Refused by Berth's policy for non-admins: ${problems.join('; ')}.`);
}
