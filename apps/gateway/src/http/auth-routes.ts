import type { Me, SetupStatus } from '@berth/api';
import { FETCH_POLICY_SCOPES, ROLES, roleAtLeast } from '@berth/api';
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { auditToCsv } from '../audit/audit-log';
import {
  decoyHash,
  hashPassword,
  passwordProblem,
  usernameProblem,
  verifyPassword,
} from '../auth/passwords';
import type { Principal } from '../auth/principal';
import type { Security } from '../auth/security';
import { toSummary } from '../auth/users';
import { HttpError } from './errors';
import { parseBody, parseId } from './validate';

const role = z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` });
const credentials = z.object({
  username: z.string({ message: 'is required' }).trim().min(1, 'is required').max(64),
  password: z.string({ message: 'is required' }).min(1, 'is required').max(256),
});

function me(p: Principal): Me {
  const answer: Me = { id: p.userId, username: p.username, role: p.role, via: p.via };
  if (p.method) answer.method = p.method;
  return answer;
}

function principal(res: Response): Principal {
  const p = res.locals.principal;
  if (!p) throw new HttpError(401, 'Log in first.');
  return p;
}

function checkNewPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new HttpError(400, problem);
}

/** /api/auth, /api/users, /api/tokens, /api/audit, /api/settings and /api/registries. */
export function authRoutes(security: Security): Router {
  const { users, sessions, tokens, audit, settings, registries } = security.deps;
  const router = express.Router();
  // Only these routes take JSON bodies: the relay below /api streams its bodies untouched.
  router.use(
    ['/auth', '/users', '/tokens', '/settings', '/registries'],
    express.json({ limit: '64kb' }),
  );

  const record = (
    req: Request,
    res: Response,
    action: string,
    target: string | null,
    status: number,
    detail: string | null = null,
  ) => {
    const p = res.locals.principal;
    audit.record({
      username: p?.username ?? null,
      role: p?.role ?? null,
      ip: req.ip ?? null,
      endpoint: null,
      action,
      target,
      status,
      result:
        status < 400
          ? 'ok'
          : status === 401 || status === 403 || status === 429
            ? 'denied'
            : 'error',
      detail,
    });
  };

  const startSession = (req: Request, res: Response, userId: number) => {
    const secret = sessions.create(userId, { ip: req.ip, userAgent: req.headers['user-agent'] });
    security.setSessionCookie(res, secret);
    users.touchLogin(userId);
  };

  // ── first run ──────────────────────────────────────────────────────────────
  router.get('/auth/setup', (_req, res) => {
    const status: SetupStatus = { needed: security.setupNeeded() };
    res.json(status);
  });

  router.post('/auth/setup', async (req, res) => {
    const input = parseBody(credentials, req.body);
    const nameProblem = usernameProblem(input.username);
    if (nameProblem) throw new HttpError(400, nameProblem);
    checkNewPassword(input.password, input.username);
    if (!security.setupNeeded())
      throw new HttpError(409, 'Berth already has an admin. Log in instead.');
    const user = users.createFirstAdmin(input.username, await hashPassword(input.password));
    if (!user) throw new HttpError(409, 'Berth already has an admin. Log in instead.');
    startSession(req, res, user.id);
    res.locals.principal = {
      userId: user.id,
      username: user.username,
      role: user.role,
      via: 'session',
    };
    record(req, res, 'setup', user.username, 201);
    res.status(201).json(me(res.locals.principal));
  });

  // ── login / logout / me ───────────────────────────────────────────────────
  router.post('/auth/login', async (req, res) => {
    const input = parseBody(credentials, req.body);
    const userKey = input.username.toLowerCase();
    const ipKey = req.ip ?? 'unknown';
    const wait = Math.max(
      security.userLimiter.retryAfter([userKey]),
      security.ipLimiter.retryAfter([ipKey]),
    );
    // Typed `never` so TypeScript knows the code after a failed check has a user.
    const fail: (status: number, message: string, detail: string) => never = (
      status,
      message,
      detail,
    ) => {
      audit.record({
        username: input.username,
        role: null,
        ip: req.ip ?? null,
        endpoint: null,
        action: 'login',
        target: input.username,
        status,
        result: 'denied',
        detail,
      });
      throw new HttpError(status, message);
    };
    if (wait > 0) {
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      fail(
        429,
        `Too many failed logins. Try again in ${Math.ceil(wait / 60_000)} minute(s).`,
        'rate limited',
      );
    }
    const user = users.byName(input.username);
    // Verify against a decoy when the user is unknown, so the answer time reveals nothing.
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
    if (!user || !ok) {
      security.userLimiter.fail([userKey]);
      security.ipLimiter.fail([ipKey]);
      fail(401, 'Wrong user name or password.', user ? 'wrong password' : 'unknown user');
    }
    if (user.disabled)
      fail(403, 'This account is disabled. Ask an admin to enable it.', 'disabled');
    // Checked only after the password is right, so a stranger cannot probe which name is the
    // break-glass admin.
    if (!security.passwordLoginAllowed(user))
      fail(
        403,
        'Password login is turned off; use the single sign-on button instead.',
        'local login off',
      );
    security.userLimiter.clear(userKey);
    startSession(req, res, user.id);
    audit.record({
      username: user.username,
      role: user.role,
      ip: req.ip ?? null,
      endpoint: null,
      action: 'login',
      target: user.username,
      status: 200,
      result: 'ok',
      detail: null,
    });
    res.json(
      me({
        userId: user.id,
        username: user.username,
        role: user.role,
        via: 'session',
        method: 'local',
      }),
    );
  });

  // POST /auth/logout is in sso-routes.ts: it may also end the session at the identity provider.

  router.get('/auth/me', security.require('viewer'), (_req, res) => {
    res.json(me(principal(res)));
  });

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

  // ── audit (admin) ─────────────────────────────────────────────────────────
  const auditQuery = z.object({
    user: z.string().optional(),
    action: z.string().optional(),
    endpoint: z.string().optional(),
    result: z.enum(['ok', 'denied', 'error']).optional(),
    from: z.coerce.number().optional(),
    to: z.coerce.number().optional(),
    q: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(10_000).optional(),
    offset: z.coerce.number().int().min(0).optional(),
  });
  const readAuditQuery = (req: Request) => {
    const q = parseBody(auditQuery, req.query);
    return {
      username: q.user,
      action: q.action,
      endpoint: q.endpoint,
      result: q.result,
      from: q.from,
      to: q.to,
      text: q.q,
      limit: q.limit,
      offset: q.offset,
    };
  };

  router.get('/audit', security.require('admin'), (req, res) => {
    res.json(audit.query(readAuditQuery(req)));
  });

  router.get('/audit.csv', security.require('admin'), (req, res) => {
    const page = audit.query({ ...readAuditQuery(req), limit: 10_000 });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="berth-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
    );
    res.send(auditToCsv(page.entries));
  });

  // ── settings (admin) ──────────────────────────────────────────────────────
  router.get('/settings/security', security.require('admin'), (_req, res) => {
    res.json(settings.security());
  });

  // Each part optional: what is left out keeps its saved value.
  const securityInput = z.object({
    allowedBindPaths: z
      .array(z.string().regex(/^\/[^\0]*$/, 'must be absolute host paths'))
      .max(100)
      .optional(),
    engineFetch: z
      .object({
        appliesTo: z.enum(FETCH_POLICY_SCOPES, {
          message: `must be one of ${FETCH_POLICY_SCOPES.join(', ')}`,
        }),
        allowedHosts: z
          .array(
            z
              .string()
              .trim()
              .toLowerCase()
              .regex(
                /^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/,
                'must be host names or addresses, with an optional :port (e.g. registry.example.com, 10.0.0.5:5000, *.corp.example)',
              ),
          )
          .max(200),
        allowDockerHub: z.boolean(),
      })
      .optional(),
  });

  router.put('/settings/security', security.require('admin'), (req, res) => {
    const input = parseBody(securityInput, req.body);
    const current = settings.security();
    const next = {
      allowedBindPaths: input.allowedBindPaths ?? current.allowedBindPaths,
      engineFetch: input.engineFetch ?? current.engineFetch,
    };
    settings.setSecurity(next);
    const fetch = next.engineFetch;
    record(
      req,
      res,
      'settings.security',
      null,
      200,
      `allowedBindPaths=${next.allowedBindPaths.join(':')} engineFetch=${fetch.appliesTo} hub=${fetch.allowDockerHub} hosts=${fetch.allowedHosts.join(',')}`,
    );
    res.json(settings.security());
  });

  // ── registries: everyone who may pull can list them; only admins see/edit more ──
  const registryInput = z.object({
    name: z.string().trim().min(1, 'is required').max(100),
    server: z.string().trim().min(1, 'is required').max(300),
    username: z.string().min(1, 'is required').max(200),
    password: z.string().min(1, 'is required').max(4096),
    viewers: z.boolean().optional(),
  });

  // Viewers see only the registries an admin opened to them (the ones they may use).
  router.get('/registries', security.require('viewer'), (_req, res) => {
    const all = registries.list();
    const caller = principal(res);
    res.json(roleAtLeast(caller.role, 'operator') ? all : all.filter((r) => r.viewers));
  });

  router.post('/registries', security.require('admin'), (req, res) => {
    const input = parseBody(registryInput, req.body);
    if (registries.list().some((r) => r.name === input.name))
      throw new HttpError(409, `A registry named ${input.name} already exists.`);
    const created = registries.create(input);
    record(req, res, 'registry.create', input.name, 201, input.server);
    res.status(201).json(created);
  });

  router.put('/registries/:id', security.require('admin'), (req, res) => {
    const id = parseId(req.params.id);
    if (!registries.byId(id)) throw new HttpError(404, 'No such registry.');
    const input = parseBody(registryInput.partial(), req.body);
    registries.update(id, input);
    record(req, res, 'registry.update', input.name ?? String(id), 200);
    res.json(registries.byId(id));
  });

  router.delete('/registries/:id', security.require('admin'), (req, res) => {
    const id = parseId(req.params.id);
    const existing = registries.byId(id);
    if (!existing || !registries.delete(id)) throw new HttpError(404, 'No such registry.');
    record(req, res, 'registry.delete', existing.name, 204);
    res.status(204).end();
  });

  return router;
}
