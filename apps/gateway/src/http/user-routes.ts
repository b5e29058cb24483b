import { roleAtLeast } from '@berth/api';
import express, { type Router } from 'express';
import { z } from 'zod';
import { hashPassword, usernameProblem } from '../auth/passwords';
import type { Security } from '../auth/security';
import { toSummary } from '../auth/users';
import { HttpError } from './errors';
import {
  checkNewPassword,
  credentials,
  principal,
  requestRecorder,
  roleSchema as role,
} from './route-kit';
import { parseBody, parseId } from './validate';

/** /api/users (admin) and /api/tokens. */
export function userRoutes(security: Security): Router {
  const { users, sessions, tokens, audit } = security.deps;
  const router = express.Router();
  router.use(['/users', '/tokens'], express.json({ limit: '64kb' }));
  const record = requestRecorder(audit);

  // ── users (admin) ─────────────────────────────────────────────────────────
  router.get('/users', security.require('admin'), (_req, res) => {
    res.json(users.list().map(toSummary));
  });

  router.post('/users', security.require('admin'), async (req, res) => {
    const input = parseBody(credentials.extend({ role }), req.body);
    const nameProblem = usernameProblem(input.username);
    if (nameProblem) throw new HttpError(400, nameProblem);
    checkNewPassword(input.password, input.username);
    if (users.byName(input.username))
      throw new HttpError(409, `A user named ${input.username} already exists.`);
    const user = users.create(input.username, await hashPassword(input.password), input.role);
    record(req, res, 'user.create', user.username, 201, `role ${user.role}`);
    res.status(201).json(toSummary(user));
  });

  router.patch('/users/:id', security.require('admin'), async (req, res) => {
    const id = parseId(req.params.id);
    const input = parseBody(
      z.object({
        role: role.optional(),
        password: z.string().max(256).optional(),
        disabled: z.boolean().optional(),
      }),
      req.body,
    );
    const user = users.byId(id);
    if (!user) throw new HttpError(404, 'No such user.');
    const losesAdmin =
      user.role === 'admin' &&
      !user.disabled &&
      ((input.role && input.role !== 'admin') || input.disabled === true);
    if (losesAdmin && users.activeAdmins() <= 1)
      throw new HttpError(409, 'This is the last active admin; make another admin first.');
    // A password would be a way in that skips the provider (and its second factor, its offboarding).
    if (input.password !== undefined && user.externalId !== null)
      throw new HttpError(
        409,
        `${user.username} signs in through single sign-on and has no Berth password.`,
      );
    if (input.password !== undefined) checkNewPassword(input.password, user.username);
    users.update(id, {
      role: input.role,
      disabled: input.disabled,
      passwordHash: input.password === undefined ? undefined : await hashPassword(input.password),
    });
    // A new password, a lower role or a disabled account ends the user's sessions everywhere.
    if (
      input.password !== undefined ||
      input.disabled === true ||
      (input.role && !roleAtLeast(input.role, user.role))
    )
      sessions.revokeForUser(id);
    const changed = Object.keys(input).filter(
      (k) => k !== 'password' || input.password !== undefined,
    );
    record(
      req,
      res,
      'user.update',
      user.username,
      200,
      changed
        .map((k) =>
          k === 'password' ? 'password' : `${k}=${String(input[k as keyof typeof input])}`,
        )
        .join(', '),
    );
    res.json(toSummary({ ...user, ...users.byId(id) }));
  });

  router.delete('/users/:id', security.require('admin'), (req, res) => {
    const id = parseId(req.params.id);
    const user = users.byId(id);
    if (!user) throw new HttpError(404, 'No such user.');
    if (id === principal(res).userId) throw new HttpError(409, 'You cannot delete yourself.');
    if (user.role === 'admin' && !user.disabled && users.activeAdmins() <= 1)
      throw new HttpError(409, 'This is the last active admin.');
    users.delete(id);
    record(req, res, 'user.delete', user.username, 204);
    res.status(204).end();
  });

  // ── API tokens ────────────────────────────────────────────────────────────
  router.get('/tokens', security.require('viewer'), (_req, res) => {
    const p = principal(res);
    res.json(tokens.list(p.role === 'admin' ? undefined : p.userId));
  });

  router.post('/tokens', security.require('viewer'), (req, res) => {
    const p = principal(res);
    const input = parseBody(
      z.object({
        name: z.string({ message: 'is required' }).trim().min(1, 'is required').max(100),
        role,
      }),
      req.body,
    );
    if (!roleAtLeast(p.role, input.role))
      throw new HttpError(403, `A token cannot have more than your own role (${p.role}).`);
    const created = tokens.create(p.userId, input.name, input.role);
    record(req, res, 'token.create', input.name, 201, `role ${input.role}`);
    res.status(201).json(created);
  });

  router.delete('/tokens/:id', security.require('viewer'), (req, res) => {
    const p = principal(res);
    const id = parseId(req.params.id);
    const owner = tokens.ownerOf(id);
    if (owner === undefined || (owner !== p.userId && p.role !== 'admin'))
      throw new HttpError(404, 'No such token.');
    tokens.revoke(id);
    record(req, res, 'token.revoke', String(id), 204);
    res.status(204).end();
  });

  return router;
}
