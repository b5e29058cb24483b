// Live-layer benchmarks: event delay through the gateway behind a direct engine subscription,
// and the cost of stats for many containers watched by many viewers.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import type { EventsMessage, StatsMessage } from '@berth/api';
import { JsonLines } from '@berth/api';
import WebSocket from 'ws';
import { ms, percentile } from './measure';

interface Setup {
  gatewayUrl: string;
  gatewayPid: number;
  socketPath: string;
  token: string;
}

function engineCall(
  socketPath: string,
  method: string,
  path: string,
  body?: object,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const req = request(
      {
        socketPath,
        method,
        path,
        headers: payload
          ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
          : {},
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(text));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function dockerdPid(socketPath: string): number {
  return Number(readFileSync(socketPath.replace(/docker\.sock$/, 'docker.pid'), 'utf8').trim());
}

export async function benchEventDelay(s: Setup, rounds = 200): Promise<string[]> {
  // Arrival times on both sides, keyed by container and action; compared once all are in.
  const directTimes = new Map<string, number>();
  const gatewayTimes = new Map<string, number>();
  const filter = encodeURIComponent('{"label":["berth.bench.event=1"]}');
  const direct = request({ socketPath: s.socketPath, path: `/v1.41/events?filters=${filter}` });
  direct.on('response', (res) => {
    const lines = new JsonLines<{ Actor: { ID: string }; Action: string }>();
    res.on('data', (c: Buffer) => {
      const now = performance.now();
      for (const e of lines.push(c)) directTimes.set(`${e.Actor.ID}:${e.Action}`, now);
    });
  });
  direct.end();
  const ws = new WebSocket(`${s.gatewayUrl.replace('http', 'ws')}/api/endpoints/local/ws/events`, {
    headers: { Authorization: `Bearer ${s.token}` },
  });
  ws.on('message', (data: Buffer) => {
    const now = performance.now();
    const m = JSON.parse(data.toString()) as EventsMessage;
    if (m.type === 'event') gatewayTimes.set(`${m.event.Actor.ID}:${m.event.Action}`, now);
  });
  await new Promise((r) => ws.on('open', r));
  await new Promise((r) => setTimeout(r, 300));

  const keys: string[] = [];
  for (let i = 0; i < rounds; i++) {
    const created = JSON.parse(
      await engineCall(s.socketPath, 'POST', `/v1.41/containers/create?name=bench-event-${i}`, {
        Image: 'berth/busybox:latest',
        Cmd: ['true'],
        Labels: { 'berth.bench.event': '1' },
      }),
    ) as { Id: string };
    keys.push(`${created.Id}:create`, `${created.Id}:destroy`);
    await engineCall(s.socketPath, 'DELETE', `/v1.41/containers/${created.Id}`);
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && keys.some((k) => !gatewayTimes.has(k) || !directTimes.has(k))) {
    await new Promise((r) => setTimeout(r, 50));
  }
  ws.close();
  direct.destroy();
  const delays = keys
    .filter((k) => gatewayTimes.has(k) && directTimes.has(k))
    .map((k) => Math.max(0, (gatewayTimes.get(k) ?? 0) - (directTimes.get(k) ?? 0)));
  const missing = keys.filter((k) => !gatewayTimes.has(k)).length;
  const p95 = percentile(delays, 95);
  return [
    `event delay: ${delays.length} container events, gateway websocket behind a direct engine subscription`,
    `  p50 ${ms(percentile(delays, 50))}  p95 ${ms(p95)}  max ${ms(Math.max(...delays))}  missing through Berth: ${missing}  (target p95 ≤ 50 ms) ${p95 <= 50 && missing === 0 ? 'OK' : 'OVER TARGET'}`,
  ];
}

export async function benchStatsFanout(
  s: Setup,
  containers = 50,
  viewers = 10,
  seconds = 20,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < containers; i++) {
    const created = JSON.parse(
      await engineCall(s.socketPath, 'POST', `/v1.41/containers/create?name=bench-stats-${i}`, {
        Image: 'berth/busybox:latest',
        Cmd: ['sleep', '86400'],
        Labels: { 'berth.bench': 'true' },
      }),
    ) as { Id: string };
    await engineCall(s.socketPath, 'POST', `/v1.41/containers/${created.Id}/start`);
    ids.push(created.Id);
  }
  let samples = 0;
  const sockets = await Promise.all(
    Array.from({ length: viewers }, () => {
      const ws = new WebSocket(
        `${s.gatewayUrl.replace('http', 'ws')}/api/endpoints/local/ws/stats`,
        { headers: { Authorization: `Bearer ${s.token}` } },
      );
      ws.on('message', (data: Buffer) => {
        if ((JSON.parse(data.toString()) as StatsMessage).type === 'stats') samples++;
      });
      return new Promise<WebSocket>((r) => ws.on('open', () => r(ws)));
    }),
  );
  for (const ws of sockets) ws.send(JSON.stringify({ type: 'subscribe', containers: ids }));
  await new Promise((r) => setTimeout(r, 3000));
  const metrics = await (
    await fetch(`${s.gatewayUrl}/metrics`, { headers: { Authorization: `Bearer ${s.token}` } })
  ).text();
  const upstream = Number(
    /berth_upstream_streams\{endpoint="local",kind="stats"\} (\d+)/.exec(metrics)?.[1] ?? NaN,
  );
  const dockerd = dockerdPid(s.socketPath);
  const gw0 = cpuSeconds(s.gatewayPid);
  const d0 = cpuSeconds(dockerd);
  const samples0 = samples;
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const gatewayCpu = ((cpuSeconds(s.gatewayPid) - gw0) / seconds) * 100;
  const dockerdCpu = ((cpuSeconds(dockerd) - d0) / seconds) * 100;
  const rate = (samples - samples0) / seconds;
  for (const ws of sockets) ws.close();
  await Promise.all(
    ids.map((id) => engineCall(s.socketPath, 'DELETE', `/v1.41/containers/${id}?force=1`)),
  );
  return [
    `stats fan-out: ${containers} running containers x ${viewers} viewers, ${seconds} s`,
    `  upstream stats streams: ${upstream} (one per container, not ${containers * viewers})`,
    `  samples delivered: ${rate.toFixed(0)}/s; gateway CPU ${gatewayCpu.toFixed(1)}% of one core; dockerd (incl. stats work) ${dockerdCpu.toFixed(1)}%`,
  ];
}
