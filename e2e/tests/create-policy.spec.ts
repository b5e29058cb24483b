import type { Page } from '@playwright/test';
import { NO_SESSION } from '../support/auth';
import type { TestUser } from '../support/auth';
import { IMAGE, inspectContainer, uniqueName } from '../support/engine';
import { expect, test } from '../support/fixtures';

test.use({ storageState: NO_SESSION });

async function logIn(page: Page, user: TestUser) {
  await page.goto('/login');
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(user.username);
}

test("an operator's host bind mount is refused by the gateway, and the form says why", async ({
  page,
  users,
}) => {
  const operator = await users.create('op-create', 'operator');
  const name = uniqueName('refused');
  await logIn(page, operator);
  await page.goto('/endpoints/local/containers/new');
  await page.getByLabel('Image', { exact: true }).fill(IMAGE);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Add mount' }).click();
  await page.getByLabel('Mount 1 type').selectOption('bind');
  await page.getByLabel('Mount 1 source').fill('/etc');
  await page.getByLabel('Mount 1 target').fill('/host-etc');
  await page.getByRole('button', { name: 'Create', exact: true }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The gateway refused this container');
  await expect(alert).not.toHaveText(/^\s*The gateway refused this container\s*$/);
  expect(await inspectContainer(name)).toBeNull();
});
