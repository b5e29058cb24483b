import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { EndpointSummary, EndpointTestResult, Role } from '@berth/api';
import { ROLES } from '@berth/api';
import express, { type Router } from 'express';
import { z } from 'zod';
import type { Security } from '../auth/security';
import { Endpoint } from '../endpoints/endpoint';
import type { EndpointStore, StoredEndpoint } from '../endpoints/endpoint-store';
import type { EndpointRegistry } from '../endpoints/registry';
import type { SshMaterial } from '../endpoints/ssh-tunnel';
import { Transport, type TlsMaterial } from '../endpoints/transport';
import { HttpError } from './errors';
import { parseBody, parseId } from './validate';

const pem = z
  .string()
  .max(64 * 1024)
  .regex(/-----BEGIN [A-Z ]+-----/, 'must be PEM text (-----BEGIN …-----)');
const endpointInput = z
  .object({
    name: z.string().trim().min(1, 'is required').max(100),
    url: z
      .string()
      .trim()
      .regex(
        /^(unix:\/\/\/.+|tcp:\/\/[^/\s]+:\d+|ssh:\/\/([^@/\s]+@)?[^@/\s:]+(:\d+)?(\/\S*)?)$/,
        'must look like unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host',
      ),
    // The other managers of a swarm: tried in turn when the address in use stops answering.
    // They share the endpoint's TLS files; ssh:// is left out (each host has its own host key).
    alternates: z
      .array(
        z
          .string()
          .trim()
          .regex(
            /^(unix:\/\/\/.+|tcp:\/\/[^/\s]+:\d+)$/,
            'must look like unix:///var/run/docker.sock or tcp://host:2376',
          ),
      )
      .max(8, 'at most 8 other addresses')
      .optional(),
    tls: z
      .object({
        verify: z.boolean(),
        ca: pem.optional(),
        cert: pem.optional(),
        key: pem.optional(),
      })
      .nullable()
      .optional(),
    ssh: z
      .object({
        privateKey: z
          .string()
          .max(64 * 1024)
          .regex(/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'must be a private key (-----BEGIN …)')
          .optional(),
        passphrase: z.string().max(1024).optional(),
        // '' clears a pinned key, so the next connection pins the one the server shows.
        hostKey: z
          .string()
          .trim()
          .regex(/^(SHA256:[A-Za-z0-9+/]{43}=?)?$/, 'must be a SHA256:… fingerprint')
          // ssh-keygen prints it unpadded; a pasted base64 "=" must not make a mismatch
          .transform((key) => key.replace(/=+$/, ''))
          .optional(),
      })
      .nullable()
      .optional(),
  })
  .refine((input) => !input.tls || input.url.startsWith('tcp://'), {
    message: 'TLS settings apply to tcp:// addresses only',
    path: ['tls'],
  })
  .refine((input) => !input.ssh || input.url.startsWith('ssh://'), {
    message: 'SSH settings apply to ssh:// addresses only',
    path: ['ssh'],
  })
  .refine((input) => !input.alternates?.length || !input.url.startsWith('ssh://'), {
    message: 'other addresses work with unix:// and tcp:// endpoints: add each ssh host on its own',
    path: ['alternates'],
  })
  .refine(
    (input) =>
      new Set([input.url, ...(input.alternates ?? [])]).size ===
      1 + (input.alternates ?? []).length,
    {
      message: 'each address must differ from the others and from the address',
      path: ['alternates'],
    },
  );

/** A URL-safe id from a name: `Build box #2` → `build-box-2`, made unique. */
function slug(name: string, taken: (id: string) => boolean): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'engine';
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

function toTls(
  input: z.infer<typeof endpointInput>['tls'],
  previous?: TlsMaterial,
): TlsMaterial | undefined {
  if (!input) return undefined;
  return {
    enabled: true,
    verify: input.verify,
    ca: input.ca ?? (previous?.ca as string | undefined),
    cert: input.cert ?? (previous?.cert as string | undefined),
    key: input.key ?? (previous?.key as string | undefined),
  };
}

/** SSH material for an `ssh://` URL: given fields replace the saved ones, others stay. */
function toSsh(
  url: string,
  input: z.infer<typeof endpointInput>['ssh'],
  previous?: SshMaterial,
): SshMaterial | undefined {
  if (!url.startsWith('ssh://')) return undefined;
  const merged = { ...previous, ...input };
  return {
    privateKey: merged.privateKey || undefined,
    passphrase: merged.passphrase || undefined,
    hostKey: merged.hostKey || undefined,
  };
}

/** A saved endpoint made live; an `ssh://` one pins the host key it first sees. */
export function endpointFrom(
  stored: Pick<StoredEndpoint, 'id' | 'name' | 'url' | 'alternates' | 'tls' | 'ssh'>,
  store?: EndpointStore,
): Endpoint {
  return new Endpoint({
    id: stored.id,
    name: stored.name,
    transport: new Transport(stored.url, stored.tls, {
      ...stored.ssh,
      onHostKeyLearned: (fingerprint) => store?.pinHostKey(stored.id, fingerprint),
    }),
    alternates: stored.alternates.map((url) => new Transport(url, stored.tls)),
    source: 'saved',
  });
}

/** Connects once without saving anything: what the "Test" button shows. */
async function testConnection(
  url: string,
  tls: TlsMaterial | undefined,
  ssh: SshMaterial | undefined,
): Promise<EndpointTestResult> {
  const transport = new Transport(url, tls, ssh);
  const probe = new Endpoint({ id: 'probe', name: 'probe', transport });
  try {
    await probe.refresh();
  } finally {
    transport.close();
  }
  return {
    ok: probe.status === 'up',
    kind: probe.status === 'up' ? probe.kind : null,
    apiVersion: probe.apiVersion,
    engineVersion: probe.engineVersion,
    latencyMs: probe.latencyMs,
    error: probe.error,
    sshHostKey: transport.tunnel?.hostKey ?? null,
  };
}

/** The Docker CLI's contexts: `meta/<hash>/meta.json`, TLS files under `tls/<hash>/docker/`. */
export function readDockerContexts(
  configDir: string,
): Array<{ name: string; url: string; tls: TlsMaterial | undefined }> {
  const metaDir = join(configDir, 'contexts', 'meta');
  if (!existsSync(metaDir)) return [];
  const out = [];
  for (const hash of readdirSync(metaDir)) {
    const file = join(metaDir, hash, 'meta.json');
    if (!existsSync(file)) continue;
    const meta = JSON.parse(readFileSync(file, 'utf8')) as {
      Name?: string;
      Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
    };
    const host = meta.Endpoints?.docker?.Host;
    if (!meta.Name || !host || !/^(unix|tcp|ssh):\/\//.test(host)) continue;
    const tlsDir = join(configDir, 'contexts', 'tls', hash, 'docker');
    const read = (name: string) =>
      existsSync(join(tlsDir, name)) ? readFileSync(join(tlsDir, name), 'utf8') : undefined;
    const hasTls = existsSync(tlsDir);
    out.push({
      name: meta.Name,
      url: host,
      tls: hasTls
        ? {
            enabled: true,
            verify: !meta.Endpoints?.docker?.SkipTLSVerify,
            ca: read('ca.pem'),
            cert: read('cert.pem'),
            key: read('key.pem'),
          }
        : undefined,
    });
  }
  return out;
}

export interface EndpointRouteDeps {
  registry: EndpointRegistry;
  store: EndpointStore;
  security: Security;
  /** Where the Docker CLI keeps its config (DOCKER_CONFIG or ~/.docker). */
  dockerConfigDir?: string;
}

/** `/api/endpoints` (list, add, edit, test, remove, import) and `/api/users/:id/endpoints`. */
export function endpointRoutes({
  registry,
  store,
  security,
  dockerConfigDir,
}: EndpointRouteDeps): Router {
  const router = express.Router();
  const json = express.json({ limit: '256kb' });
  const audit = (
    req: express.Request,
    res: express.Response,
    action: string,
    target: string,
    status: number,
    detail: string | null = null,
  ) => {
    const p = res.locals.principal;
    security.deps.audit.record({
      username: p?.username ?? null,
      role: p?.role ?? null,
      ip: req.ip ?? null,
      endpoint: target,
      action,
      target,
      status,
      result: status < 400 ? 'ok' : 'error',
      detail,
    });
  };
  /** The endpoints the caller may see, each with the caller's role on it (for the UI's buttons). */
  const visible = (res: express.Response): EndpointSummary[] =>
    registry.list().flatMap((e) => {
      const role = security.endpointRole(res.locals.principal, e.id);
      return role ? [{ ...e.summary(), role }] : [];
    });

  router.get('/endpoints', security.require('viewer'), (_req, res) => {
    res.json(visible(res));
  });

  router.get('/endpoints/:id', security.require('viewer'), (req, res) => {
    const endpoint = registry.get(String(req.params.id));
    const role = endpoint && security.endpointRole(res.locals.principal, endpoint.id);
    if (!endpoint || !role) throw new HttpError(404, `No such endpoint: ${String(req.params.id)}`);
    res.json({ ...endpoint.summary(), role });
  });

  router.post('/endpoints/test', security.require('admin'), json, async (req, res) => {
    const input = parseBody(endpointInput, { name: 'test', ...(req.body as object) });
    res.json(await testConnection(input.url, toTls(input.tls), toSsh(input.url, input.ssh)));
  });

  router.post('/endpoints', security.require('admin'), json, async (req, res) => {
    const input = parseBody(endpointInput, req.body);
    const id = slug(input.name, (candidate) =>
      Boolean(registry.get(candidate) || store.get(candidate)),
    );
    const saved = store.save({
      id,
      name: input.name,
      url: input.url,
      alternates: input.alternates ?? [],
      tls: toTls(input.tls),
      ssh: toSsh(input.url, input.ssh),
    });
    const endpoint = endpointFrom(saved, store);
    registry.add(endpoint);
    await endpoint.refresh();
    audit(req, res, 'endpoint.create', id, 201, input.url);
    res.status(201).json(endpoint.summary());
  });

  router.put('/endpoints/:id', security.require('admin'), json, async (req, res) => {
    const id = String(req.params.id);
    const existing = store.get(id);
    if (!existing)
      throw new HttpError(
        registry.get(id) ? 409 : 404,
        registry.get(id)
          ? 'This endpoint comes from DOCKER_HOST; change it there.'
          : `No such endpoint: ${id}`,
      );
    const input = parseBody(endpointInput, req.body);
    const saved = store.save({
      id,
      name: input.name,
      url: input.url,
      alternates: input.alternates ?? existing.alternates,
      tls: input.tls === undefined ? existing.tls : toTls(input.tls, existing.tls),
      ssh: toSsh(input.url, input.ssh, existing.ssh),
    });
    const endpoint = endpointFrom(saved, store);
    registry.add(endpoint);
    await endpoint.refresh();
    audit(req, res, 'endpoint.update', id, 200, input.url);
    res.json(endpoint.summary());
  });

  router.delete('/endpoints/:id', security.require('admin'), (req, res) => {
    const id = String(req.params.id);
    if (!store.get(id))
      throw new HttpError(
        registry.get(id) ? 409 : 404,
        registry.get(id)
          ? 'This endpoint comes from DOCKER_HOST; it cannot be removed here.'
          : `No such endpoint: ${id}`,
      );
    store.delete(id);
    registry.remove(id);
    audit(req, res, 'endpoint.delete', id, 204);
    res.status(204).end();
  });

  // Import the Docker CLI's contexts found on the gateway's host (skips names already present).
  router.post('/endpoints/import', security.require('admin'), (req, res) => {
    const dir = dockerConfigDir ?? process.env.DOCKER_CONFIG ?? join(homedir(), '.docker');
    const contexts = readDockerContexts(dir);
    const names = new Set(registry.list().map((e) => e.name));
    const created: EndpointSummary[] = [];
    for (const context of contexts) {
      if (names.has(context.name)) continue;
      const id = slug(context.name, (candidate) =>
        Boolean(registry.get(candidate) || store.get(candidate)),
      );
      const endpoint = endpointFrom(
        store.save({
          id,
          name: context.name,
          url: context.url,
          alternates: [],
          tls: context.tls,
          ssh: toSsh(context.url, undefined),
        }),
        store,
      );
      registry.add(endpoint);
      created.push(endpoint.summary());
      audit(req, res, 'endpoint.import', id, 201, context.url);
    }
    res.json({ found: contexts.length, created });
  });

  // Per-endpoint roles: none means every endpoint with the user's own role.
  const grantsInput = z.object({
    grants: z.array(z.object({ endpoint: z.string().min(1), role: z.enum(ROLES) })).max(500),
  });

  router.get('/users/:id/endpoints', security.require('admin'), (req, res) => {
    res.json({ grants: store.grants(parseId(req.params.id)) });
  });

  router.put('/users/:id/endpoints', security.require('admin'), json, (req, res) => {
    const userId = parseId(req.params.id);
    const user = security.users.byId(userId);
    if (!user) throw new HttpError(404, 'No such user.');
    const { grants } = parseBody(grantsInput, req.body);
    for (const g of grants)
      if (!registry.get(g.endpoint)) throw new HttpError(400, `No such endpoint: ${g.endpoint}`);
    store.setGrants(userId, grants as Array<{ endpoint: string; role: Role }>);
    audit(
      req,
      res,
      'user.endpoints',
      user.username,
      200,
      grants.map((g) => `${g.endpoint}=${g.role}`).join(', ') || 'all endpoints',
    );
    res.json({ grants: store.grants(userId) });
  });

  return router;
}
