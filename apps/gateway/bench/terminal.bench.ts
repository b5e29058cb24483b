// Terminal benchmarks: throughput of 100 MB of output, keystroke echo latency, and the gateway's
// memory during a flood read slowly — each through the gateway and straight on the engine's
// hijacked socket, in one run.
import type { Duplex } from 'node:stream';
import { Transport } from '../src/endpoints/transport';
import { openTerminal } from '../test/terminal-client';
import { currentRss, mib, ms, peakRss, percentile } from './measure';

const VOLUME = 100 * 1024 * 1024;
const ROUND_TRIPS = 300;
const WARM_UP = 50;

interface Setup {
  gatewayUrl: string;
  gatewayPid: number;
  socketPath: string;
  token: string;
  container: string;
}

async function directExec(
  engine: Transport,
  container: string,
  cmd: string[],
  tty: boolean,
): Promise<Duplex> {
  const created = await engine.json<{ Id: string }>('POST', `/v1.41/containers/${container}/exec`, {
    body: { AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: tty, Cmd: cmd },
  });
  const { socket, head } = await engine.hijack(`/v1.41/exec/${created.body.Id}/start`, {
    Detach: false,
    Tty: tty,
  });
  if (head.length) socket.unshift(head);
  return socket;
}

function drain(socket: Duplex): Promise<number> {
  return new Promise((resolve) => {
    let bytes = 0;
    socket.on('data', (c: Buffer) => (bytes += c.length));
    socket.on('close', () => resolve(bytes));
    socket.on('end', () => resolve(bytes));
  });
}

export async function benchTerminal(s: Setup): Promise<string[]> {
  const engine = new Transport(`unix://${s.socketPath}`);
  const auth = { Authorization: `Bearer ${s.token}` };
  const wsUrl = (query: Record<string, string>) =>
    `${s.gatewayUrl.replace('http', 'ws')}/api/endpoints/local/ws/exec?${new URLSearchParams({ container: s.container, ...query })}`;
  const flood = ['sh', '-c', `head -c ${VOLUME} /dev/zero`];
  const lines: string[] = [];

  // ── throughput: 100 MB without a TTY (multiplexed on the engine side, demuxed by Berth)
  let started = performance.now();
  const directBytes = await drain(await directExec(engine, s.container, flood, false));
  const directSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const t = await openTerminal(wsUrl({ cmd: JSON.stringify(flood), tty: '0' }), auth);
  await t.closed;
  const gatewaySeconds = (performance.now() - started) / 1000;
  const directRate = directBytes / directSeconds;
  const gatewayRate = t.received / gatewaySeconds;
  const ratio = gatewayRate / directRate;
  lines.push(
    `terminal throughput: 100 MB of output (no TTY)`,
    `  engine socket  ${mib(directRate)}/s (${mib(directBytes)} in ${directSeconds.toFixed(2)} s)`,
    `  through Berth  ${mib(gatewayRate)}/s (${mib(t.received)} in ${gatewaySeconds.toFixed(2)} s, acked as written)`,
    `  ratio: ${ratio.toFixed(2)}x  (target ≥ 0.70x) ${ratio >= 0.7 ? 'OK' : 'UNDER TARGET'}`,
  );

  // ── keystroke echo: one byte to `cat` on a TTY, until its echo comes back
  // Both sides wait for the echo's event (a busy poll would take a core from the gateway and
  // the engine on a two-core machine) and start after a warm-up, so JIT and the collection of
  // the throughput run's garbage are not what is measured.
  await new Promise((r) => setTimeout(r, 1000));
  const roundTrips = async (write: () => void, echoed: () => Promise<unknown>) => {
    const latency: number[] = [];
    for (let i = 0; i < WARM_UP + ROUND_TRIPS; i++) {
      const arrived = echoed();
      const t0 = performance.now();
      write();
      await arrived;
      if (i >= WARM_UP) latency.push(performance.now() - t0);
    }
    return latency;
  };
  const directCat = await directExec(engine, s.container, ['cat'], true);
  const directLatency = await roundTrips(
    () => directCat.write('x'),
    () => new Promise((resolve) => directCat.once('data', resolve)),
  );
  directCat.destroy();
  const cat = await openTerminal(wsUrl({ cmd: '["cat"]', tty: '1', cols: '80', rows: '24' }), auth);
  await new Promise((r) => setTimeout(r, 200));
  const gatewayLatency = await roundTrips(
    () => cat.send('x'),
    () => new Promise((resolve) => cat.ws.once('message', resolve)),
  );
  cat.ws.close();
  const p99 = percentile(gatewayLatency, 99);
  lines.push(
    `keystroke echo: ${ROUND_TRIPS} round trips, TTY running cat`,
    `  engine socket  p50 ${ms(percentile(directLatency, 50))}  p99 ${ms(percentile(directLatency, 99))}`,
    `  through Berth  p50 ${ms(percentile(gatewayLatency, 50))}  p95 ${ms(percentile(gatewayLatency, 95))}  p99 ${ms(p99)}  (target p99 ≤ 3 ms) ${p99 <= 3 ? 'OK' : 'OVER TARGET'}`,
  );

  // ── flood with a slow reader: the gateway must hold its memory, not the engine's output
  const rssBefore = currentRss(s.gatewayPid);
  const slow = await openTerminal(
    wsUrl({ cmd: '["sh","-c","cat /dev/urandom | base64"]', tty: '1' }),
    auth,
    { autoAck: false },
  );
  let acked = 0;
  // a reader that manages 1 MiB/s: acks 64 KiB every 62 ms
  const reader = setInterval(() => {
    const step = Math.min(64 * 1024, slow.received - acked);
    if (step > 0) {
      slow.ack(step);
      acked += step;
    }
  }, 62);
  await new Promise((r) => setTimeout(r, 10_000));
  clearInterval(reader);
  const rssDuring = currentRss(s.gatewayPid);
  slow.ws.close();
  lines.push(
    `flood with a slow reader (1 MiB/s for 10 s, engine producing as fast as it can)`,
    `  gateway RSS before ${mib(rssBefore)}, after ${mib(rssDuring)}, peak ${mib(peakRss(s.gatewayPid))}; client got ${mib(slow.received)}`,
  );
  engine.close();
  return lines;
}
