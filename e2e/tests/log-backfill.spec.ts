import { readFile } from 'node:fs/promises';
import { engineRequest } from '../support/engine';
import { expect, test } from '../support/fixtures';

// "All lines" of a big log against the real engine: the newest lines are shown from a bounded
// tail, the older ones are read after and inserted above, and the seam between them neither
// loses nor repeats a line.

const LINES = 50_000;

test('"All lines" shows the newest line first, then fills in the older ones, each line once', async ({
  page,
  containers,
}) => {
  test.setTimeout(120_000);
  const { id } = await containers.create('backfill', {
    start: true,
    cmd: ['seq', '1', String(LINES)],
  });
  // Every line written before the viewer opens (the count below is exact).
  await engineRequest('POST', `/containers/${id}/wait`);

  await page.goto(`/endpoints/local/containers/${id}?tab=logs`);
  const log = page.getByRole('log', { name: /^Logs of e2e-backfill-/ });
  await expect(log.getByText(String(LINES), { exact: true })).toBeVisible({ timeout: 10_000 });

  // Then all of them, the progress bar gone.
  await expect(page.getByTestId('log-line-count')).toHaveText(/^50,000 lines/, {
    timeout: 60_000,
  });
  await expect(page.getByTestId('log-backfill')).toHaveCount(0);
  // Still following: the newest line stayed in view while older ones went in above.
  await expect(log.getByText(String(LINES), { exact: true })).toBeVisible();

  // The oldest line is at the top.
  await log.evaluate((element) => (element.scrollTop = 0));
  await expect(log.getByText('1', { exact: true })).toBeVisible();

  // Each line exactly once and in order: the downloaded log is 1 … N.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download logs' }).click(),
  ]);
  const text = await readFile(await download.path(), 'utf8');
  const lines = text.split('\n').filter(Boolean);
  expect(lines.length).toBe(LINES);
  const wrong = lines.findIndex((line, i) => line !== String(i + 1));
  expect(wrong).toBe(-1);

  // Search covers the older lines too: 1000…1999 all lie in the backfill (the live tail holds
  // the last 5,000 lines, 45001…50000, none of which has four digits).
  await page.getByRole('searchbox', { name: 'Search logs' }).fill('^1\\d{3}$');
  await page.getByRole('checkbox', { name: 'Regex' }).check();
  await expect(page.getByTestId('log-search-status')).toHaveText('1,000 matches', {
    timeout: 15_000,
  });
});
