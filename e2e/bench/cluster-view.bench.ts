// The cluster view in Debian's Chromium while a service scales to hundreds of tasks, for
// apps/gateway/bench/cluster.bench.ts (`npm run bench -- cluster`), which starts the swarm and
// the gateway and runs this as a child:
//   1. it opens the cluster view, logged in, and prints READY;
//   2. the parent sends the scale and writes GO on stdin;
//   3. from then it records every frame (requestAnimationFrame deltas) and every long task
//      (> 50 ms on the main thread) until the page shows BENCH_TASKS running task cards, and
//      prints one JSON line of what it saw.
// Smooth means: the page keeps drawing frames while hundreds of cards arrive and change state.
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';

const BASE = process.env.BERTH_E2E_URL ?? 'http://127.0.0.1:7431';
const PASSWORD = process.env.BERTH_E2E_ADMIN_PASSWORD ?? 'harbour-lights-2026';
const TASKS = Number(process.env.BENCH_TASKS ?? 200);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 600_000);

/** Records each frame's delta and each long task after `window.benchStart`. */
const RECORDER = `
  window.benchFrames = [];
  window.benchLong = [];
  window.benchStart = Infinity;
  let last = performance.now();
  requestAnimationFrame(function frame(now) {
    if (now >= window.benchStart) window.benchFrames.push(now - last);
    last = now;
    requestAnimationFrame(frame);
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.startTime >= window.benchStart) window.benchLong.push(entry.duration);
  }).observe({ type: 'longtask' });
`;

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({
      baseURL: BASE,
      viewport: { width: 1600, height: 1000 },
    });
    const login = await context.request.post('/api/auth/login', {
      data: { username: 'admin', password: PASSWORD },
      headers: { 'X-Berth-Csrf': '1' },
    });
    if (!login.ok()) throw new Error(`login: ${login.status()} ${await login.text()}`);
    const page = await context.newPage();
    await page.goto('/endpoints/local/swarm/cluster');
    await page
      .getByRole('region', { name: /^Node / })
      .first()
      .waitFor({ timeout: 60_000 });
    // Frames and long tasks are recorded from now on; GO marks the start of the window. A
    // string, not a function: tsx would wrap a function's inner functions in a helper the page
    // does not have.
    await page.evaluate(RECORDER);
    process.stdout.write('READY\n');
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) if (line.trim() === 'GO') break;
    lines.close();
    await page.evaluate(() => {
      (window as unknown as { benchStart: number }).benchStart = performance.now();
    });
    await page.waitForFunction(
      (tasks) => document.querySelectorAll('li[data-task-state="running"]').length >= tasks,
      TASKS,
      { timeout: TIMEOUT_MS, polling: 100 },
    );
    const seen = await page.evaluate(() => {
      const w = window as unknown as {
        benchFrames: number[];
        benchLong: number[];
        benchStart: number;
      };
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return {
        shownMs: performance.now() - w.benchStart,
        frames: w.benchFrames,
        long: w.benchLong,
        cards: document.querySelectorAll('li[data-task-state]').length,
        heap: memory ? memory.usedJSHeapSize : null,
      };
    });
    const sorted = [...seen.frames].sort((a, b) => a - b);
    const at = (p: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
    // The RESULT line apps/gateway/bench/cluster.bench.ts reads (its ViewResult).
    const result = {
      shownMs: seen.shownMs,
      frames: sorted.length,
      frameP50: at(0.5),
      frameP95: at(0.95),
      frameMax: sorted.at(-1) ?? 0,
      longTasks: seen.long.length,
      longTaskMs: seen.long.reduce((sum, d) => sum + d, 0),
      cards: seen.cards,
      heapMiB: seen.heap === null ? null : seen.heap / 2 ** 20,
    };
    // BENCH_SCREENSHOT=file.png: what the view looked like with every task running.
    const shot = process.env.BENCH_SCREENSHOT;
    if (shot) await page.screenshot({ path: shot });
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
    await context.close();
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`cluster view bench failed: ${String(error)}\n`);
  process.exit(1);
});
