import type { Role, StackDeployEvent, StackDetail } from '@berth/api';
import {
  roleAtLeast,
  stackCreateSchema,
  stackPreviewSchema,
  stackRollbackSchema,
  stackScaleSchema,
  stackUpdateSchema,
} from '@berth/api';
import express, { type Request, type Response, type Router } from 'express';
import type { Security } from '../auth/security';
import type { Endpoint } from '../endpoints/endpoint';
import type { EndpointRegistry } from '../endpoints/registry';
import { EngineCallError } from '../endpoints/transport';
import { HttpError } from '../http/errors';
import { parseBody } from '../http/validate';
import { ComposeFileError } from './compose-file';
import { DeployStepError, downProject, operateProject, previewProject } from './deployer';
import type { DeployOptions } from './deployer';
import { composeContainers, composeSummary, listStacks } from './stack-list';
import { StackFileRefused, type StackService } from './stack-service';

/**
 * `/api/endpoints/{id}/stacks…`: compose stacks. Viewers read; operators deploy and operate
 * within the body policy (as for containers); deploys stream their progress as JSON lines.
 */
export function stackRoutes(
  registry: EndpointRegistry,
  security: Security,
  stacks: StackService,
): Router {
  const router = express.Router();
  const json = express.json({ limit: '1mb' });

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
    return { endpoint, role, name: String(req.params.name ?? '') };
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
  ) => {
    try {
      return await stacks.checked(where.endpoint, where.role, where.name, file);
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

  router.get('/:id/stacks', security.require('viewer'), async (req, res) => {
    const { endpoint } = target(req, res, 'viewer');
    res.json(
      await engineCall(() => listStacks(stacks.engine(endpoint), stacks.store.list(endpoint.id))),
    );
  });

  router.post('/:id/stacks/preview', security.require('viewer'), json, async (req, res) => {
    const { endpoint, role } = target(req, res, 'viewer');
    const input = parseBody(stackPreviewSchema, req.body);
    const current = stacks.store.version(endpoint.id, input.name);
    try {
      const plan = stacks.plan(endpoint.id, input.name, input);
      const problems = await stacks.policyProblems(endpoint, role, plan, input.compose);
      const services = await engineCall(() => previewProject(stacks.engine(endpoint), plan));
      res.json({ ok: problems.length === 0, problems, services, current: current ?? null });
    } catch (error) {
      if (!(error instanceof StackFileRefused)) throw error;
      res.json({ ok: false, problems: error.problems, services: [], current: current ?? null });
    }
  });

  router.post('/:id/stacks', security.require('operator'), json, async (req, res) => {
    const { endpoint, role } = target(req, res, 'operator');
    const input = parseBody(stackCreateSchema, req.body);
    const existing = await engineCall(() => composeContainers(stacks.engine(endpoint), input.name));
    if (stacks.store.has(endpoint.id, input.name) || existing.length)
      throw new HttpError(
        409,
        `A stack named ${input.name} exists on ${endpoint.name}; edit it instead.`,
      );
    const plan = await checked(
      req,
      res,
      { endpoint, role, name: input.name },
      'stack.create',
      input,
    );
    if (!plan) return;
    const username = res.locals.principal?.username ?? null;
    await stream(req, res, endpoint, 'stack.create', input.name, (emit) =>
      stacks.deploy(endpoint, input.name, plan, { ...input, username, save: true }, emit),
    );
  });

  router.get('/:id/stacks/:name', security.require('viewer'), async (req, res) => {
    const { endpoint, name } = target(req, res, 'viewer');
    const containers = await engineCall(() => composeContainers(stacks.engine(endpoint), name));
    const storedList = stacks.store.list(endpoint.id).find((s) => s.name === name);
    if (!containers.length && !storedList) throw new HttpError(404, `No such stack: ${name}`);
    const newest = containers.length ? Math.max(...containers.map((c) => c.created)) * 1000 : null;
    const detail: StackDetail = {
      ...composeSummary(name, containers, storedList, newest),
      containerList: containers.map(({ project: _p, created: _c, ...c }) => c),
      file: stacks.store.version(endpoint.id, name) ?? null,
      versions: stacks.store.versions(endpoint.id, name),
    };
    res.json(detail);
  });

  router.get('/:id/stacks/:name/versions/:version', security.require('viewer'), (req, res) => {
    const { endpoint, name } = target(req, res, 'viewer');
    const version = stacks.store.version(endpoint.id, name, Number(req.params.version));
    if (!version)
      throw new HttpError(404, `Stack ${name} has no version ${String(req.params.version)}.`);
    res.json(version);
  });

  // Redeploy with a new file; on a stack the CLI made this adopts it (Berth keeps the file).
  router.put('/:id/stacks/:name', security.require('operator'), json, async (req, res) => {
    const { endpoint, role, name } = target(req, res, 'operator');
    const input = parseBody(stackUpdateSchema, req.body);
    const plan = await checked(req, res, { endpoint, role, name }, 'stack.update', input);
    if (!plan) return;
    const username = res.locals.principal?.username ?? null;
    await stream(req, res, endpoint, 'stack.update', name, (emit) =>
      stacks.deploy(endpoint, name, plan, { ...input, username, save: true }, emit, {
        pull: input.pull,
      }),
    );
  });

  router.post(
    '/:id/stacks/:name/rollback',
    security.require('operator'),
    json,
    async (req, res) => {
      const { endpoint, role, name } = target(req, res, 'operator');
      const { version } = parseBody(stackRollbackSchema, req.body);
      const old = stacks.store.version(endpoint.id, name, version);
      if (!old) throw new HttpError(404, `Stack ${name} has no version ${version}.`);
      const plan = await checked(req, res, { endpoint, role, name }, 'stack.rollback', old);
      if (!plan) return;
      const username = res.locals.principal?.username ?? null;
      await stream(req, res, endpoint, 'stack.rollback', name, (emit) =>
        stacks.deploy(
          endpoint,
          name,
          plan,
          {
            compose: old.compose,
            env: old.env,
            username,
            note: `rollback to version ${version}`,
            save: true,
          },
          emit,
        ),
      );
    },
  );

  // Scale one service of the stored file (not saved as a version, as `compose up --scale`).
  router.post('/:id/stacks/:name/scale', security.require('operator'), json, async (req, res) => {
    const { endpoint, role, name } = target(req, res, 'operator');
    const input = parseBody(stackScaleSchema, req.body);
    const file = stored(endpoint.id, name);
    const plan = await checked(req, res, { endpoint, role, name }, 'stack.scale', file);
    if (!plan) return;
    const service = plan.services.find((s) => s.name === input.service);
    if (!service) throw new HttpError(400, `Stack ${name} has no service ${input.service}.`);
    service.replicas = input.replicas;
    const options: DeployOptions = { only: [input.service] };
    await stream(req, res, endpoint, 'stack.scale', name, (emit) =>
      stacks.deploy(endpoint, name, plan, { ...file, username: null, save: false }, emit, options),
    );
  });

  router.post('/:id/stacks/:name/pull', security.require('operator'), async (req, res) => {
    const { endpoint, role, name } = target(req, res, 'operator');
    const file = stored(endpoint.id, name);
    const plan = await checked(req, res, { endpoint, role, name }, 'stack.pull', file);
    if (!plan) return;
    await stream(req, res, endpoint, 'stack.pull', name, (emit) =>
      stacks.deploy(endpoint, name, plan, { ...file, username: null, save: false }, emit, {
        pull: true,
      }),
    );
  });

  router.post('/:id/stacks/:name/:operation', security.require('operator'), async (req, res) => {
    const { endpoint, name } = target(req, res, 'operator');
    const operation = String(req.params.operation);
    if (operation !== 'start' && operation !== 'stop' && operation !== 'restart')
      throw new HttpError(
        404,
        `No such stack operation: ${operation} (start, stop, restart, pull, scale, rollback).`,
      );
    const file = stacks.store.version(endpoint.id, name);
    const order = file
      ? safeOrder(() => stacks.plan(endpoint.id, name, file).services.map((s) => s.name))
      : [];
    const count = await engineCall(() =>
      operateProject(stacks.engine(endpoint), name, operation, order),
    );
    if (!count) throw new HttpError(404, `Stack ${name} has no containers on ${endpoint.name}.`);
    audit(req, res, endpoint, `stack.${operation}`, name, 200, `${count} containers`);
    res.json({
      message: `${operation} done for ${count} containers of ${name}.`,
      containers: count,
    });
  });

  // `down`: removes containers and networks (volumes with ?volumes=1); ?forget=1 also drops the
  // stored file and its history.
  router.delete('/:id/stacks/:name', security.require('operator'), async (req, res) => {
    const { endpoint, name } = target(req, res, 'operator');
    const withVolumes = req.query.volumes === '1' || req.query.volumes === 'true';
    const forget = req.query.forget === '1' || req.query.forget === 'true';
    const release = stacks.claim(endpoint.id, name);
    try {
      const removed = await engineCall(() =>
        downProject(stacks.engine(endpoint), name, withVolumes),
      );
      const known = stacks.store.has(endpoint.id, name);
      if (!known && !removed.containers && !removed.networks)
        throw new HttpError(404, `No such stack: ${name}`);
      if (forget) stacks.forget(endpoint.id, name);
      audit(
        req,
        res,
        endpoint,
        'stack.down',
        name,
        200,
        `${removed.containers} containers, ${removed.networks} networks, ${removed.volumes} volumes${forget ? ', file forgotten' : ''}`,
      );
      res.json({ message: `Stack ${name} is down.`, ...removed, forgotten: forget });
    } finally {
      release();
    }
  });

  return router;
}

/** The dependency order of a stored file, or none if it no longer plans (order is a nicety). */
function safeOrder(order: () => string[]): string[] {
  try {
    return order();
  } catch {
    return [];
  }
}
