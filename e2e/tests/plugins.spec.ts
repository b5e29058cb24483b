import type { Page } from '@playwright/test';
import { NO_SESSION } from '../support/auth';
import type { TestUser } from '../support/auth';
import { expect, test } from '../support/fixtures';

test('an admin gets the Plugins page; the install dialog asks the engine for privileges first', async ({
  page,
}) => {
  await page.goto('/endpoints/local/dashboard');
  await page.getByRole('link', { name: 'Plugins' }).click();
  await expect(page.getByRole('heading', { name: /^Plugins/ })).toBeVisible();
  await expect(page.getByText('No plugins')).toBeVisible();

  await page.getByRole('button', { name: 'Install plugin' }).click();
  const install = page.getByRole('dialog', { name: 'Install plugin' });
  await expect(install.getByRole('button', { name: 'Check privileges' })).toBeDisabled();
  await install.getByLabel('Remote reference').fill('127.0.0.1:1/berth/none:latest');
  await install.getByRole('button', { name: 'Check privileges' }).click();
  // the engine lists what it would grant (nothing, for a registry it cannot reach); Install
  // waits for the admin to accept
  const installButton = install.getByRole('button', { name: 'Install', exact: true });
  await expect(installButton).toBeDisabled();
  await install.getByLabel('I accept these privileges').check();
  await installButton.click();
  // no registry answers at that address: the engine's refusal shows in the dialog
  await expect(install.getByRole('alert')).toContainText(/connect|refused|127\.0\.0\.1:1/, {
    timeout: 30_000,
  });
});

test.describe('as an operator', () => {
  test.use({ storageState: NO_SESSION });

  async function logIn(page: Page, user: TestUser) {
    await page.goto('/login');
    await page.getByLabel('User name').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByTestId('current-user')).toHaveText(user.username);
  }

  test('no Plugins entry, and the page says it is for admins', async ({ page, users }) => {
    const operator = await users.create('plugop', 'operator');
    await logIn(page, operator);
    await page.goto('/endpoints/local/dashboard');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Plugins' })).toHaveCount(0);
    await page.goto('/endpoints/local/plugins');
    await expect(page.getByText('Administrators only')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Install plugin' })).toHaveCount(0);
  });
});
