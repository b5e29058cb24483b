import type { Page } from '@playwright/test';
import { CSRF_HEADERS } from '../support/auth';
import type { TestUser } from '../support/auth';
import { expect, test } from '../support/fixtures';

test('the system page shows disk usage by kind, version and engine facts', async ({ page }) => {
  await page.goto('/endpoints/local/system');
  const usage = page.getByRole('list', { name: 'Disk usage by kind' });
  await expect(usage.getByRole('img', { name: /^Images: .* reclaimable$/ })).toBeVisible();
  await expect(usage).toContainText('Containers');
  await expect(usage).toContainText('Local volumes');
  await expect(usage).toContainText('Build cache');
  await expect(page.getByRole('region', { name: 'Version' })).toContainText('API version');
  await expect(page.getByRole('region', { name: 'Engine information' })).toContainText(
    'Storage driver',
  );
});

test('clean up previews a stopped container and runs only the chosen prune', async ({
  page,
  containers,
}) => {
  const stopped = await containers.create('stopped');
  await page.goto('/endpoints/local/system');
  await page.getByRole('link', { name: 'Clean up' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clean up' })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Stopped containers that would be removed' }),
  ).toContainText(stopped.name);

  // Other specs run at the same time on this engine: prune only the build cache here.
  for (const name of ['Stopped containers', 'Unused networks', 'Unused images']) {
    await page.getByRole('checkbox', { name, exact: true }).uncheck();
  }
  await page.getByRole('checkbox', { name: 'Build cache', exact: true }).check();
  await page.getByRole('button', { name: 'Clean up' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Run the chosen prunes?' });
  await expect(confirm).toContainText('build cache');
  await confirm.getByRole('button', { name: 'Prune now' }).click();
  await expect(page.getByText(/^Removed \d+, reclaimed/)).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Stopped containers that would be removed' }),
  ).toContainText(stopped.name);
});

async function logIn(page: Page, user: TestUser) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(user.username);
}

test('an operator gets no clean up; a prune anyway is refused with the reason', async ({
  page,
  users,
}) => {
  const operator = await users.create('sysop', 'operator');
  await logIn(page, operator);
  await page.goto('/endpoints/local/system');
  await expect(page.getByRole('list', { name: 'Disk usage by kind' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Clean up' })).toHaveCount(0);

  await page.goto('/endpoints/local/system/clean-up');
  await expect(page.getByRole('note')).toContainText('pruning needs the admin role');

  const response = await page.request.post('/api/endpoints/local/docker/containers/prune', {
    headers: CSRF_HEADERS,
  });
  expect(response.status()).toBe(403);
  expect(((await response.json()) as { message: string }).message).toBeTruthy();
});
