// Log viewer benchmark: in Debian's Chromium against a running gateway, how fast "All lines" of a
// 1,000,000-line log shows its newest line, how long the older lines take to fill in above it
// (beside the engine's own stream of the whole log, timed in the same run: DOCKER_HOST), how
// busy the page's main thread was meanwhile, and how long search takes over the million lines
// (plain and regex). Prints the numbers.
//
//   BERTH_E2E_URL=http://127.0.0.1:7435 npx tsx bench/log-viewer.bench.ts      (from e2e/)
//
// It creates the container itself through the gateway (`seq 1 N` on berth/busybox:latest) and
// removes it afterwards, unless BENCH_CONTAINER names one that already printed its lines.
// BENCH_LINES (default 1000000), BENCH_IMAGE, BERTH_E2E_ADMIN_PASSWORD as for the e2e specs.
import { request as httpRequest } from 'node:http';
import { chromium, request } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';

const BASE = process.env.BERTH_E2E_URL ?? 'http://127.0.0.1:7431';
const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const IMAGE = process.env.BENCH_IMAGE ?? 'berth/busybox:latest';
const PASSWORD = process.env.BERTH_E2E_ADMIN_PASSWORD ?? 'harbour-lights-2026';
const ENDPOINT = process.env.BENCH_ENDPOINT ?? 'local';
const CSRF = { 'X-Berth-Csrf': '1' };
const docker = (path: string) => `/api/endpoints/${ENDPOINT}/docker${path}`;

async function login(): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: BASE, extraHTTPHeaders: CSRF });
  const response = await api.post('/api/auth/login', {
    data: { username: process.env.BERTH_E2E_ADMIN ?? 'admin', password: PASSWORD },
  });
  if (!response.ok()) throw new Error(`login: ${response.status()} ${await response.text()}`);
  return api;
}

async function makeContainer(api: APIRequestContext): Promise<string> {
  const name = `bench-logs-${Math.random().toString(36).slice(2, 8)}`;
  const created = await api.post(docker(`/containers/create?name=${name}`), {
    data: { Image: IMAGE, Cmd: ['seq', '1', String(LINES)], Labels: { 'berth.bench': '1' } },
  });
  if (!created.ok()) throw new Error(`create: ${created.status()} ${await created.text()}`);
  const { Id } = (await created.json()) as { Id: string };
  const started = await api.post(docker(`/containers/${Id}/start`));
  if (!started.ok()) throw new Error(`start: ${started.status()} ${await started.text()}`);
  const waited = await api.post(docker(`/containers/${Id}/wait`), { timeout: 300_000 });
  if (!waited.ok()) throw new Error(`wait: ${waited.status()}`);
  return Id;
}

/**
 * The engine's own stream of the whole log (no follow, timestamps as the viewer asks), read and
 * thrown away: what a backfill is measured against. Straight from the engine's socket when
 * DOCKER_HOST names one, else through the gateway's Engine API relay (then says so).
 */
async function engineStreamSeconds(api: APIRequestContext, id: string) {
  const query = `stdout=1&stderr=1&timestamps=1&tail=all&follow=0`;
  const host = process.env.DOCKER_HOST ?? '';
  const started = Date.now();
  if (host.startsWith('unix://')) {
    const bytes = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { socketPath: host.slice('unix://'.length), path: `/containers/${id}/logs?${query}` },
        (res) => {
          let total = 0;
          res.on('data', (chunk: Buffer) => (total += chunk.length));
          res.on('end', () => resolve(total));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    });
    return { seconds: (Date.now() - started) / 1000, bytes, via: 'engine socket' };
  }
  const response = await api.get(docker(`/containers/${id}/logs?${query}`), { timeout: 600_000 });
  const bytes = (await response.body()).length;
  return { seconds: (Date.now() - started) / 1000, bytes, via: 'gateway relay' };
}

/** Waits until the search status settles (no trailing "…") and returns it. */
async function searchSettled(page: Page): Promise<string> {
  const handle = await page.waitForFunction(
    () => {
      const text = document.querySelector('[data-testid="log-search-status"]')?.textContent ?? '';
      return /^(No matches|[\d,]+ match(es)?)$/.test(text) ? text : false;
    },
    undefined,
    { polling: 'raf', timeout: 120_000 },
  );
  return String(await handle.jsonValue());
}

async function timedSearch(page: Page, query: string, regex: boolean) {
  const box = page.getByRole('searchbox', { name: 'Search logs' });
  await box.fill('');
  await page.getByRole('checkbox', { name: 'Regex' }).setChecked(regex);
  const started = Date.now();
  await box.fill(query);
  const status = await searchSettled(page);
  const ms = Date.now() - started;
  if (status === 'No matches') return { query, regex, status, ms, jumpMs: 0 };
  // Jumping to the first match: scroll and render there.
  const jumpStarted = Date.now();
  await page.getByRole('button', { name: 'Next match' }).click();
  await page
    .getByTestId('log-search-status')
    // the match nearest the view, which need not be the first of the log
    .filter({ hasText: /^[\d,]+ of / })
    .waitFor();
  await page.locator('[data-current] mark').first().waitFor();
  return { query, regex, status, ms, jumpMs: Date.now() - jumpStarted };
}

async function main() {
  const api = await login();
  const own = !process.env.BENCH_CONTAINER;
  process.stdout.write(own ? `printing ${LINES.toLocaleString()} lines in a container… ` : '');
  const made = Date.now();
  const container = process.env.BENCH_CONTAINER ?? (await makeContainer(api));
  if (own) console.log(`${((Date.now() - made) / 1000).toFixed(1)} s`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext({
      storageState: await api.storageState(),
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${BASE}/endpoints/${ENDPOINT}/containers/${container}`);
    await page.getByRole('tab', { name: 'Logs' }).waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const metric = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(metrics.map((m) => [m.name, m.value])) as Record<string, number>;
    };

    // ── ingest: the newest line first, then the older ones above it ──
    const before = await metric();
    const t0 = Date.now();
    await page.getByRole('tab', { name: 'Logs' }).click();
    const last = String(LINES);
    await page.waitForFunction(
      // `seq 1 N`: only the last line holds N.
      (want) => document.querySelector('[role="log"]')?.textContent?.includes(want) ?? false,
      last,
      { polling: 'raf', timeout: 120_000 },
    );
    const newestMs = Date.now() - t0;
    const total = LINES.toLocaleString('en-US');
    await page.waitForFunction(
      (want) =>
        (document.querySelector('[data-testid="log-line-count"]')?.textContent?.startsWith(want) ??
          false) &&
        !document.querySelector('[data-testid="log-backfill"]'),
      `${total} lines`,
      { polling: 100, timeout: 600_000 },
    );
    const ingestMs = Date.now() - t0;
    const after = await metric();
    const longTasks = await page.evaluate(
      () => (window as unknown as { longTasks: number[] }).longTasks,
    );
    const busy = ((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000;
    // The engine alone, right after, on the same machine.
    const engineStream = await engineStreamSeconds(api, container);
    // Said at once: the searches and scrolling below must not take these figures with them.
    console.log(
      `\nlog viewer: newest line ${newestMs} ms, all ${LINES.toLocaleString()} lines ${(ingestMs / 1000).toFixed(2)} s, engine's own stream ${engineStream.seconds.toFixed(2)} s (${(ingestMs / 1000 / engineStream.seconds).toFixed(2)}x)`,
    );

    // ── search ──
    const searches = [
      await timedSearch(page, '999999', false),
      await timedSearch(page, '^99\\d{4}$', true),
      await timedSearch(page, 'no such line', false),
    ];

    // ── scrolling: frames while paging through the middle ──
    await page.getByRole('searchbox', { name: 'Search logs' }).fill('');
    await page.getByRole('log').focus();
    const frames = await page.evaluate(async () => {
      const log = document.querySelector('[role="log"]') as HTMLElement;
      log.scrollTop = log.scrollHeight / 2;
      const times: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 60; i++) {
        log.scrollTop += 400;
        await new Promise(requestAnimationFrame);
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      times.sort((a, b) => a - b);
      return { p50: times[30] ?? 0, p95: times[57] ?? 0, max: times[59] ?? 0 };
    });
    const heap = (await metric()).JSHeapUsedSize ?? 0;

    const result = {
      lines: LINES,
      newestLineMs: newestMs,
      backfillSeconds: +(ingestMs / 1000).toFixed(2),
      engineStreamSeconds: +engineStream.seconds.toFixed(2),
      engineStreamVia: engineStream.via,
      backfillToEngineRatio: +(ingestMs / 1000 / engineStream.seconds).toFixed(2),
      ingestSeconds: +(ingestMs / 1000).toFixed(2),
      ingestLinesPerSecond: Math.round(LINES / (ingestMs / 1000)),
      mainThreadBusyPercent: Math.round((busy / ingestMs) * 100),
      longTasksOver50ms: longTasks.length,
      longestTaskMs: Math.round(Math.max(0, ...longTasks)),
      heapMiB: Math.round(heap / 1024 / 1024),
      searches,
      scrollFrameMs: {
        p50: +frames.p50.toFixed(1),
        p95: +frames.p95.toFixed(1),
        max: +frames.max.toFixed(1),
      },
    };
    console.log('\nlog viewer, Chromium');
    console.log(
      `  all lines     newest line shown in ${result.newestLineMs} ms (target ≤ 300); all ${result.lines.toLocaleString()} in ${result.backfillSeconds} s` +
        ` = ${result.backfillToEngineRatio}x the engine's own stream of the log (${result.engineStreamSeconds} s via ${result.engineStreamVia}; target ≤ 1.25x)`,
    );
    console.log(
      `  ingest        ${result.lines.toLocaleString()} lines in ${result.ingestSeconds} s = ${result.ingestLinesPerSecond.toLocaleString()} lines/s` +
        ` (page main thread busy ${result.mainThreadBusyPercent} %: the rest is the engine reading its log)`,
    );
    console.log(
      `  long tasks    ${result.longTasksOver50ms} over 50 ms during ingest, longest ${result.longestTaskMs} ms; JS heap ${result.heapMiB} MiB`,
    );
    for (const s of searches)
      console.log(
        `  search        ${s.regex ? 'regex' : 'plain'} ${JSON.stringify(s.query).padEnd(14)} ${String(s.ms).padStart(5)} ms → ${s.status}; jump to first ${s.jumpMs} ms`,
      );
    console.log(
      `  scrolling     frame p50 ${result.scrollFrameMs.p50} ms, p95 ${result.scrollFrameMs.p95} ms, max ${result.scrollFrameMs.max} ms`,
    );
    console.log(JSON.stringify({ bench: 'log-viewer', ...result }));
  } finally {
    await browser.close();
    if (own) await api.delete(docker(`/containers/${container}?force=1`));
    await api.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
