// Wall soak: the wall open in Debian's Chromium for BERTH_SOAK_MINUTES (default 30) while 50
// containers keep changing state (start, stop, pause, unpause, restart). Prints the page's JS heap
// (after a forced GC) at the start, every few minutes and at the end, and the growth, which
// should stay under 10 %: the wall's buffers (events ticker, charts, caches) are bounded.
//
//   BERTH_E2E_URL=http://127.0.0.1:7441 BERTH_SOAK_MINUTES=3 npx tsx bench/wall-soak.bench.ts
//
// It creates its containers and layout through the gateway and removes them afterwards.
// SOAK_CONTAINERS (default 50), SOAK_INTERVAL_MS (default 400: one state change each),
// BENCH_IMAGE, BENCH_ENDPOINT, BERTH_E2E_ADMIN_PASSWORD as for the log viewer benchmark.
import { chromium, request } from '@playwright/test';
import type { APIRequestContext, CDPSession } from '@playwright/test';

const BASE = process.env.BERTH_E2E_URL ?? 'http://127.0.0.1:7431';
const MINUTES = Number(process.env.BERTH_SOAK_MINUTES ?? 30);
const COUNT = Number(process.env.SOAK_CONTAINERS ?? 50);
const INTERVAL_MS = Number(process.env.SOAK_INTERVAL_MS ?? 400);
const IMAGE = process.env.BENCH_IMAGE ?? 'berth/busybox:latest';
const PASSWORD = process.env.BERTH_E2E_ADMIN_PASSWORD ?? 'harbour-lights-2026';
const ENDPOINT = process.env.BENCH_ENDPOINT ?? 'local';
const CSRF = { 'X-Berth-Csrf': '1' };
const docker = (path: string) => `/api/endpoints/${ENDPOINT}/docker${path}`;
const IDLE = ['sh', '-c', "trap 'exit 0' TERM; while true; do sleep 1; done"];

async function login(): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: BASE, extraHTTPHeaders: CSRF });
  const response = await api.post('/api/auth/login', {
    data: { username: process.env.BERTH_E2E_ADMIN ?? 'admin', password: PASSWORD },
  });
  if (!response.ok()) throw new Error(`login: ${response.status()} ${await response.text()}`);
  return api;
}

async function makeContainers(api: APIRequestContext, run: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const created = await api.post(docker(`/containers/create?name=soak-${run}-${i}`), {
      data: { Image: IMAGE, Cmd: IDLE, Labels: { 'berth.bench': 'soak' } },
    });
    if (!created.ok()) throw new Error(`create: ${created.status()} ${await created.text()}`);
    const { Id } = (await created.json()) as { Id: string };
    const started = await api.post(docker(`/containers/${Id}/start`));
    if (!started.ok()) throw new Error(`start: ${started.status()} ${await started.text()}`);
    ids.push(Id);
  }
  return ids;
}

/** One random state change; whatever the engine says (304, 409) is fine: it is churn. */
async function churn(api: APIRequestContext, ids: string[], counts: Map<string, number>) {
  const id = ids[Math.floor(Math.random() * ids.length)] as string;
  const inspect = await api.get(docker(`/containers/${id}/json`));
  if (!inspect.ok()) return;
  const state = ((await inspect.json()) as { State: { Status: string } }).State.Status;
  const action =
    state === 'running'
      ? (['stop?t=0', 'pause', 'restart?t=0'][Math.floor(Math.random() * 3)] as string)
      : state === 'paused'
        ? 'unpause'
        : 'start';
  const answer = await api.post(docker(`/containers/${id}/${action}`));
  const key = `${action.split('?')[0]} ${answer.status()}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

async function main() {
  const api = await login();
  const run = Math.random().toString(36).slice(2, 7);
  process.stdout.write(`starting ${COUNT} containers… `);
  const ids = await makeContainers(api, run);
  process.stdout.write('done\n');
  const created = await api.post('/api/wall/layouts', {
    data: {
      name: `soak-${run}`,
      config: {
        rotateSeconds: 20,
        pages: [
          {
            title: 'Soak',
            tiles: [
              { type: 'endpoints' },
              { type: 'containers', endpoint: ENDPOINT },
              { type: 'events' },
              {
                type: 'charts',
                endpoint: ENDPOINT,
                containers: Array.from({ length: 4 }, (_, i) => `soak-${run}-${i}`),
              },
            ],
          },
          { title: 'Containers', tiles: [{ type: 'containers', endpoint: ENDPOINT }] },
        ],
      },
    },
  });
  if (!created.ok()) throw new Error(`layout: ${created.status()} ${await created.text()}`);
  const layout = (await created.json()) as { id: number };

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
  });
  let stop = false;
  const counts = new Map<string, number>();
  try {
    const context = await browser.newContext({
      baseURL: BASE,
      viewport: { width: 1920, height: 1080 },
      extraHTTPHeaders: CSRF,
    });
    const loggedIn = await context.request.post('/api/auth/login', {
      data: { username: process.env.BERTH_E2E_ADMIN ?? 'admin', password: PASSWORD },
    });
    if (!loggedIn.ok()) throw new Error(`browser login: ${loggedIn.status()}`);
    const page = await context.newPage();
    await page.goto(`/wall?layout=${layout.id}`);
    await page.getByRole('heading', { level: 1, name: 'Soak' }).waitFor({ timeout: 60_000 });
    const cdp = await context.newCDPSession(page);

    const churner = (async () => {
      while (!stop) {
        const started = Date.now();
        await churn(api, ids, counts).catch(() => undefined);
        await new Promise((r) => setTimeout(r, Math.max(0, INTERVAL_MS - (Date.now() - started))));
      }
    })();

    // Warm up: every page shown once, caches and sockets at their working size.
    await page.waitForTimeout(45_000);
    const start = await heapMb(cdp);
    const began = Date.now();
    const samples: Array<{ minute: number; heapMb: number }> = [{ minute: 0, heapMb: start }];
    process.stdout.write(`wall soak for ${MINUTES} min; heap at start ${start.toFixed(2)} MB\n`);
    const every = Math.max(1, Math.round(MINUTES / 10));
    for (let minute = 1; minute <= MINUTES; minute++) {
      await page.waitForTimeout(Math.max(0, began + minute * 60_000 - Date.now()));
      if (minute % every === 0 || minute === MINUTES) {
        const mb = await heapMb(cdp);
        samples.push({ minute, heapMb: mb });
        process.stdout.write(`  ${String(minute).padStart(3)} min  ${mb.toFixed(2)} MB\n`);
      }
    }
    stop = true;
    await churner;
    const end = samples[samples.length - 1]?.heapMb ?? start;
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    const growth = ((end - start) / start) * 100;
    const result = {
      minutes: MINUTES,
      containers: COUNT,
      stateChanges: [...counts.entries()].sort(),
      heapStartMb: Number(start.toFixed(2)),
      heapEndMb: Number(end.toFixed(2)),
      growthPercent: Number(growth.toFixed(1)),
      domNodes,
      samples,
      target: 'growth < 10 %',
      pass: growth < 10,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (!result.pass) process.exitCode = 1;
  } finally {
    stop = true;
    await browser.close();
    await api.delete(`/api/wall/layouts/${layout.id}`);
    for (const id of ids) await api.delete(docker(`/containers/${id}?force=1`));
    await api.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `wall soak failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
