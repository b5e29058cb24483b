import { stackScaleSchema } from '@berth/api';
import express, { type Router } from 'express';
import type { Security } from '../auth/security';
import { HttpError } from '../http/errors';
import { parseBody } from '../http/validate';
import { downProject, operateProject, type DeployOptions } from './deployer';
import type { StackRouteKit } from './stack-route-kit';
import { isSwarmPlan, type StackService } from './stack-service';
import { removeSwarmStack, scaleSwarmService } from './swarm-deployer';

/** Operations on one stack: scale, pull, start, stop, restart and down (operators). */
export function stackOperationRoutes(
  security: Security,
  stacks: StackService,
  kit: StackRouteKit,
): Router {
  const router = express.Router();
  const json = express.json({ limit: '64kb' });
  const { target, audit, engineCall, checked, stored, stream } = kit;
  /** Swarm has no stop/start/pull of a stack: its services are scaled or updated instead. */
  const refuseSwarm = async (
    endpoint: Parameters<StackService['kindOf']>[0],
    name: string,
    what: string,
  ) => {
    if ((await engineCall(() => stacks.kindOf(endpoint, name))) === 'swarm')
      throw new HttpError(
        409,
        `${name} is a swarm stack: swarm has no ${what} of a stack; scale its services or redeploy it.`,
      );
  };

  // Scale one service of the stored file (not saved as a version, as `compose up --scale`).
  router.post('/:id/stacks/:name/scale', security.require('operator'), json, async (req, res) => {
    const { endpoint, role, name } = target(req, res, 'operator');
    const input = parseBody(stackScaleSchema, req.body);
    if ((await engineCall(() => stacks.kindOf(endpoint, name))) === 'swarm') {
      // `docker service scale`: the service spec changes, not the file; made elsewhere is fine.
      await engineCall(() =>
        scaleSwarmService(stacks.engine(endpoint), name, input.service, input.replicas).catch(
          (error: unknown) => {
            if (error instanceof Error && !('status' in error))
              throw new HttpError(400, error.message);
            throw error;
          },
        ),
      );
      audit(req, res, endpoint, 'stack.scale', name, 200, `${input.service}=${input.replicas}`);
      res.json({ message: `${name}_${input.service} scaled to ${input.replicas}.` });
      return;
    }
    const file = stored(endpoint.id, name);
    const plan = await checked(req, res, { endpoint, role, name }, 'stack.scale', file);
    if (!plan) return;
    if (isSwarmPlan(plan)) throw new HttpError(500, 'unreachable: a compose file planned as swarm');
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
    await refuseSwarm(endpoint, name, 'pull');
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
    await refuseSwarm(endpoint, name, operation);
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
      if ((await engineCall(() => stacks.kindOf(endpoint, name))) === 'swarm') {
        // `docker stack rm`: services, networks, secrets and configs (volumes stay on the nodes).
        const removed = await engineCall(() => removeSwarmStack(stacks.engine(endpoint), name));
        if (forget) stacks.forget(endpoint.id, name);
        audit(req, res, endpoint, 'stack.down', name, 200, `${removed.services} swarm services`);
        res.json({
          message: `Swarm stack ${name} is removed.`,
          containers: 0,
          volumes: 0,
          ...removed,
          forgotten: forget,
        });
        return;
      }
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
