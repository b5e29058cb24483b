import { ROLES, type Role } from '@berth/api';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log';
import { passwordProblem } from '../auth/passwords';
import type { Principal } from '../auth/principal';
import { HttpError } from './errors';

// What the /api/auth, /api/users, /api/tokens and admin routers share.

export const roleSchema = z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` });

export const credentials = z.object({
  username: z.string({ message: 'is required' }).trim().min(1, 'is required').max(64),
  password: z.string({ message: 'is required' }).min(1, 'is required').max(256),
});

/** A new password that breaks the policy is a 400 in the policy's words. */
export function checkNewPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new HttpError(400, problem);
}

/** The caller of a route behind security.require(); 401 if there is none. */
export function principal(res: Response): Principal {
  const p = res.locals.principal;
  if (!p) throw new HttpError(401, 'Log in first.');
  return p;
}

/** `recordRequest` bound to one audit log: what each router calls as `record(req, res, …)`. */
export function requestRecorder(audit: AuditLog) {
  return (
    req: Request,
    res: Response,
    action: string,
    target: string | null,
    status: number,
    detail: string | null = null,
  ): void => recordRequest(audit, req, res, action, target, status, detail);
}

/** An audit entry for what the caller of this request did, its result read from the status. */
export function recordRequest(
  audit: AuditLog,
  req: Request,
  res: Response,
  action: string,
  target: string | null,
  status: number,
  detail: string | null = null,
): void {
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
      status < 400 ? 'ok' : status === 401 || status === 403 || status === 429 ? 'denied' : 'error',
    detail,
  });
}

/**
 * The audit entry of one login attempt, by any method: who tried (or who it turned out to be),
 * with what result. `user` carries the role only once the attempt succeeded.
 */
export function recordLogin(
  audit: AuditLog,
  req: Request,
  attempt: { username: string | null; role?: Role | null; status: number; detail: string | null },
): void {
  audit.record({
    username: attempt.username,
    role: attempt.role ?? null,
    ip: req.ip ?? null,
    endpoint: null,
    action: 'login',
    target: attempt.username,
    status: attempt.status,
    result: attempt.status < 400 ? 'ok' : 'denied',
    detail: attempt.detail?.slice(0, 2000) ?? null,
  });
}
