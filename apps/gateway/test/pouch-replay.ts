// A stand-in for pouchd (mock of an engine no machine here can run): serves the recorded answers
// of a real PouchContainer 1.3.0 (packages/api/fixtures/pouch-1.3.0) on a unix socket. Tests that
// use it say "pouch replay" in their names.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Recording {
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
    .map((f) => JSON.parse(readFileSync(new URL(f, FIXTURES), 'utf8')) as Recording);
}

export interface PouchReplay {
  host: string;
  /** Requests it received (method and path as sent, version prefix included). */
  seen: string[];
  close(): Promise<void>;
}

export async function startPouchReplay(): Promise<PouchReplay> {
  const recordings = loadRecordings();
  const socket = join(tmpdir(), `berth-pouch-${process.pid}-${Date.now()}.sock`);
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    const raw = req.url ?? '/';
    seen.push(`${req.method} ${raw}`);
    // pouchd accepts any /vX.Y prefix
    const path = raw.replace(/^\/v\d+\.\d+/, '');
    const bare = path.split('?')[0];
    // The recording of the same path whose query parameters are most like the request's.
    const keys = (p: string) => new Set(new URLSearchParams(p.split('?')[1] ?? '').keys());
    const asked = keys(path);
    const score = (r: Recording) => {
      const have = keys(r.request.path);
      let s = r.request.path === path ? 100 : 0;
      for (const k of have) s += asked.has(k) ? 1 : -1;
      for (const k of asked) if (!have.has(k)) s -= 1;
      return s;
    };
    const match = recordings
      .filter((r) => r.request.method === req.method && r.request.path.split('?')[0] === bare)
      .sort((a, b) => score(b) - score(a))[0];
    req.resume();
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
      return res.end();
    }
    res.end(JSON.stringify(match.body));
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    host: `unix://${socket}`,
    seen,
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
