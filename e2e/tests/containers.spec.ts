import type { Page } from '@playwright/test';
import { inspectContainer } from '../support/engine';
import { expect, test } from '../support/fixtures';

async function openList(page: Page, filter: string) {
  await page.goto('/endpoints/local/containers');
  // Other specs run in parallel on the same engine: narrow the list to this test's containers.
  await page.getByRole('searchbox', { name: 'Filter containers' }).fill(filter);
}

test('a container created on the engine appears in the list', async ({ page, containers }) => {
  const { name } = await containers.create('list', { start: true });
  await openList(page, name);

  const table = page.getByRole('table', { name: 'Containers' });
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('berth/busybox:latest');
  await expect(row).toContainText(/running/i);
});

test('stop and start a container from its page; the engine agrees', async ({
  page,
  containers,
}) => {
  const { id, name } = await containers.create('lifecycle', { start: true });
  await openList(page, name);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  const actions = page.getByRole('toolbar', { name: 'Container actions' });
  await actions.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect.poll(async () => (await inspectContainer(id))?.State.Status).toBe('exited');
  await expect(actions.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();
  await expect(actions.getByRole('button', { name: 'Stop', exact: true })).toBeDisabled();

  await actions.getByRole('button', { name: 'Start', exact: true }).click();
  await expect.poll(async () => (await inspectContainer(id))?.State.Running).toBe(true);
  await expect(actions.getByRole('button', { name: 'Stop', exact: true })).toBeEnabled();
});

test('bulk-remove two containers', async ({ page, containers }) => {
  const label = `bulk${Math.random().toString(36).slice(2, 6)}`;
  const first = await containers.create(label, { start: true });
  const second = await containers.create(label);
  await openList(page, `e2e-${label}-`);

  await page.getByRole('checkbox', { name: `Select ${first.name}` }).check();
  await page.getByRole('checkbox', { name: `Select ${second.name}` }).check();
  await page
    .getByRole('toolbar', { name: 'Bulk actions' })
    .getByRole('button', { name: 'Remove', exact: true })
    .click();

  const dialog = page.getByRole('alertdialog', { name: 'Remove 2 containers?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'Force (stop running containers)' }).check();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();

  const results = page.getByRole('dialog', { name: /Remove: done/ });
  await expect(results).toBeVisible();
  await expect.poll(() => inspectContainer(first.id)).toBeNull();
  await expect.poll(() => inspectContainer(second.id)).toBeNull();

  await results.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(page.getByRole('link', { name: first.name, exact: true })).toHaveCount(0);
});

test("an action the engine refuses shows the engine's message", async ({ page, containers }) => {
  const { id, name } = await containers.create('nope', { cmd: ['/nope'] });
  await page.goto(`/endpoints/local/containers/${id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await page
    .getByRole('toolbar', { name: 'Container actions' })
    .getByRole('button', { name: 'Start', exact: true })
    .click();

  const toast = page.locator('[data-sonner-toast]').filter({ hasText: `Could not start ${name}` });
  await expect(toast).toBeVisible();
  await expect(toast).toContainText(/executable file not found|no such file or directory/);
  expect((await inspectContainer(id))?.State.Running).toBe(false);
});
