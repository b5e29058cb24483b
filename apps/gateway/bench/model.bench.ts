// The live engine model at 5,000 containers (`npm run bench -- model`): the engine's own list
// against the model's snapshot (cold: built on the first subscribe; warm: shared), the first
// page, what 100 container events cost, and the gateway's memory with 10 sessions watching.
import { request } from 'node:http';
import type { ModelMessage } from '@berth/api';
import WebSocket from 'ws';
import { currentRss, mib, ms, percentile } from './measure';

export interface ModelBench {
  gatewayUrl: string;
  gatewayPid: number;
  socketPath: string;
  token: string;
}

export function engineCall(socketPath: string, method: string, path: string) {
  return new Promise<{ status: number; bytes: number; text: string }>((resolve, reject) => {
    const req = request({ socketPath, method, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, bytes: body.length, text: body.toString() });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export interface Session {
  ws: WebSocket;
  firstPageMs: number;
  fullMs: number;
  bytes: number;
  rows: number;
  deltas: Array<{ at: number; message: Extract<ModelMessage, { type: 'model.delta' }> }>;
}

/** Opens an events socket, subscribes to the model and resolves once the snapshot is whole. */
export function subscribe(b: Pick<ModelBench, 'gatewayUrl' | 'token'>): Promise<Session> {
  const started = performance.now();
  const ws = new WebSocket(`${b.gatewayUrl.replace('http', 'ws')}/api/endpoints/local/ws/events`, {
    headers: { Authorization: `Bearer ${b.token}` },
  });
  return new Promise((resolve, reject) => {
    const session: Session = { ws, firstPageMs: 0, fullMs: 0, bytes: 0, rows: 0, deltas: [] };
    ws.on('open', () => ws.send(JSON.stringify({ type: 'model.subscribe' })));
    ws.on('error', reject);
    ws.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as ModelMessage | { type: string };
      if (message.type === 'model.delta') {
        session.deltas.push({
          at: performance.now(),
          message: message as Extract<ModelMessage, { type: 'model.delta' }>,
        });
      }
      if (message.type !== 'model.snapshot') return;
      const page = message as Extract<ModelMessage, { type: 'model.snapshot' }>;
      session.bytes += data.length;
      session.rows += page.rows.containers?.length ?? 0;
      if (page.page === 0) session.firstPageMs = performance.now() - started;
      if (page.last) {
        session.fullMs = performance.now() - started;
        resolve(session);
      }
    });
  });
}

export async function benchModel(b: ModelBench): Promise<string[]> {
  const lines = ['engine model, 5,000 containers'];
  const listTimes: number[] = [];
  let listBytes = 0;
  let count = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const answer = await engineCall(b.socketPath, 'GET', '/containers/json?all=1');
    listTimes.push(performance.now() - t);
    listBytes = answer.bytes;
    count = (JSON.parse(answer.text) as unknown[]).length;
  }
  const engineList = percentile(listTimes, 50);
  lines.push(
    `  engine GET /containers/json?all=1: ${ms(engineList)} median of 3, ${mib(listBytes)} (${count} containers)`,
  );

  const rssIdle = currentRss(b.gatewayPid);
  const cold = await subscribe(b);
  lines.push(
    `  model, cold (built on first subscribe): first page ${ms(cold.firstPageMs)}, whole ${ms(cold.fullMs)}, ${mib(cold.bytes)} for ${cold.rows} containers`,
  );
  const warmFirst: number[] = [];
  const warmFull: number[] = [];
  const sessions = [cold];
  for (let i = 0; i < 9; i++) {
    const s = await subscribe(b);
    warmFirst.push(s.firstPageMs);
    warmFull.push(s.fullMs);
    sessions.push(s);
  }
  lines.push(
    `  model, warm (shared): first page ${ms(percentile(warmFirst, 50))}, whole ${ms(percentile(warmFull, 50))} median of 9  (engine list ${ms(engineList)}: ${(percentile(warmFull, 50) / engineList).toFixed(2)}x)`,
  );
  const rssWatched = currentRss(b.gatewayPid);
  lines.push(
    `  gateway RSS: ${mib(rssIdle)} before, ${mib(rssWatched)} holding the model with 10 sessions watching`,
  );

  // 100 container events (50 start/stop pairs over 10 containers): each should be one small delta.
  const list = JSON.parse(
    (
      await engineCall(
        b.socketPath,
        'GET',
        '/containers/json?all=1&filters=%7B%22label%22%3A%5B%22berth.bench.model%22%5D%7D',
      )
    ).text,
  ) as Array<{ Id: string; State: string }>;
  const targets = list.filter((c) => c.State !== 'running').slice(0, 10);
  const watcher = sessions[1] ?? cold;
  const latencies: number[] = [];
  const deltaBytes = { before: 0 };
  const beforeDeltas = watcher.deltas.length;
  for (let round = 0; round < 5; round++) {
    for (const action of ['start', 'stop?t=0'] as const) {
      await Promise.all(
        targets.map(async (c) => {
          const want = action === 'start' ? 'running' : 'exited';
          const sent = performance.now();
          await engineCall(b.socketPath, 'POST', `/containers/${c.Id}/${action}`);
          const done = performance.now();
          const deadline = Date.now() + 5000;
          while (Date.now() < deadline) {
            const hit = watcher.deltas.find(
              (d) =>
                d.at >= sent &&
                d.message.changes.some(
                  (ch) =>
                    ch.id === c.Id &&
                    ch.op === 'changed' &&
                    (ch.fields as { state?: string }).state === want,
                ),
            );
            if (hit) {
              latencies.push(Math.max(0, hit.at - done));
              return;
            }
            await new Promise((r) => setTimeout(r, 2));
          }
          latencies.push(5000);
        }),
      );
    }
  }
  for (const d of watcher.deltas.slice(beforeDeltas))
    deltaBytes.before += JSON.stringify(d.message).length;
  lines.push(
    `  100 container events: ${watcher.deltas.length - beforeDeltas} deltas, ${mib(deltaBytes.before)} in all, 0 list refetches; row changed p95 ${ms(percentile(latencies, 95))} after the engine's answer`,
  );
  for (const s of sessions) s.ws.close();
  return lines;
}
