import type { Page } from '@playwright/test';
import { NO_SESSION } from '../support/auth';
import type { TestUser } from '../support/auth';
import { expect, test } from '../support/fixtures';

async function logIn(page: Page, user: TestUser) {
  await page.goto('/login');
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(user.username);
}

test.describe('as an operator', () => {
  test.use({ storageState: NO_SESSION });

  test('a pull from a host an admin did not allow is refused in the dialog, with the host and why', async ({
    page,
    users,
  }) => {
    const operator = await users.create('op-fetch', 'operator');
    await logIn(page, operator);
    await page.goto('/endpoints/local/images');
    await page.getByRole('button', { name: 'Pull image' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pull image' });
    await dialog.getByLabel('Image reference').fill('127.0.0.1:9/berth-e2e/probe');
    await expect(dialog.getByText('No saved registry for 127.0.0.1:9')).toBeVisible();
    await dialog.getByRole('button', { name: 'Pull image' }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      'fromImage points at 127.0.0.1:9, a loopback address',
    );
  });
});

test('an admin adds an allowed host in Security settings; a URL is refused at the field', async ({
  page,
}) => {
  await page.goto('/admin/security');
  const panel = page.getByRole('region', { name: 'Hosts engines may fetch from' });
  await expect(panel.getByLabel('Applies to')).toHaveValue('non-admins');
  await expect(panel.getByLabel('Docker Hub (docker.io)')).toBeChecked();
  const field = panel.getByLabel('Add a host');
  await field.fill('https://registry.example.com/v2');
  await panel.getByRole('button', { name: 'Add host' }).click();
  await expect(panel.getByText('Enter the host alone, without http:// or https://.')).toBeVisible();
  await field.fill('registry.e2e.example:5000');
  await panel.getByRole('button', { name: 'Add host' }).click();
  await expect(panel.getByRole('list', { name: 'Allowed hosts' })).toContainText(
    'registry.e2e.example:5000',
  );
  await panel.getByRole('button', { name: 'Save hosts' }).click();
  await expect(panel.getByRole('status')).toHaveCount(0);
  await page.reload();
  const saved = page.getByRole('region', { name: 'Hosts engines may fetch from' });
  await expect(saved.getByRole('list', { name: 'Allowed hosts' })).toContainText(
    'registry.e2e.example:5000',
  );
  // Leave the settings as other specs expect them.
  await saved.getByRole('button', { name: 'Remove registry.e2e.example:5000' }).click();
  await saved.getByRole('button', { name: 'Save hosts' }).click();
  await expect(saved.getByText('No other hosts')).toBeVisible();
});
