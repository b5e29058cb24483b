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
