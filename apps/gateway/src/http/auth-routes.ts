import type { Me, SetupStatus } from '@berth/api';
import express, { type Request, type Response, type Router } from 'express';
import { decoyHash, hashPassword, usernameProblem, verifyPassword } from '../auth/passwords';
import type { Principal } from '../auth/principal';
import type { Security } from '../auth/security';
import { HttpError } from './errors';
import {
  checkNewPassword,
  credentials,
  principal,
  recordLogin,
  requestRecorder,
} from './route-kit';
import { parseBody } from './validate';

function me(p: Principal): Me {
  const answer: Me = { id: p.userId, username: p.username, role: p.role, via: p.via };
  if (p.method) answer.method = p.method;
  return answer;
}

/**
 * /api/auth: first run, password login and who am I. Users and tokens are in user-routes.ts,
 * the audit log, settings and registries in admin-routes.ts, single sign-on and logout in
 * sso-routes.ts.
 */
export function authRoutes(security: Security): Router {
  const { users, sessions, audit } = security.deps;
  const router = express.Router();
  // Only these routers take JSON bodies: the relay below /api streams its bodies untouched.
  router.use('/auth', express.json({ limit: '64kb' }));
  const record = requestRecorder(audit);

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
      recordLogin(audit, req, { username: input.username, status, detail });
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
    recordLogin(audit, req, {
      username: user.username,
      role: user.role,
      status: 200,
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

  return router;
}
