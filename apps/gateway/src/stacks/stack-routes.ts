import type { StackDetail } from '@berth/api';
import {
  stackCreateSchema,
  stackPreviewSchema,
  stackRollbackSchema,
  stackUpdateSchema,
} from '@berth/api';
import express, { type Router } from 'express';
import type { Security } from '../auth/security';
import { HttpError } from '../http/errors';
import { parseBody } from '../http/validate';
import { previewProject } from './deployer';
import { composeContainers, composeSummary, listStacks, swarmStacks } from './stack-list';
import type { StackRouteKit } from './stack-route-kit';
import { StackFileRefused, type StackService } from './stack-service';

/**
 * `/api/endpoints/{id}/stacks…`: list, read, check, create and redeploy compose stacks. Viewers
 * read; operators deploy within the body policy (as for containers); deploys stream their
 * progress as JSON lines. Operations on a stack are in stack-operation-routes.ts.
 */
export function stackRoutes(security: Security, stacks: StackService, kit: StackRouteKit): Router {
  const router = express.Router();
  const json = express.json({ limit: '1mb' });
  const { target, engineCall, checked, stream } = kit;

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
      const kind = input.kind ?? (await engineCall(() => stacks.kindOf(endpoint, input.name)));
      if (kind === 'swarm') {
        // Swarm itself decides which tasks restart (those whose task template changed).
        const plan = stacks.planSwarm(input.name, input);
        const problems = await stacks.policyProblems(endpoint, role, plan, input.compose);
        const services = plan.services.map((s) => ({
          name: s.name,
          action: 'recreate' as const,
          reason: 'swarm updates the service; tasks restart if their template changed',
        }));
        res.json({ ok: problems.length === 0, problems, services, current: current ?? null });
        return;
      }
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
    const swarmKind = await engineCall(() => stacks.kindOf(endpoint, input.name));
    if (stacks.store.has(endpoint.id, input.name) || existing.length || swarmKind === 'swarm')
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
      input.kind,
    );
    if (!plan) return;
    const username = res.locals.principal?.username ?? null;
    await stream(req, res, endpoint, 'stack.create', input.name, (emit) =>
      stacks.deploy(endpoint, input.name, plan, { ...input, username, save: true }, emit),
    );
  });

  router.get('/:id/stacks/:name', security.require('viewer'), async (req, res) => {
    const { endpoint, name } = target(req, res, 'viewer');
    const storedList = stacks.store.list(endpoint.id).find((s) => s.name === name);
    const swarm = await engineCall(() => swarmStacks(stacks.engine(endpoint), name));
    if (swarm[0]) {
      const detail: StackDetail = {
        ...swarm[0],
        managedBy: storedList ? 'berth' : 'external',
        containerList: [],
        file: stacks.store.version(endpoint.id, name) ?? null,
        versions: stacks.store.versions(endpoint.id, name),
      };
      res.json(detail);
      return;
    }
    const containers = await engineCall(() => composeContainers(stacks.engine(endpoint), name));
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
    const kind = await engineCall(() => stacks.kindOf(endpoint, name));
    const plan = await checked(req, res, { endpoint, role, name }, 'stack.update', input, kind);
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
      const kind = await engineCall(() => stacks.kindOf(endpoint, name));
      const plan = await checked(req, res, { endpoint, role, name }, 'stack.rollback', old, kind);
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

  return router;
}
