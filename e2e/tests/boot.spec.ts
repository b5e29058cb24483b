import { expect, test } from '../support/fixtures';

// Chromium aborts in-flight requests (ERR_NETWORK_CHANGED) whenever a network interface comes or
// goes on the machine: on an engine host, each container start. A module the entry imports
// statically failing that way must not leave a blank page.
test('the app starts even when one of its first scripts fails to load', async ({ page }) => {
  let requests = 0;
  // Both fetches of the page's first load (the modulepreload hint and the import itself) fail.
  await page.route(/\/assets\/router-[^/]+\.js$/, async (route) => {
    if (requests++ < 2) return route.abort('connectionreset');
    return route.continue();
  });
  await page.goto('/endpoints/local/events');
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  expect(requests).toBeGreaterThan(2);
});

test('a console opens, styled, even when its code and its stylesheet fail to load at first', async ({
  page,
  containers,
}) => {
  const { id, name } = await containers.create('boot', { start: true });
  const failed = new Map<string, number>();
  await page.route(/\/assets\/(container-console-[^/]+\.js|xterm-[^/]+\.css)$/, async (route) => {
    const file = new URL(route.request().url()).pathname;
    const seen = failed.get(file) ?? 0;
    failed.set(file, seen + 1);
    if (seen === 0) return route.abort('connectionreset');
    return route.continue();
  });
  await page.goto(`/endpoints/local/containers/${id}?tab=console`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('toolbar', { name: 'Terminal controls' })).toContainText('Connected');
  // xterm.css applied: the terminal is positioned by it, not left as a plain block.
  await expect(page.locator('.xterm').first()).toHaveCSS('position', 'relative');
  expect([...failed.values()].every((count) => count >= 2)).toBe(true);
  expect(failed.size).toBe(2);
});

test('the app is styled even when its stylesheet fails to load at first', async ({ page }) => {
  let requests = 0;
  await page.route(/\/assets\/index-[^/]+\.css$/, async (route) => {
    if (requests++ === 0) return route.abort('connectionreset');
    return route.continue();
  });
  await page.goto('/endpoints/local/events');
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  // Tailwind's sr-only: the skip link is out of sight only when the stylesheet applies.
  await expect(page.getByRole('link', { name: 'Skip to content' })).toHaveCSS(
    'position',
    'absolute',
  );
  expect(requests).toBeGreaterThanOrEqual(2);
});
