import type { Page } from '@playwright/test';
import { engineRequest, inspectContainer, uniqueName } from '../support/engine';
import { expect, test } from '../support/fixtures';

// The live layer: engine events patch open pages, stats stream into charts, and the log viewer
// holds and searches big logs. Everything below talks to the real engine.

async function openList(page: Page, filter: string) {
  await page.goto('/endpoints/local/containers');
  await page.getByRole('searchbox', { name: 'Filter containers' }).fill(filter);
}

test('a container stopped through the engine API changes state in the open list, no reload', async ({
  page,
  containers,
}) => {
  const { id, name } = await containers.create('live', { start: true });
  await openList(page, name);
  const row = page
    .getByRole('table', { name: 'Containers' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(row).toContainText(/running/i);
  // The page's events socket is open and the gateway's engine stream up.
  await expect(page.locator('[data-live="up"]')).toBeAttached();
  // Nothing polls the list: only the events socket can bring this in.
  let listRequests = 0;
  page.on('request', (request) => {
    if (request.url().includes('/docker/containers/json')) listRequests++;
  });

  // Timed in the page (a MutationObserver), not by expect's polling, which is coarser.
  const seen = page.evaluate(
    (containerName) =>
      new Promise<number>((resolve) => {
        const check = () => {
          const link = Array.from(document.querySelectorAll('a')).find(
            (a) => a.textContent === containerName,
          );
          const row = link?.closest('tr, [role="row"]');
          if (row && /exited/i.test(row.textContent ?? '')) {
            observer.disconnect();
            resolve(Date.now());
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
    name,
  );
  const before = Date.now();
  const stopped = await engineRequest('POST', `/containers/${id}/stop?t=0`);
  const answered = Date.now();
  expect(stopped.status).toBe(204);
  await expect(row).toContainText(/exited/i, { timeout: 3000 });
  const shown = await seen;
  // From the engine's own record of the container's death (its clock is this machine's).
  const filters = encodeURIComponent(JSON.stringify({ container: [id], event: ['die'] }));
  const history = await engineRequest<unknown>(
    'GET',
    `/events?since=${Math.floor(before / 1000) - 1}&until=${Math.ceil(Date.now() / 1000)}&filters=${filters}`,
  );
  // One event parses as an object; several come as JSON lines.
  const events = (
    typeof history.body === 'string'
      ? history.body
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as unknown)
      : [history.body]
  ) as Array<{ timeNano: number }>;
  const died = events.at(-1);
  expect(died).toBeDefined();
  const latency = shown - died!.timeNano / 1e6;
  test.info().annotations.push({
    type: 'event-to-screen',
    description: `${Math.round(latency)} ms from the engine's die event to the row saying exited (the stop call took ${answered - before} ms)`,
  });
  // DESIGN: a change made outside Berth shows within 300 ms (slack here for a loaded CI machine).
  expect(latency).toBeLessThan(1000);
  expect(listRequests).toBe(0);
  expect((await inspectContainer(id))?.State.Running).toBe(false);

  // And back: started on the engine, running again in the page.
  await engineRequest('POST', `/containers/${id}/start`);
  await expect(row).toContainText(/running/i, { timeout: 3000 });
});

test('the Stats tab draws live numbers for a running container', async ({ page, containers }) => {
  const { id } = await containers.create('stats', {
    start: true,
    // Some CPU and a few processes, so the numbers move.
    cmd: [
      'sh',
      '-c',
      "trap 'exit 0' TERM; while true; do i=0; while [ $i -lt 2000 ]; do i=$((i+1)); done; sleep 0.2; done",
    ],
  });
  await page.goto(`/endpoints/local/containers/${id}?tab=stats`);
  await expect(page.getByRole('tab', { name: 'Stats', selected: true })).toBeVisible();

  const values = page.locator('dl[aria-label="Latest values"]');
  await expect(values).toBeVisible();
  // The first sample arrives within a couple of seconds: CPU and PIDs read as numbers.
  await expect(values.locator('dd').first()).toHaveText(/^\d+(\.\d+)? %$/, { timeout: 10_000 });
  await expect(values.locator('dd').last()).toHaveText(/^[1-9]\d*$/);
  for (const chart of ['CPU', 'Memory', 'Network', 'Block I/O', 'Processes']) {
    await expect(
      page.getByRole('img', { name: new RegExp(`^${chart} over the last`) }),
    ).toBeVisible();
  }
  // The chart's text summary follows the samples.
  await expect(page.getByTestId('stats-summary-cpu')).toHaveText(/^Latest: CPU \d/);

  // The window buttons change the span.
  await page.getByRole('button', { name: '1 min' }).click();
  await expect(page.getByRole('img', { name: 'CPU over the last 1 minute' })).toBeVisible();
});

test('the log viewer finds a line by regex in a 200,000-line log', async ({ page, containers }) => {
  test.setTimeout(90_000);
  const { id } = await containers.create('biglog', { start: true, cmd: ['seq', '1', '200000'] });
  await expect
    .poll(async () => (await inspectContainer(id))?.State.Running, { timeout: 20_000 })
    .toBe(false);

  await page.goto(`/endpoints/local/containers/${id}?tab=logs`);
  await expect(page.getByTestId('log-line-count')).toHaveText(/^200,000 lines/, {
    timeout: 30_000,
  });
  const log = page.getByRole('log', { name: /^Logs of e2e-biglog-/ });
  // At the bottom with follow on: the last line is in view.
  await expect(log.getByText('200000', { exact: true })).toBeVisible();

  await page.getByRole('checkbox', { name: 'Regex' }).check();
  await page.getByRole('searchbox', { name: 'Search logs' }).fill('^1999\\d\\d$');
  const status = page.getByTestId('log-search-status');
  await expect(status).toHaveText('100 matches');

  await page.getByRole('button', { name: 'Next match' }).click();
  await expect(status).toHaveText('1 of 100');
  await expect(log.locator('mark', { hasText: /^199900$/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Follow' })).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeVisible();

  await page.getByRole('button', { name: 'Previous match' }).click();
  await expect(status).toHaveText('100 of 100');
  await expect(log.locator('mark', { hasText: /^199999$/ })).toBeVisible();

  // Plain text search, case-insensitive, is literal: "^" matches nothing here.
  await page.getByRole('checkbox', { name: 'Regex' }).uncheck();
  await expect(status).toHaveText('No matches');
});

test('merged logs interleave two containers by time, each line tagged', async ({
  page,
  containers,
}) => {
  const loop = (label: string, toStderr: boolean) => [
    'sh',
    '-c',
    `trap 'exit 0' TERM; i=0; while true; do echo "${label}-$i" ${toStderr ? '>&2' : ''}; i=$((i+1)); sleep 0.2; done`,
  ];
  const a = await containers.create('mergea', { start: true, cmd: loop('a', false) });
  const b = await containers.create('mergeb', { start: true, cmd: loop('b', true) });
  await page.goto(`/endpoints/local/logs?containers=${a.id},${b.id}`);
  await page.getByRole('checkbox', { name: 'Timestamps' }).check();
  const log = page.getByRole('log', { name: `Logs of ${a.name}, ${b.name}` });
  await expect(log).toContainText('b-8', { timeout: 15_000 });

  // Each row's parts read one by one: innerText of a row the virtual list keeps off screen falls
  // back to textContent, which has no spaces between the parts.
  const rows = await log
    .locator('[data-stream]')
    .evaluateAll((elements) =>
      elements.map((row) => Array.from(row.children, (part) => part.textContent ?? '')),
    );
  const parsed = rows.map(([name = '', time = '', text = '']) => {
    const line = `${name} | ${time} | ${text}`;
    expect(time, line).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
    const source = /^([ab])-\d+$/.exec(text)?.[1];
    expect(source, line).toBeDefined();
    return { time, source: source!, name };
  });
  // In time order, and the two containers take turns (not one block after the other).
  for (let i = 1; i < parsed.length; i++)
    expect(
      parsed[i]!.time >= parsed[i - 1]!.time,
      `${parsed[i - 1]!.time} ≤ ${parsed[i]!.time}`,
    ).toBe(true);
  const switches = parsed.filter((p, i) => i > 0 && p.source !== parsed[i - 1]!.source).length;
  expect(switches).toBeGreaterThan(4);
  // Each line names its container; stderr lines are marked.
  for (const p of parsed) expect(p.name).toBe(p.source === 'a' ? a.name : b.name);
  await expect(log.locator('[data-stream="stderr"]').first()).toContainText(/b-\d+/);
});

test('the events page shows engine events as they happen, linked to their objects', async ({
  page,
  containers,
}) => {
  await page.goto('/endpoints/local/events');
  await expect(page.locator('[data-live="up"]')).toBeAttached();
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  const { id, name } = await containers.create('events', { start: true });
  await page.getByRole('searchbox', { name: 'Filter by object' }).fill(name);
  const table = page.getByRole('table', { name: 'Events' });
  const actionRow = (action: string) =>
    table.getByRole('row').filter({ has: page.getByRole('cell', { name: action, exact: true }) });
  const start = actionRow('start');
  await expect(start).toHaveCount(1);
  await expect(actionRow('create')).toHaveCount(1);

  // Paused, new events wait and are counted; resumed, they show.
  await page.getByRole('button', { name: 'Pause' }).click();
  await engineRequest('POST', `/containers/${id}/stop?t=0`);
  await expect(page.getByRole('button', { name: /^Resume \(\d+ new\)$/ })).toBeVisible();
  await expect(actionRow('die')).toHaveCount(0);
  await page.getByRole('button', { name: /^Resume/ }).click();
  await expect(actionRow('die')).toHaveCount(1);

  await page.getByRole('combobox', { name: 'Type' }).selectOption('image');
  await expect(page.getByText('No events match')).toBeVisible();
  await page.getByRole('combobox', { name: 'Type' }).selectOption('');
  await start.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});

test('networks and volumes made and removed outside Berth come and go in the open lists, no list call', async ({
  page,
}) => {
  const network = uniqueName('livenet');
  const volume = uniqueName('livevol');
  let listRequests = 0;
  page.on('request', (request) => {
    if (/\/docker\/(networks|volumes)(\?|$)/.test(request.url())) listRequests++;
  });
  try {
    await page.goto('/endpoints/local/networks');
    await expect(page.locator('[data-live="up"]')).toBeAttached();
    await expect(page.getByRole('row').filter({ hasText: 'bridge' }).first()).toBeVisible();
    await engineRequest('POST', '/networks/create', { Name: network });
    await expect(page.getByRole('row').filter({ hasText: network })).toBeVisible();
    await engineRequest('DELETE', `/networks/${network}`);
    await expect(page.getByRole('row').filter({ hasText: network })).toHaveCount(0);

    await page.getByRole('link', { name: 'Volumes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Volumes' })).toBeVisible();
    await engineRequest('POST', '/volumes/create', { Name: volume });
    await expect(page.getByRole('row').filter({ hasText: volume })).toBeVisible();
    await engineRequest('DELETE', `/volumes/${volume}`);
    await expect(page.getByRole('row').filter({ hasText: volume })).toHaveCount(0);
    // Both lists came from the gateway's live model: not one engine list call from the page.
    expect(listRequests).toBe(0);
  } finally {
    await engineRequest('DELETE', `/networks/${network}`);
    await engineRequest('DELETE', `/volumes/${volume}`);
  }
});
