// A stand-in for pouchd (mock of an engine no machine here can run): serves the recorded answers
// of a real PouchContainer 1.3.0 (packages/api/fixtures/pouch-1.3.0) on a unix socket. Tests that
// use it say "pouch replay" in their names.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shortImageName } from '@berth/api';

interface Recording {
  /** The fixture's file name without `.json`. */
  name: string;
  request: { method: string; path: string };
  status: number;
  headers?: Record<string, string>;
  encoding: 'json' | 'json-lines' | 'base64' | 'empty';
  body: unknown;
}

const FIXTURES = new URL('../../../packages/api/fixtures/pouch-1.3.0/', import.meta.url);

export function loadRecordings(): Recording[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({
      ...(JSON.parse(readFileSync(new URL(f, FIXTURES), 'utf8')) as Omit<Recording, 'name'>),
      name: f.replace(/\.json$/, ''),
    }));
}

export interface PouchReplay {
  host: string;
  /** Requests it received (method and path as sent, version prefix included). */
  seen: string[];
  /** The same requests with their bodies (as text), to check what Berth forwarded. */
  received: Array<{
    method: string;
    path: string;
    body: string;
    headers: IncomingMessage['headers'];
  }>;
  /**
   * Answer from these recordings first where several were made of the same path (e.g. the
   * successful create rather than the duplicate-name refusal); replaces the earlier choice.
   */
  prefer(names: string[]): void;
  close(): Promise<void>;
}

export interface PouchReplayOptions {
  /** Where to listen (a unix socket path); a fresh one under the temp directory by default. */
  socket?: string;
  /**
   * Recordings to answer with when several were made of the same path (e.g. the browser suite
   * wants `containers-list-states`, the list with one container in each state).
   */
  prefer?: string[];
}

/**
 * pouchd takes a container by id, id prefix or name, an image by id or any of its names; the
 * recordings name them. Maps what a client sends (the UI uses ids) to the recorded name.
 */
export function aliasesOf(recordings: Recording[]): (path: string) => string {
  const containers = new Map<string, string>();
  const images = new Map<string, string>();
  for (const r of recordings) {
    if (r.request.method !== 'GET' || !Array.isArray(r.body)) continue;
    if (r.request.path.startsWith('/containers/json')) {
      for (const c of r.body as Array<{ Id: string; Names?: string[] }>)
        if (c.Names?.[0]) containers.set(c.Id, c.Names[0].replace(/^\//, ''));
    }
    if (r.request.path === '/images/json') {
      for (const i of r.body as Array<{ Id: string; RepoTags?: string[] | null }>) {
        const tag = i.RepoTags?.[0];
        if (!tag) continue;
        const short = shortImageName(tag);
        for (const key of [i.Id, i.Id.replace(/^sha256:/, ''), tag]) images.set(key, short);
      }
    }
  }
  const container = (ref: string) => {
    if (ref.length >= 12 && /^[0-9a-f]+$/.test(ref))
      for (const [id, name] of containers) if (id.startsWith(ref)) return name;
    return ref;
  };
  return (path) => {
    const c = /^\/containers\/([^/?]+)(.*)$/.exec(path);
    if (c && c[1] !== 'json' && c[1] !== 'create' && c[1] !== 'prune')
      return `/containers/${container(decodeURIComponent(c[1] as string))}${c[2]}`;
    const i = /^\/images\/(.+)\/(json|history)(\?.*)?$/.exec(path);
    if (i) {
      const ref = decodeURIComponent(i[1] as string);
      const name =
        images.get(ref) ??
        [...images.entries()].find(
          ([id]) =>
            ref.length >= 12 && id.replace(/^sha256:/, '').startsWith(ref.replace(/^sha256:/, '')),
        )?.[1] ??
        ref;
      return `/images/${name}/${i[2]}${i[3] ?? ''}`;
    }
    return path;
  };
}

export async function startPouchReplay(options: PouchReplayOptions = {}): Promise<PouchReplay> {
  const recordings = loadRecordings();
  const alias = aliasesOf(recordings);
  let prefer = new Set(options.prefer ?? []);
  const received: PouchReplay['received'] = [];
  const socket = options.socket ?? join(tmpdir(), `berth-pouch-${process.pid}-${Date.now()}.sock`);
  rmSync(socket, { force: true });
  const seen: string[] = [];
  /** The recording that answers a request, with the path pouchd would see. */
  const find = (method: string, raw: string) => {
    // pouchd accepts any /vX.Y prefix
    const path = alias(raw.replace(/^\/v\d+\.\d+/, ''));
    const bare = path.split('?')[0] ?? path;
    // The recording of the same path whose query parameters are most like the request's.
    const keys = (p: string) => new Set(new URLSearchParams(p.split('?')[1] ?? '').keys());
    const asked = keys(path);
    const score = (r: Recording) => {
      const have = keys(r.request.path);
      let s = (r.request.path === path ? 100 : 0) + (prefer.has(r.name) ? 1000 : 0);
      for (const k of have) s += asked.has(k) ? 1 : -1;
      for (const k of asked) if (!have.has(k)) s -= 1;
      return s;
    };
    const match = recordings
      .filter((r) => r.request.method === method && r.request.path.split('?')[0] === bare)
      .sort((a, b) => score(b) - score(a))[0];
    return { match, bare, asked };
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => answer(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  const answer = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const raw = req.url ?? '/';
    seen.push(`${req.method} ${raw}`);
    received.push({ method: req.method ?? 'GET', path: raw, body, headers: req.headers });
    const { match, bare, asked } = find(req.method ?? 'GET', raw);
    if (!match) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({ message: `pouch replay has no recording for ${req.method} ${bare}` }),
      );
      return;
    }
    const type = match.encoding === 'base64' ? 'application/octet-stream' : 'application/json';
    res.writeHead(match.status, {
      'Content-Type': match.encoding === 'empty' ? 'text/plain' : type,
    });
    if (match.encoding === 'empty') return res.end();
    if (match.encoding === 'base64') return res.end(Buffer.from(match.body as string, 'base64'));
    if (match.encoding === 'json-lines') {
      for (const item of match.body as unknown[]) res.write(`${JSON.stringify(item)}\n`);
      // pouchd keeps a live events stream (no `until`) open until the client leaves; ending it
      // would read as the engine going away.
      if (bare === '/events' && !asked.has('until')) return;
      return res.end();
    }
    res.end(JSON.stringify(match.body));
  };
  // Exec start and attach with `Upgrade: tcp`: pouchd answers 101 and hands over the raw stream
  // (the reference's "hijacking"). The recorded bytes are what it sent after the headers.
  server.on('upgrade', (req: IncomingMessage, conn: Duplex) => {
    const raw = req.url ?? '/';
    seen.push(`${req.method} ${raw} (upgrade)`);
    const { match, bare } = find(req.method ?? 'POST', raw);
    if (!match || match.status >= 300 || match.encoding !== 'base64') {
      const body = JSON.stringify(
        match?.body ?? { message: `pouch replay has no recording for ${req.method} ${bare}` },
      );
      conn.end(
        `HTTP/1.1 ${match?.status ?? 404} Error\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      return;
    }
    conn.write(
      'HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n',
    );
    conn.end(Buffer.from(match.body as string, 'base64'));
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    host: `unix://${socket}`,
    seen,
    received,
    prefer: (names) => {
      prefer = new Set(names);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(socket, { force: true });
          resolve();
        });
      }),
  };
}
