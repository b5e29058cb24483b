import {
  registryInputSchema,
  registryPatchSchema,
  roleAtLeast,
  securitySettingsInputSchema,
} from '@berth/api';
import express, { type Request, type Router } from 'express';
import { z } from 'zod';
import { auditToCsv } from '../audit/audit-log';
import type { Security } from '../auth/security';
import { HttpError } from './errors';
import { principal, requestRecorder } from './route-kit';
import { parseBody, parseId } from './validate';

/** /api/audit, /api/settings/security and /api/registries. */
export function adminRoutes(security: Security): Router {
  const { audit, settings, registries } = security.deps;
  const router = express.Router();
  router.use(['/settings', '/registries'], express.json({ limit: '64kb' }));
  const record = requestRecorder(audit);

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

  router.put('/settings/security', security.require('admin'), (req, res) => {
    const input = parseBody(securitySettingsInputSchema, req.body);
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
  // Viewers see only the registries an admin opened to them (the ones they may use).
  router.get('/registries', security.require('viewer'), (_req, res) => {
    const all = registries.list();
    const caller = principal(res);
    res.json(roleAtLeast(caller.role, 'operator') ? all : all.filter((r) => r.viewers));
  });

  router.post('/registries', security.require('admin'), (req, res) => {
    const input = parseBody(registryInputSchema, req.body);
    if (registries.list().some((r) => r.name === input.name))
      throw new HttpError(409, `A registry named ${input.name} already exists.`);
    const created = registries.create(input);
    record(req, res, 'registry.create', input.name, 201, input.server);
    res.status(201).json(created);
  });

  router.put('/registries/:id', security.require('admin'), (req, res) => {
    const id = parseId(req.params.id);
    if (!registries.byId(id)) throw new HttpError(404, 'No such registry.');
    const input = parseBody(registryPatchSchema, req.body);
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
