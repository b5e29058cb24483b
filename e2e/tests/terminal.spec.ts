import type { Locator, Page, WebSocketRoute } from '@playwright/test';
import { NO_SESSION } from '../support/auth';
import { inspectContainer } from '../support/engine';
import { expect, test } from '../support/fixtures';

// Terminals against the real engine: the Console tab's exec and attach, and the full-window route.
// The DOM renderer is forced (it is the WebGL renderer's fallback anyway) so that the terminal's
// text can be read from its rows, as a person sees it.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('berth.terminal.renderer', 'dom'));
});

function terminal(page: Page, name: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^Terminal: ${name} `) });
}

/** What the terminal shows, row by row (the DOM renderer draws spaces as no-break spaces). */
async function screen(term: Locator): Promise<string> {
  const rows = await term.locator('.xterm-rows > div').allInnerTexts();
  return rows.map((row) => row.replace(/\u00a0/g, ' ').trimEnd()).join('\n');
}

async function run(page: Page, term: Locator, command: string) {
  await term.click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/** `stty size` prints "rows cols"; marker lines tell this answer from earlier ones. */
async function sttySize(page: Page, term: Locator, marker: string) {
  await run(page, term, `echo ${marker}-$(stty size | tr ' ' x)`);
  let size: { rows: number; cols: number } | undefined;
  await expect
    .poll(async () => {
      const match = new RegExp(`^${marker}-(\\d+)x(\\d+)`, 'm').exec(await screen(term));
      size = match ? { rows: Number(match[1]), cols: Number(match[2]) } : undefined;
      return size;
    })
    .toBeDefined();
  return size!;
}

async function openConsole(page: Page, id: string, name: string) {
  await page.goto(`/endpoints/local/containers/${id}?tab=console`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Console', selected: true })).toBeVisible();
}

test('console: run a shell, type, see the output', async ({ page, containers }) => {
  const { id, name } = await containers.create('term', { start: true });
  await openConsole(page, id, name);

  await expect(page.getByRole('combobox', { name: 'Command' })).toHaveValue('/bin/sh');
  await page.getByRole('button', { name: 'Connect' }).click();

  const term = terminal(page, name);
  await expect(term).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Terminal controls' })).toContainText('Connected');
  await run(page, term, 'echo hello-berth');
  await expect.poll(() => screen(term)).toMatch(/^hello-berth$/m);
});

test('console: the size follows the window, rows and columns', async ({ page, containers }) => {
  const { id, name } = await containers.create('size', { start: true });
  await openConsole(page, id, name);
  await page.getByRole('button', { name: 'Connect' }).click();
  const term = terminal(page, name);

  const before = await sttySize(page, term, 'before');
  expect(before.cols).toBeGreaterThan(80);
  expect(before.rows).toBeGreaterThan(15);

  await page.setViewportSize({ width: 1000, height: 620 });
  let after = before;
  await expect
    .poll(async () => {
      after = await sttySize(page, term, `after${Date.now()}`);
      return after.cols < before.cols && after.rows < before.rows;
    })
    .toBe(true);
  expect(after.cols).toBeLessThan(before.cols);
  expect(after.rows).toBeLessThan(before.rows);
});

test('console: exit shows the code, and Reconnect starts a new shell', async ({
  page,
  containers,
}) => {
  const { id, name } = await containers.create('exit', { start: true });
  await openConsole(page, id, name);
  await page.getByRole('button', { name: 'Connect' }).click();
  const term = terminal(page, name);
  await expect(page.getByRole('toolbar', { name: 'Terminal controls' })).toContainText('Connected');

  await run(page, term, 'exit 3');
  await expect(page.getByRole('status').filter({ hasText: 'Process exited' })).toContainText(
    'Process exited with code 3',
  );

  await page.getByRole('button', { name: 'Reconnect' }).click();
  await expect(page.getByRole('toolbar', { name: 'Terminal controls' })).toContainText('Connected');
  await expect(page.getByText('Process exited with code 3')).toHaveCount(0);
  await run(page, term, 'echo back-again');
  await expect.poll(() => screen(term)).toMatch(/^back-again$/m);
});

test('console: a 1 MiB paste arrives whole', async ({ page, containers }) => {
  const { id, name } = await containers.create('paste', { start: true });
  await openConsole(page, id, name);
  await page.getByRole('button', { name: 'Connect' }).click();
  const term = terminal(page, name);
  await expect(page.getByRole('toolbar', { name: 'Terminal controls' })).toContainText('Connected');

  // paste only once wc reads (earlier, the shell's line editor would take the text as commands)
  await run(page, term, 'stty -echo; echo wc-ready; wc -c; stty echo');
  await expect.poll(() => screen(term)).toMatch(/^wc-ready$/m);
  const text = `${'x'.repeat(63)}\n`.repeat(16 * 1024);
  // What the browser does on Ctrl+V: a paste event on the terminal's input.
  await term.locator('textarea').evaluate((input, data) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', data);
    input.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }),
    );
  }, text);
  await page.keyboard.press('Control+D');
  await expect.poll(() => screen(term), { timeout: 20_000 }).toMatch(/^\s*1048576$/m);
});

test('console: the terminal follows the app theme', async ({ page, containers }) => {
  const { id, name } = await containers.create('theme', { start: true });
  await openConsole(page, id, name);
  await page.getByRole('button', { name: 'Connect' }).click();
  const rows = terminal(page, name).locator('.xterm-rows');
  const foreground = () => rows.evaluate((el) => getComputedStyle(el).color);
  const before = await foreground();
  await page.getByRole('button', { name: /^Switch to (light|dark) theme$/ }).click();
  await expect.poll(foreground).not.toBe(before);
});

test('console: a dropped connection (simulated under the page) says so, and Reconnect works', async ({
  page,
  containers,
}) => {
  // The page's socket goes through Playwright to the real gateway, so the test can cut it.
  const sockets: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/ws\/exec\?/, (route) => {
    route.connectToServer();
    sockets.push(route);
  });
  const { id, name } = await containers.create('drop', { start: true });
  await openConsole(page, id, name);
  await page.getByRole('button', { name: 'Connect' }).click();
  const term = terminal(page, name);
  await expect(page.getByRole('toolbar', { name: 'Terminal controls' })).toContainText('Connected');

  await sockets.at(-1)!.close({ code: 1011, reason: 'proxy went away' });
  const alert = page.getByRole('alert').filter({ hasText: 'Connection lost' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Reconnect' }).click();
  await expect(page.getByRole('toolbar', { name: 'Terminal controls' })).toContainText('Connected');
  await run(page, term, 'echo after-the-drop');
  await expect.poll(() => screen(term)).toMatch(/^after-the-drop$/m);
});

test('console: search the output with Ctrl+Shift+F', async ({ page, containers }) => {
  const { id, name } = await containers.create('search', { start: true });
  await openConsole(page, id, name);
  await page.getByRole('button', { name: 'Connect' }).click();
  const term = terminal(page, name);
  await run(page, term, 'echo needle-$((1+1)) needle-$((2+1))');
  await expect.poll(() => screen(term)).toMatch(/^needle-2 needle-3$/m);

  await page.keyboard.press('Control+Shift+F');
  const search = page.getByRole('searchbox', { name: 'Search terminal' });
  await expect(search).toBeFocused();
  await search.fill('needle-');
  // Two in the command line, two in its output.
  await expect(page.getByRole('search')).toContainText(/\d of 4/);
  await search.press('Escape');
  await expect(search).toHaveCount(0);
});

test('console: several terminals as tabs, each its own process', async ({ page, containers }) => {
  const { id, name } = await containers.create('tabs', { start: true });
  await openConsole(page, id, name);
  await page.getByRole('button', { name: 'Connect' }).click();
  await run(page, terminal(page, name), 'echo first-$$');
  await expect.poll(() => screen(terminal(page, name))).toMatch(/^first-\d+$/m);

  await page.getByRole('button', { name: 'New terminal' }).click();
  await page.getByRole('combobox', { name: 'Command' }).selectOption({ label: 'Custom command…' });
  await page.getByLabel('Custom command').fill('/bin/sh -c "echo second-tab; exec sh"');
  await page.getByRole('button', { name: 'Connect' }).click();

  const tabs = page.getByRole('tablist', { name: 'Terminals' }).getByRole('tab');
  await expect(tabs).toHaveCount(2);
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => screen(terminal(page, name))).toMatch(/^second-tab$/m);

  // The first terminal kept running behind its tab.
  await tabs.nth(0).click();
  await run(page, terminal(page, name), 'echo still-here');
  await expect.poll(() => screen(terminal(page, name))).toMatch(/^still-here$/m);

  // And both keep running while the container page shows another of its tabs.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('tab', { name: 'Console' }).click();
  await expect(tabs).toHaveCount(2);
  await expect.poll(() => screen(terminal(page, name))).toMatch(/^still-here$/m);

  await page.getByRole('button', { name: 'Close terminal' }).click();
  await expect(tabs).toHaveCount(1);
  await expect.poll(() => screen(terminal(page, name))).toMatch(/^second-tab$/m);
});

test("a stopped container: the engine's refusal shows in the panel", async ({
  page,
  containers,
}) => {
  const { id, name } = await containers.create('stopped');
  await openConsole(page, id, name);
  await expect(page.getByText('The container is not running')).toBeVisible();
  await page.getByRole('button', { name: 'Connect' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not open the terminal' });
  await expect(alert).toContainText(/is not running/);
  await expect(alert.getByRole('button', { name: 'Reconnect' })).toBeVisible();
});

test('attach: replay logs, then Detach leaves the container running', async ({
  page,
  containers,
}) => {
  const { id, name } = await containers.create('attach', {
    start: true,
    cmd: ['sh', '-c', "echo attach-marker; trap 'exit 0' TERM; while true; do sleep 1; done"],
  });
  await openConsole(page, id, name);
  await page.getByLabel('Attach to the main process').check();
  await expect(page.getByLabel('Replay logs')).toBeChecked();
  await expect(page.getByText(/Ctrl-C may stop the container/)).toBeVisible();
  await page.getByRole('button', { name: 'Connect' }).click();

  const term = page.getByRole('region', { name: `Terminal: ${name} attach` });
  await expect.poll(() => screen(term)).toMatch(/^attach-marker$/m);
  await page.getByRole('button', { name: 'Detach' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Detached' })).toContainText(
    'The container keeps running',
  );
  expect((await inspectContainer(id))?.State.Running).toBe(true);
});

test('the full-window terminal has its own URL', async ({ page, containers }) => {
  const { id, name } = await containers.create('window', { start: true });
  await openConsole(page, id, name);
  const link = page.getByRole('link', { name: 'Open in new window' });
  await expect(link).toHaveAttribute('target', '_blank');

  const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
  await expect(popup).toHaveURL(new RegExp(`/endpoints/local/containers/${id}/terminal\\?`));
  // No app chrome: no sidebar navigation.
  await expect(popup.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  const term = terminal(popup, name);
  await run(popup, term, 'echo in-a-window');
  await expect.poll(() => screen(term)).toMatch(/^in-a-window$/m);
});

test.describe('as a viewer', () => {
  test.use({ storageState: NO_SESSION });

  test('the console says the role cannot open a terminal', async ({ page, users, containers }) => {
    const viewer = await users.create('termviewer', 'viewer');
    const { id, name } = await containers.create('viewed-term', { start: true });
    await page.goto('/login');
    await page.getByLabel('User name').fill(viewer.username);
    await page.getByLabel('Password').fill(viewer.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByTestId('current-user')).toHaveText(viewer.username);

    await openConsole(page, id, name);
    await expect(page.getByText('Your role cannot open a terminal')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Connect' })).toHaveCount(0);
  });
});
