// Stacks: the same 20-service compose file brought up through Berth (POST /stacks, read to its
// last progress line) and by Debian's `docker-compose up -d`, on the same engine, alternating who
// goes first each round. Each round starts from nothing: the project is taken down in between.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { percentile } from './measure';

const ROUNDS = Number(process.env.BENCH_STACK_ROUNDS ?? 3);
const SERVICES = 20;
const IMAGE = 'berth/busybox:latest';

/** 20 services on the default network and one named volume, as a typical small project. */
function composeFile(): string {
  const lines = ['services:'];
  for (let i = 1; i <= SERVICES; i++)
    lines.push(
      `  svc${i}:`,
      `    image: ${IMAGE}`,
      `    command: ["sleep", "86400"]`,
      `    init: true`,
      `    environment:`,
      `      INDEX: "${i}"`,
      `    labels:`,
      `      bench: stacks`,
      ...(i === 1 ? ['    volumes:', '      - data:/data'] : []),
    );
  lines.push('volumes:', '  data: {}', '');
  return lines.join('\n');
}

interface Context {
  gatewayUrl: string;
  dockerHost: string;
  token: string;
}

/**
 * One request on a connection of its own: a kept-alive socket that sat idle through a CLI round
 * can be closed by the gateway just as it is reused, which would fail the round for nothing.
 */
function call(
  ctx: Context,
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${ctx.gatewayUrl}${path}`,
      {
        method,
        agent: false,
        headers: {
          Authorization: `Bearer ${ctx.token}`,
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function berthUp(ctx: Context, name: string, compose: string): Promise<number> {
  const started = performance.now();
  const res = await call(
    ctx,
    'POST',
    '/api/endpoints/local/stacks',
    JSON.stringify({ name, compose }),
  );
  const elapsed = performance.now() - started;
  const last = res.text.trim().split('\n').pop() ?? '';
  if (res.status !== 200 || !last.includes('"type":"done"'))
    throw new Error(`Berth's deploy did not finish: HTTP ${res.status} ${last}`);
  return elapsed;
}

async function berthDown(ctx: Context, name: string): Promise<void> {
  const res = await call(ctx, 'DELETE', `/api/endpoints/local/stacks/${name}?volumes=1&forget=1`);
  if (res.status >= 400) throw new Error(`Berth's down failed: HTTP ${res.status}`);
}

function cli(ctx: Context, file: string, name: string, ...args: string[]): void {
  execFileSync('docker-compose', ['-p', name, '-f', file, ...args], {
    env: { ...process.env, DOCKER_HOST: ctx.dockerHost },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

function cliUp(ctx: Context, file: string, name: string): number {
  const started = performance.now();
  cli(ctx, file, name, 'up', '-d');
  return performance.now() - started;
}

export async function benchStacks(ctx: Context): Promise<string[]> {
  const folder = mkdtempSync(join(tmpdir(), 'berth-bench-stack-'));
  const compose = composeFile();
  const file = join(folder, 'compose.yaml');
  writeFileSync(file, compose);
  const berthName = 'benchstkberth';
  const cliName = 'benchstkcli';
  const berth: number[] = [];
  const viaCli: number[] = [];
  try {
    await berthDown(ctx, berthName).catch(() => undefined);
    cli(ctx, file, cliName, 'down', '-v');
    for (let round = 0; round < ROUNDS; round++) {
      const runBerth = async () => {
        berth.push(await berthUp(ctx, berthName, compose));
        await berthDown(ctx, berthName);
      };
      const runCli = () => {
        viaCli.push(cliUp(ctx, file, cliName));
        cli(ctx, file, cliName, 'down', '-v');
      };
      if (round % 2 === 0) {
        await runBerth();
        runCli();
      } else {
        runCli();
        await runBerth();
      }
    }
  } finally {
    await berthDown(ctx, berthName).catch(() => undefined);
    try {
      cli(ctx, file, cliName, 'down', '-v');
    } catch {
      // already down
    }
    rmSync(folder, { recursive: true, force: true });
  }
  const medianBerth = percentile(berth, 50);
  const medianCli = percentile(viaCli, 50);
  const ratio = medianBerth / medianCli;
  const s = (value: number) => `${(value / 1000).toFixed(2)} s`;
  return [
    `stacks: a ${SERVICES}-service stack from nothing to running, ${ROUNDS} rounds each`,
    `  docker-compose up -d  median ${s(medianCli)}  (${viaCli.map(s).join(', ')})`,
    `  through Berth         median ${s(medianBerth)}  (${berth.map(s).join(', ')})`,
    `  ratio (Berth / docker-compose): ${ratio.toFixed(2)}x  (target ≤ 1.00x) ${ratio <= 1 ? 'OK' : 'OVER TARGET'}`,
  ];
}
