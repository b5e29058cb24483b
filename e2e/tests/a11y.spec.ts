import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';

// Every page a person can open, and the create dialogs, checked by axe-core against WCAG 2.1 A
// and AA: no serious or critical violation may ship. Minor and moderate ones are reported in the
// test's output so they can be seen, not hidden.

// axe walks the whole DOM (contrast is computed per text node): slow on a shared 2-core machine.
test.describe.configure({ timeout: 150_000 });

async function expectAccessible(page: Page, what: string) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const blocking = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .slice(0, 3)
        .map((node) => `${node.target.join(' ')}: ${node.html.slice(0, 160)}`),
    }));
  expect(blocking, `${what}: ${JSON.stringify(blocking, null, 2)}`).toEqual([]);
}

async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  // Lists paint after their first answer: let the skeletons go.
  await expect(page.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
}

const PAGES: Array<[string, string]> = [
  ['fleet', '/'],
  ['dashboard', '/endpoints/local/dashboard'],
  ['containers', '/endpoints/local/containers'],
  ['create container', '/endpoints/local/containers/new'],
  ['images', '/endpoints/local/images'],
  ['build', '/endpoints/local/images/build'],
  ['registries', '/endpoints/local/registries'],
  ['networks', '/endpoints/local/networks'],
  ['volumes', '/endpoints/local/volumes'],
  ['stats', '/endpoints/local/stats'],
  ['events', '/endpoints/local/events'],
  ['system', '/endpoints/local/system'],
  ['clean up', '/endpoints/local/system/clean-up'],
  ['swarm', '/endpoints/local/swarm'],
  ['plugins', '/endpoints/local/plugins'],
  ['users', '/admin/users'],
  ['endpoints', '/admin/endpoints'],
  ['wall admin', '/admin/wall'],
  ['audit', '/admin/audit'],
  ['security', '/admin/security'],
  ['single sign-on', '/admin/sso'],
  ['tokens', '/tokens'],
];

for (const [what, path] of PAGES) {
  test(`${what}: no serious accessibility violation, light and dark`, async ({ page }) => {
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await open(page, path);
      await expectAccessible(page, `${what} (${theme})`);
    }
  });
}

test('a container page, its tabs and an image page have no serious violation', async ({
  page,
  containers,
}) => {
  test.setTimeout(120_000);
  const { id } = await containers.create('a11y', { start: true });
  await open(page, `/endpoints/local/containers/${id}`);
  for (const tab of ['Overview', 'Logs', 'Stats', 'Inspect', 'Processes', 'Changes', 'Files']) {
    await test.step(tab, async () => {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tabpanel', { name: tab })).toBeVisible();
      await expectAccessible(page, `container ${tab}`);
    });
  }
  await open(page, '/endpoints/local/images');
  await page.getByRole('table', { name: 'Images' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'image page');
});

test('the create dialogs trap focus, close on Escape and have no serious violation', async ({
  page,
}) => {
  const dialogs: Array<[string, string, string]> = [
    ['/endpoints/local/volumes', 'Create volume', 'Create volume'],
    ['/endpoints/local/networks', 'Create network', 'Create network'],
    ['/endpoints/local/images', 'Pull image', 'Pull image'],
  ];
  for (const [path, button, title] of dialogs) {
    await test.step(title, async () => {
      await open(page, path);
      const opener = page.getByRole('button', { name: button });
      await opener.click();
      const dialog = page.getByRole('dialog', { name: title });
      await expect(dialog).toBeVisible();
      await expectAccessible(page, `${title} dialog`);
      // Tab cycles inside the dialog: focus never reaches the page behind it.
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
      }
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(opener).toBeFocused();
    });
  }
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test('the login page has no serious violation', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page, 'login');
  });
});
