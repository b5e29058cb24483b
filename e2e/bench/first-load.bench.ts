// First-load benchmark: in Debian's Chromium with an empty cache, what the login page and the
// containers page fetch before they are usable: bytes of code (JS, CSS, HTML), their gzip size
// (what a compressing proxy in front would send), the number of requests, and the time until the
// page shows its form or its first row. Also fails when a chunk of the build is over 500 kB.
//
//   BERTH_E2E_URL=http://127.0.0.1:7435 npx tsx bench/first-load.bench.ts      (from e2e/)
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';

const BASE = process.env.BERTH_E2E_URL ?? 'http://127.0.0.1:7431';
const PASSWORD = process.env.BERTH_E2E_ADMIN_PASSWORD ?? 'harbour-lights-2026';
const ENDPOINT = process.env.BENCH_ENDPOINT ?? 'local';
const ASSETS = new URL('../../apps/web/dist/assets', import.meta.url).pathname;
const CHUNK_LIMIT = 500 * 1000;

interface Load {
  page: string;
  requests: number;
  bytes: number;
  gzipBytes: number;
  ms: number;
}

/** Records every same-origin non-API response of one page load, from an empty cache. */
async function measure(
  browser: Browser,
  path: string,
  ready: (page: Page) => Promise<void>,
  login: boolean,
): Promise<Load> {
  const context = await browser.newContext({ baseURL: BASE });
  if (login) {
    const res = await context.request.post('/api/auth/login', {
      data: { username: 'admin', password: PASSWORD },
      headers: { 'X-Berth-Csrf': '1' },
    });
    if (!res.ok()) throw new Error(`login: ${res.status()} ${await res.text()}`);
  }
  const page = await context.newPage();
  const bodies: Promise<Buffer | null>[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin !== new URL(BASE).origin || url.pathname.startsWith('/api/')) return;
    const body = response.body().catch(() => null);
    bodies.push(body);
    // BENCH_VERBOSE=1 lists what each page fetched (to see what a page pulls in).
    if (process.env.BENCH_VERBOSE)
      void body.then((b) => process.stdout.write(`    ${path} ${url.pathname} ${b?.length}\n`));
  });
  const started = Date.now();
  await page.goto(path);
  await ready(page);
  const ms = Date.now() - started;
  // Chunks the router preloads on hover are not part of a first load: stop counting here.
  const fetched = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
  await context.close();
  return {
    page: path,
    requests: fetched.length,
    bytes: fetched.reduce((sum, b) => sum + b.length, 0),
    gzipBytes: fetched.reduce((sum, b) => sum + gzipSync(b).length, 0),
    ms,
  };
}

function biggestChunk(): { name: string; bytes: number } {
  let biggest = { name: '', bytes: 0 };
  for (const name of readdirSync(ASSETS)) {
    if (!name.endsWith('.js')) continue;
    const bytes = statSync(join(ASSETS, name)).size;
    if (bytes > biggest.bytes) biggest = { name, bytes };
  }
  return biggest;
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  });
  try {
    const loads = [
      await measure(
        browser,
        '/login',
        (page) => page.getByRole('form', { name: 'Log in' }).waitFor(),
        false,
      ),
      await measure(
        browser,
        `/endpoints/${ENDPOINT}/containers`,
        (page) => page.getByRole('row').nth(1).waitFor({ timeout: 30_000 }),
        true,
      ),
    ];
    process.stdout.write('\nfirst load (empty cache, Chromium)\n');
    for (const l of loads) {
      process.stdout.write(
        `  ${l.page.padEnd(32)} ${String(l.requests).padStart(3)} requests  ${kB(l.bytes).padStart(9)}` +
          `  (gzip ${kB(l.gzipBytes)})  usable after ${l.ms} ms\n`,
      );
    }
    const biggest = biggestChunk();
    process.stdout.write(`  biggest chunk: ${biggest.name} ${kB(biggest.bytes)}\n`);
    if (biggest.bytes > CHUNK_LIMIT) {
      process.stdout.write(`  ✗ a chunk is over ${kB(CHUNK_LIMIT)}\n`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`first-load bench failed: ${String(error)}\n`);
  process.exit(1);
});
