import type { Role, StackDeployEvent, StackKind } from '@berth/api';
import { roleAtLeast, stackNameSchema } from '@berth/api';
import type { Request, Response } from 'express';
import type { Security } from '../auth/security';
import type { Endpoint } from '../endpoints/endpoint';
import type { EndpointRegistry } from '../endpoints/registry';
import { EngineCallError } from '../endpoints/transport';
import { HttpError } from '../http/errors';
import type { Logger } from '../logger';
import { ComposeFileError } from './compose-file';
import { DeployStepError } from './deployer';
import { StackFileRefused, type StackService } from './stack-service';

/** What every stacks route needs: the endpoint and role, audit, engine errors, streamed deploys. */
export function stackRouteKit(
  registry: EndpointRegistry,
  security: Security,
  stacks: StackService,
  logger: Logger,
) {
  /** The endpoint and the caller's role on it, refusing a role below `needed`. */
  const target = (req: Request, res: Response, needed: Role) => {
    const endpoint = registry.get(String(req.params.id));
    const role = endpoint && security.endpointRole(res.locals.principal, endpoint.id);
    if (!endpoint || !role) throw new HttpError(404, `No such endpoint: ${String(req.params.id)}`);
    if (!roleAtLeast(role, needed))
      throw new HttpError(
        403,
        `This needs the ${needed} role on ${endpoint.name}; you are ${role}.`,
      );
    const name = String(req.params.name ?? '');
    // A name becomes a folder under BERTH_DATA and a label: compose's own rules, nothing else.
    if (req.params.name !== undefined && !stackNameSchema.safeParse(name).success)
      throw new HttpError(400, `"${name.slice(0, 80)}" is not a compose project name.`);
    return { endpoint, role, name };
  };
  const audit = (
    req: Request,
    res: Response,
    endpoint: Endpoint,
    action: string,
    name: string,
    status: number,
    detail: string | null = null,
  ) => {
    const p = res.locals.principal;
    security.deps.audit.record({
      username: p?.username ?? null,
      role: p?.role ?? null,
      ip: req.ip ?? null,
      endpoint: endpoint.id,
      action,
      target: name,
      status,
      result: status < 400 ? 'ok' : status === 403 ? 'denied' : 'error',
      detail,
    });
  };
  /** Engine failures outside a deploy keep the engine's status and words. */
  const engineCall = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof EngineCallError) throw new HttpError(error.status, error.message);
      throw error;
    }
  };
  /**
   * Plans and checks a file; a refusal answers 400/403 with every problem at its line (audited)
   * and gives undefined, so the route stops there.
   */
  const checked = async (
    req: Request,
    res: Response,
    where: { endpoint: Endpoint; role: Role; name: string },
    action: string,
    file: { compose: string; env: string },
    kind: StackKind = 'compose',
  ) => {
    try {
      return await stacks.checked(where.endpoint, where.role, where.name, file, kind);
    } catch (error) {
      if (!(error instanceof StackFileRefused)) throw error;
      audit(req, res, where.endpoint, action, where.name, error.status, error.message);
      res.status(error.status).json({ message: error.message, problems: error.problems });
      return undefined;
    }
  };
  const stored = (endpointId: string, name: string) => {
    const file = stacks.store.version(endpointId, name);
    if (!file)
      throw new HttpError(
        409,
        `Berth keeps no file for stack ${name} (it was made elsewhere); save one to manage it here.`,
      );
    return file;
  };

  /** Runs a deploy, streaming its steps as JSON lines; the last line is `done` or `error`. */
  const stream = async (
    req: Request,
    res: Response,
    endpoint: Endpoint,
    action: string,
    name: string,
    run: (emit: (event: StackDeployEvent) => void) => Promise<number | null>,
  ) => {
    const release = stacks.claim(endpoint.id, name);
    res.status(200);
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.flushHeaders();
    // A closed browser tab does not stop a deploy half-way: it runs to its end.
    const emit = (event: StackDeployEvent) => {
      if (!res.writableEnded && !res.destroyed) res.write(`${JSON.stringify(event)}\n`);
    };
    try {
      const version = await run(emit);
      emit({ type: 'done', stack: name, version });
      audit(req, res, endpoint, action, name, 200, version ? `version ${version}` : null);
    } catch (error) {
      const message =
        error instanceof Error &&
        (error instanceof DeployStepError ||
          error instanceof EngineCallError ||
          error instanceof ComposeFileError)
          ? error.message
          : 'Berth hit an unexpected error. The details are in the gateway log.';
      if (message.startsWith('Berth hit'))
        logger.error({ err: error, stack: name }, 'stack deploy failed');
      emit({
        type: 'error',
        message,
        step: error instanceof DeployStepError ? error.step : undefined,
      });
      audit(req, res, endpoint, action, name, 500, message);
    } finally {
      release();
      res.end();
    }
  };

  return { target, audit, engineCall, checked, stored, stream };
}

export type StackRouteKit = ReturnType<typeof stackRouteKit>;
