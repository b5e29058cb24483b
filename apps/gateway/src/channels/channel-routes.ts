import type { IncomingMessage } from 'node:http';
import { attachIsMultiplexed } from '@berth/api';
import type { ContainerInspect } from '@berth/api';
import { z } from 'zod';
import type { WebSocket } from 'ws';
import type { AuditLog } from '../audit/audit-log';
import type { Endpoint } from '../endpoints/endpoint';
import { EngineCallError } from '../endpoints/transport';
import type { WsContext } from '../ws/upgrade-router';
import { ChannelSession, EarlyMessages, failSession } from './channel-session';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const size = z.coerce.number().int().min(1).max(1000);
const jsonStrings = (what: string) =>
  z.string().transform((text, ctx) => {
    try {
      const value: unknown = JSON.parse(text);
      if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        return value as string[];
    } catch {
      // reported below
    }
    ctx.addIssue({
      code: 'custom',
      message: `${what} must be a JSON array of strings, e.g. ["/bin/sh","-l"]`,
    });
    return z.NEVER;
  });

const execQuery = z.object({
  container: z.string({ message: 'container is required' }).min(1, 'container is required'),
  cmd: jsonStrings('cmd').default(['/bin/sh']),
  tty: flag.default(true),
  cols: size.optional(),
  rows: size.optional(),
  user: z.string().optional(),
  workdir: z.string().optional(),
  env: jsonStrings('env').optional(),
  flow: z.enum(['on', 'off']).default('on'),
});

const attachQuery = z.object({
  container: z.string({ message: 'container is required' }).min(1, 'container is required'),
  logs: flag.default(false),
  cols: size.optional(),
  rows: size.optional(),
  flow: z.enum(['on', 'off']).default('on'),
});

function parseQuery<T extends z.ZodType>(schema: T, url: URL): z.infer<T> | string {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'is invalid'}`;
}

async function engineJson<T>(
  endpoint: Endpoint,
  method: string,
  path: string,
  body?: object,
): Promise<T> {
  const res = await endpoint.transport.json<T & { message?: string }>(
    method,
    endpoint.versionedPath(path),
    { body, timeoutMs: 15_000 },
  );
  if (res.status >= 400)
    throw new EngineCallError(res.status, res.body?.message ?? `HTTP ${res.status}`);
  return res.body;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface TerminalDeps {
  audit: AuditLog;
  /** Counts live engine streams for /metrics. */
  track(endpoint: string, kind: 'exec' | 'attach' | 'logs'): () => void;
}

function audit(
  deps: TerminalDeps,
  ctx: WsContext,
  action: string,
  target: string,
  status: number,
  detail: string,
) {
  deps.audit.record({
    username: ctx.principal.username,
    role: ctx.principal.role,
    ip: ctx.req.socket.remoteAddress ?? null,
    endpoint: ctx.endpoint.id,
    action,
    target,
    status,
    result: status < 400 ? 'ok' : 'error',
    detail,
  });
}

/** `WS …/ws/exec`: create an exec, start it hijacked, size it, and bridge it. */
export function execRoute(deps: TerminalDeps) {
  return async (ws: WebSocket, ctx: WsContext): Promise<void> => {
    const early = new EarlyMessages(ws);
    const q = parseQuery(execQuery, ctx.url);
    if (typeof q === 'string') return failSession(ws, q);
    const { endpoint } = ctx;
    const container = encodeURIComponent(q.container);
    try {
      const created = await engineJson<{ Id: string }>(
        endpoint,
        'POST',
        `/containers/${container}/exec`,
        {
          AttachStdin: true,
          AttachStdout: true,
          AttachStderr: true,
          Tty: q.tty,
          Cmd: q.cmd,
          ...(q.user ? { User: q.user } : {}),
          ...(q.workdir ? { WorkingDir: q.workdir } : {}),
          ...(q.env ? { Env: q.env } : {}),
        },
      );
      const execId = created.Id;
      const { socket, head } = await endpoint.transport.hijack(
        endpoint.versionedPath(`/exec/${execId}/start`),
        { Detach: false, Tty: q.tty },
      );
      audit(deps, ctx, 'exec', q.container, 101, q.cmd.join(' '));
      const resize = async ({ cols, rows }: { cols: number; rows: number }) => {
        await engineJson(endpoint, 'POST', `/exec/${execId}/resize?h=${rows}&w=${cols}`);
      };
      const untrack = deps.track(endpoint.id, 'exec');
      new ChannelSession({
        ws,
        early,
        // The size is applied right after the start: before it, the engine has no TTY to size.
        ...(q.tty && q.cols && q.rows ? { initialSize: { cols: q.cols, rows: q.rows } } : {}),
        engine: socket,
        input: socket,
        head,
        multiplexed: !q.tty,
        flowControl: q.flow === 'on',
        resize,
        finish: async (firstOutput) => {
          const info = await engineJson<{ ExitCode: number | null; Running: boolean }>(
            endpoint,
            'GET',
            `/exec/${execId}/json`,
          );
          if (info.Running) return [];
          const exit = { type: 'exit' as const, exitCode: info.ExitCode };
          // Docker prints a command that can't start (no such file, not executable) into the
          // stream and exits 126/127: surface it as the engine's refusal too.
          const failed = /^OCI runtime exec failed.*/.exec(firstOutput.trim());
          const cannotStart = failed && (info.ExitCode === 126 || info.ExitCode === 127);
          return cannotStart ? [{ type: 'error', message: failed[0] }, exit] : [exit];
        },
        onClose: untrack,
      });
    } catch (error) {
      audit(
        deps,
        ctx,
        'exec',
        q.container,
        error instanceof EngineCallError ? error.status : 500,
        messageOf(error),
      );
      failSession(ws, messageOf(error));
    }
  };
}

/** `WS …/ws/attach`: attach to the main process; closing the socket detaches and leaves it running. */
export function attachRoute(deps: TerminalDeps) {
  return async (ws: WebSocket, ctx: WsContext): Promise<void> => {
    const early = new EarlyMessages(ws);
    const q = parseQuery(attachQuery, ctx.url);
    if (typeof q === 'string') return failSession(ws, q);
    const { endpoint } = ctx;
    const container = encodeURIComponent(q.container);
    try {
      const inspect = await engineJson<ContainerInspect>(
        endpoint,
        'GET',
        `/containers/${container}/json`,
      );
      const tty = inspect.Config.Tty === true;
      const query = `stream=1&stdin=1&stdout=1&stderr=1&logs=${q.logs ? 1 : 0}`;
      const { socket, head } = await endpoint.transport.hijack(
        endpoint.versionedPath(`/containers/${container}/attach?${query}`),
      );
      audit(deps, ctx, 'attach', q.container, 101, q.logs ? 'with logs' : '');
      const resize = async ({ cols, rows }: { cols: number; rows: number }) => {
        await engineJson(endpoint, 'POST', `/containers/${container}/resize?h=${rows}&w=${cols}`);
      };
      const untrack = deps.track(endpoint.id, 'attach');
      new ChannelSession({
        ws,
        early,
        ...(tty && q.cols && q.rows ? { initialSize: { cols: q.cols, rows: q.rows } } : {}),
        engine: socket,
        input: socket,
        head,
        // pouchd's attach is raw even without a TTY (the adapter seam decides; Docker multiplexes)
        multiplexed: attachIsMultiplexed(endpoint.kind, tty),
        flowControl: q.flow === 'on',
        resize,
        finish: async () => {
          const after = await engineJson<ContainerInspect>(
            endpoint,
            'GET',
            `/containers/${container}/json`,
          );
          // Still running: the user detached (detach keys); nothing exited.
          return after.State.Running ? [] : [{ type: 'exit', exitCode: after.State.ExitCode }];
        },
        onClose: untrack,
      });
    } catch (error) {
      audit(
        deps,
        ctx,
        'attach',
        q.container,
        error instanceof EngineCallError ? error.status : 500,
        messageOf(error),
      );
      failSession(ws, messageOf(error));
    }
  };
}

const logsQuery = z.object({
  // exactly one of: a container, a swarm service, a swarm task
  container: z.string().min(1).optional(),
  service: z.string().min(1).optional(),
  task: z.string().min(1).optional(),
  follow: flag.default(true),
  tail: z.union([z.literal('all'), z.coerce.number().int().min(0)]).default('all'),
  since: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'since must be a unix time in seconds')
    .optional(),
  until: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'until must be a unix time in seconds')
    .optional(),
  timestamps: flag.default(true),
  stdout: flag.default(true),
  stderr: flag.default(true),
  flow: z.enum(['on', 'off']).default('on'),
});

/**
 * `WS …/ws/logs`: a container's (or swarm service's or task's) logs on the channel protocol, stdout (1) and stderr (2) apart,
 * lines the engine split joined again, flow-controlled like a terminal.
 */
export function logsRoute(deps: Pick<TerminalDeps, 'track'>) {
  return async (ws: WebSocket, ctx: WsContext): Promise<void> => {
    const q = parseQuery(logsQuery, ctx.url);
    if (typeof q === 'string') return failSession(ws, q);
    const source = q.container
      ? { path: 'containers', id: q.container }
      : q.service
        ? { path: 'services', id: q.service }
        : q.task
          ? { path: 'tasks', id: q.task }
          : undefined;
    if (!source) return failSession(ws, 'container, service or task is required');
    const { endpoint } = ctx;
    const id = encodeURIComponent(source.id);
    try {
      // Output is multiplexed unless the container (or the service's containers) has a TTY.
      const tty =
        source.path === 'containers'
          ? (await engineJson<ContainerInspect>(endpoint, 'GET', `/containers/${id}/json`)).Config
              .Tty === true
          : source.path === 'services'
            ? (
                await engineJson<{
                  Spec?: { TaskTemplate?: { ContainerSpec?: { TTY?: boolean } } };
                }>(endpoint, 'GET', `/services/${id}`)
              ).Spec?.TaskTemplate?.ContainerSpec?.TTY === true
            : (
                await engineJson<{ Spec?: { ContainerSpec?: { TTY?: boolean } } }>(
                  endpoint,
                  'GET',
                  `/tasks/${id}`,
                )
              ).Spec?.ContainerSpec?.TTY === true;
      const params = new URLSearchParams({
        follow: q.follow ? '1' : '0',
        stdout: q.stdout ? '1' : '0',
        stderr: q.stderr ? '1' : '0',
        timestamps: q.timestamps ? '1' : '0',
        tail: String(q.tail),
      });
      if (q.since) params.set('since', q.since);
      if (q.until) params.set('until', q.until);
      const req = endpoint.transport.request({
        method: 'GET',
        path: endpoint.versionedPath(`/${source.path}/${id}/logs?${params}`),
      });
      req.end();
      const res = await new Promise<IncomingMessage>((resolve, reject) => {
        req.on('response', resolve);
        req.on('error', (error) => reject(new EngineCallError(502, endpoint.markDown(error))));
      });
      if ((res.statusCode ?? 500) >= 400) {
        const chunks: Buffer[] = [];
        for await (const chunk of res) chunks.push(chunk as Buffer);
        const text = Buffer.concat(chunks).toString('utf8');
        let message = text.trim() || `HTTP ${res.statusCode}`;
        try {
          message = (JSON.parse(text) as { message?: string }).message ?? message;
        } catch {
          // plain text
        }
        throw new EngineCallError(res.statusCode ?? 500, message);
      }
      const untrack = deps.track(endpoint.id, 'logs');
      new ChannelSession({
        ws,
        engine: res,
        multiplexed: !tty,
        joinTimestampedLines: q.timestamps,
        flowControl: q.flow === 'on',
        finish: async () => [],
        onClose: () => {
          req.destroy();
          untrack();
        },
      });
    } catch (error) {
      failSession(ws, messageOf(error));
    }
  };
}
