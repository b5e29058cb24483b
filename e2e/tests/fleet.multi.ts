import type { Browser } from '@playwright/test';
import { BASE_URL, NO_SESSION } from '../support/auth';
import type { TestUser } from '../support/auth';
import { expect, test } from '../support/fixtures';
import {
  addSecondEndpoint,
  removeEndpoint,
  removeFromSecondEngine,
  runOnSecondEngine,
  SECOND_ENGINE,
} from '../support/second-engine';

test.skip(!SECOND_ENGINE, 'needs the harness’s second engine (BERTH_E2E_SECOND_ENGINE)');

async function logInAs(browser: Browser, user: TestUser) {
  const context = await browser.newContext({ storageState: NO_SESSION, baseURL: BASE_URL });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(user.username);
  return { context, page };
}

test('the fleet shows every endpoint, live, and one search finds a container on any of them', async ({
  page,
  adminApi,
}) => {
  const second = await addSecondEndpoint(adminApi, 'fleet');
  const container = await runOnSecondEngine('fleet-find');
  try {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Fleet' })).toBeVisible();
    const card = page.getByRole('article', { name: second.name });
    await expect(card).toContainText('Up');
    await expect(card).toContainText(/Docker \d+/i);
    await expect(card.getByRole('list', { name: 'Containers' })).toContainText('running');
    await expect(page.getByRole('article', { name: 'local' })).toContainText('Up');

    await page
      .getByRole('searchbox', { name: 'Find a container on every endpoint' })
      .fill(container.name);
    const found = page.getByRole('table', { name: 'Containers found' });
    // Specs running alongside may have added the same engine under other names: pick ours.
    const row = found
      .getByRole('row')
      .filter({ hasText: container.name })
      .filter({ hasText: second.name });
    await expect(row).toContainText('running');
    await row.getByRole('link', { name: container.name }).click();
    await expect(page).toHaveURL(new RegExp(`/endpoints/${second.id}/containers/${container.id}`));
    await expect(page.getByRole('heading', { level: 1, name: container.name })).toBeVisible();

    // the newest events of every endpoint: a start on the second engine shows up on its own
    await page.goto('/');
    // events before the sockets are up are not replayed: start once they flow
    await expect(page.getByTestId('fleet-live')).toHaveAttribute('data-live', 'up');
    const again = await runOnSecondEngine('fleet-event');
    try {
      await expect(page.getByRole('list', { name: 'Newest events' })).toContainText(again.name);
    } finally {
      await removeFromSecondEngine(again.id);
    }
  } finally {
    await removeFromSecondEngine(container.id);
    await removeEndpoint(adminApi, second.id);
  }
});

test('an admin adds, tests, edits and removes an endpoint in the UI', async ({ page }) => {
  const name = `e2e-added-${Math.random().toString(36).slice(2, 8)}`;
  await page.goto('/admin/endpoints');
  await expect(page.getByRole('heading', { level: 1, name: 'Endpoints' })).toBeVisible();
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add endpoint' });

  // the form says how to fix what is wrong before anything is sent
  await dialog.getByLabel('URL').fill('docker.example.com');
  await dialog.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(dialog.getByText('Give the endpoint a name')).toBeVisible();
  await expect(dialog.getByText('Start with unix://, tcp:// or ssh://.')).toBeVisible();

  // TLS fields appear for tcp://, ssh fields for ssh://
  await dialog.getByLabel('URL').fill('tcp://10.0.0.5:2376');
  await dialog.getByLabel('Use TLS').check();
  await expect(dialog.getByLabel('CA certificate', { exact: true })).toBeVisible();
  await expect(dialog.getByLabel('Client key', { exact: true })).toBeVisible();
  await dialog.getByLabel('URL').fill('ssh://deploy@build-box');
  await expect(dialog.getByLabel('Private key', { exact: true })).toBeVisible();
  await expect(dialog.getByLabel('Key passphrase')).toBeVisible();
  await expect(dialog.getByLabel('Host key fingerprint (optional)')).toBeVisible();

  // a socket that does not exist: the test says why, plainly
  await dialog.getByLabel('URL').fill('unix:///nonexistent/docker.sock');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Connection failed');

  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('URL').fill(SECOND_ENGINE ?? '');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status')).toContainText(/Connected.*docker.*API 1\.\d+.*ms/is);
  await dialog.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(dialog).toBeHidden();

  const table = page.getByRole('table', { name: 'Endpoints' });
  const row = table.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Up');
  await expect(row).toContainText('Saved');

  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${name}` });
  await edit.getByLabel('Name').fill(`${name}-renamed`);
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  const renamed = table.getByRole('row', { name: new RegExp(`${name}-renamed`) });
  await expect(renamed).toContainText('Up');

  await renamed.getByRole('button', { name: `Remove ${name}-renamed` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Remove ${name}-renamed?` });
  await confirm.getByRole('button', { name: 'Remove endpoint' }).click();
  await expect(confirm).toBeHidden();
  await expect(table.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
  // the DOCKER_HOST endpoint cannot be removed here
  await expect(table.getByRole('row', { name: /local/ })).toContainText(
    "Set by the gateway's environment",
  );
});

test('a user with a role on one endpoint sees only that one and cannot open another', async ({
  page,
  adminApi,
  users,
  browser,
}) => {
  const second = await addSecondEndpoint(adminApi, 'granted');
  const user = await users.create('scoped', 'operator');
  try {
    await page.goto('/admin/users');
    await page.getByRole('searchbox', { name: 'Filter users' }).fill(user.username);
    await page.getByRole('button', { name: `Endpoint access of ${user.username}` }).click();
    const dialog = page.getByRole('dialog', { name: `Endpoint access of ${user.username}` });
    await dialog.getByLabel('Only some endpoints').check();
    await dialog.getByLabel(`Role on ${second.name}`).selectOption('viewer');
    await dialog.getByRole('button', { name: 'Save access' }).click();
    await expect(dialog).toBeHidden();

    const { context, page: userPage } = await logInAs(browser, user);
    try {
      await userPage.goto('/');
      await expect(userPage.getByRole('article', { name: second.name })).toContainText('Up');
      await expect(userPage.getByRole('article', { name: 'local' })).toHaveCount(0);
      // an operator elsewhere, a viewer here: the list offers a viewer's controls only
      await userPage.goto(`/endpoints/${second.id}/containers`);
      await expect(userPage.getByRole('note')).toContainText('needs the operator role');
      await expect(userPage.getByRole('toolbar', { name: 'Bulk actions' })).toHaveCount(0);
      await userPage.goto('/endpoints/local/containers');
      await expect(userPage.getByText('No endpoint “local”')).toBeVisible();
      // and the gateway agrees: the relay answers 404 for an endpoint the user may not see
      const relay = await userPage.request.get('/api/endpoints/local/docker/containers/json');
      expect(relay.status()).toBe(404);
    } finally {
      await context.close();
    }
  } finally {
    await removeEndpoint(adminApi, second.id);
  }
});
