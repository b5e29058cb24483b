import type { Page } from '@playwright/test';
import { NO_SESSION } from '../support/auth';
import type { TestUser } from '../support/auth';
import { expect, test } from '../support/fixtures';

test.use({ storageState: NO_SESSION });

const DESTRUCTIVE = /^(Start|Stop|Restart|Kill|Pause|Unpause|Rename|Remove)$/;

async function logIn(page: Page, user: TestUser) {
  await page.goto('/login');
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(user.username);
}

test('a viewer sees no destructive buttons on the containers list or a container page', async ({
  page,
  users,
  containers,
}) => {
  const viewer = await users.create('viewer', 'viewer');
  const { id, name } = await containers.create('viewed', { start: true });
  await logIn(page, viewer);

  await page.goto('/endpoints/local/containers');
  await page.getByRole('searchbox', { name: 'Filter containers' }).fill(name);
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: `Select ${name}` })).toHaveCount(0);
  await expect(page.getByRole('button', { name: DESTRUCTIVE })).toHaveCount(0);
  await expect(page.getByRole('note')).toContainText('needs the operator role');

  await page.goto(`/endpoints/local/containers/${id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Container actions' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: DESTRUCTIVE })).toHaveCount(0);
  await expect(page.getByRole('note')).toContainText('needs the operator role');

  // No administration either: not in the sidebar, and the page says why.
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await page.goto('/admin/users');
  await expect(page.getByText('Administrators only')).toBeVisible();
});

test('an operator gets the lifecycle buttons but no administration', async ({
  page,
  users,
  containers,
}) => {
  const operator = await users.create('operator', 'operator');
  const { id, name } = await containers.create('operated', { start: true });
  await logIn(page, operator);

  await page.goto(`/endpoints/local/containers/${id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const actions = page.getByRole('toolbar', { name: 'Container actions' });
  for (const label of ['Stop', 'Restart', 'Kill', 'Rename', 'Remove']) {
    await expect(actions.getByRole('button', { name: label, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('navigation', { name: 'Administration' })).toHaveCount(0);
});
