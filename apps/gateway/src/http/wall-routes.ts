import type { WallPairingState } from '@berth/api';
import { wallLayoutConfig, wallPairingApproveSchema } from '@berth/api';
import express, { type Response, type Router } from 'express';
import { z } from 'zod';
import type { Security } from '../auth/security';
import type { WallStore } from '../wall/wall-store';
import { HttpError } from './errors';
import { requestRecorder } from './route-kit';
import { parseBody, parseId } from './validate';

const layoutInput = z.object({
  name: z.string().trim().min(1, 'is required').max(100),
  config: wallLayoutConfig,
});

/**
 * `/api/wall`: layouts, and pairing a wall screen without typing a password on it. The wall asks
 * for a pairing (it keeps the secret, shows the code), an admin approves the code from their own
 * session, and the wall's next poll gets a viewer session bound to a layout, revocable.
 */
export function wallRoutes(security: Security, wall: WallStore): Router {
  const router = express.Router();
  router.use(express.json({ limit: '64kb' }));
  const record = requestRecorder(security.deps.audit);
  const deviceLayout = (res: Response) => {
    const p = res.locals.principal;
    return p ? wall.device(p.userId) : undefined;
  };

  // ── layouts ───────────────────────────────────────────────────────────────
  router.get('/layouts', security.require('viewer'), (_req, res) => {
    const device = deviceLayout(res);
    // a paired screen sees only the layout it is bound to
    res.json(device ? wall.layouts().filter((l) => l.id === device.layoutId) : wall.layouts());
  });

  router.get('/layouts/:id', security.require('viewer'), (req, res) => {
    const id = parseId(req.params.id);
    const device = deviceLayout(res);
    const layout = wall.layout(id);
    if (!layout || (device && device.layoutId !== id))
      throw new HttpError(404, 'No such wall layout.');
    res.json(layout);
  });

  router.post('/layouts', security.require('admin'), (req, res) => {
    const input = parseBody(layoutInput, req.body);
    if (wall.layouts().some((l) => l.name === input.name))
      throw new HttpError(409, `A layout named ${input.name} already exists.`);
    const saved = wall.saveLayout(undefined, input.name, input.config);
    record(req, res, 'wall.layout.create', input.name, 201);
    res.status(201).json(saved);
  });

  router.put('/layouts/:id', security.require('admin'), (req, res) => {
    const id = parseId(req.params.id);
    if (!wall.layout(id)) throw new HttpError(404, 'No such wall layout.');
    const input = parseBody(layoutInput, req.body);
    const saved = wall.saveLayout(id, input.name, input.config);
    record(req, res, 'wall.layout.update', input.name, 200);
    res.json(saved);
  });

  router.delete('/layouts/:id', security.require('admin'), (req, res) => {
    const id = parseId(req.params.id);
    if (!wall.deleteLayout(id)) throw new HttpError(404, 'No such wall layout.');
    record(req, res, 'wall.layout.delete', String(id), 204);
    res.status(204).end();
  });

  // ── pairing ───────────────────────────────────────────────────────────────
  router.post('/pairings', (_req, res) => {
    const pairing = wall.startPairing();
    if (!pairing)
      throw new HttpError(
        429,
        'Too many walls are waiting to be paired; try again in a few minutes.',
      );
    res.status(201).json(pairing);
  });

  // The secret travels in the body, not the path: paths end up in logs.
  router.post('/pairings/state', (req, res) => {
    const { secret } = parseBody(z.object({ secret: z.string().min(10).max(100) }), req.body);
    const state = wall.pairingState(secret);
    if (state.state === 'gone')
      throw new HttpError(404, 'This pairing code has expired. Start again to get a new one.');
    if (state.state === 'pending') {
      const pending: WallPairingState = {
        status: 'pending',
        code: state.code,
        expiresAt: state.expiresAt,
      };
      return res.status(202).json(pending);
    }
    const session = security.deps.sessions.create(state.deviceUserId, {
      ip: req.ip,
      userAgent: req.headers['user-agent'],
    });
    security.setSessionCookie(res, session);
    const approved: WallPairingState = {
      status: 'approved',
      layoutId: wall.device(state.deviceUserId)?.layoutId ?? null,
    };
    res.json(approved);
  });

  router.post('/pairings/approve', security.require('admin'), (req, res) => {
    // The same schema the pairing form validates with (a bad field lands at that field).
    const input = parseBody(wallPairingApproveSchema, req.body);
    if (input.layoutId !== null && !wall.layout(input.layoutId))
      throw new HttpError(400, 'layoutId: no such wall layout');
    const device = wall.approve(input.code.replace(/[^a-z0-9]/gi, ''), input.name, input.layoutId);
    if (!device)
      throw new HttpError(
        404,
        'No wall is waiting with that code (codes expire after 10 minutes).',
      );
    record(req, res, 'wall.pair', device.name, 201);
    res.status(201).json(device);
  });

  // ── devices ───────────────────────────────────────────────────────────────
  router.get('/devices', security.require('admin'), (_req, res) => {
    res.json(wall.devices());
  });

  router.delete('/devices/:id', security.require('admin'), (req, res) => {
    const id = parseId(req.params.id);
    if (!wall.revoke(id)) throw new HttpError(404, 'No such wall device.');
    record(req, res, 'wall.revoke', String(id), 204);
    res.status(204).end();
  });

  return router;
}
