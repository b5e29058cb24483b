import { NO_SESSION } from '../support/auth';
import { expect, test } from '../support/fixtures';

test.use({ storageState: NO_SESSION });

test('a wrong password shows the gateway’s message; the right one lands on the fleet overview', async ({
  page,
  users,
}) => {
  const user = await users.create('login', 'operator');
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);

  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill('not-the-password-1');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong user name or password.');
  await expect(page).toHaveURL(/\/login$/);

  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Fleet' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveText(user.username);
});

test('log out; a protected page then sends you to login and back after it', async ({
  page,
  users,
}) => {
  const user = await users.create('logout', 'viewer');
  await page.goto('/login');
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(user.username);

  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);

  await page.goto('/endpoints/local/containers?q=web');
  await expect(page).toHaveURL(/\/login\?next=/);
  // The session is gone on the gateway too, not only in this page.
  expect((await page.request.get('/api/auth/me')).status()).toBe(401);

  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/endpoints\/local\/containers\?q=web$/);
  await expect(page.getByRole('searchbox', { name: 'Filter containers' })).toHaveValue('web');
});

test('a session ended elsewhere sends the next request to login, keeping the page', async ({
  page,
  users,
  adminApi,
}) => {
  const user = await users.create('revoked', 'operator');
  await page.goto('/login');
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Images' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Images/ })).toBeVisible();

  // An admin sets a new password: the gateway ends the user's sessions.
  const newPassword = `${user.password}-new`;
  const reset = await adminApi.patch(`/api/users/${user.id}`, { data: { password: newPassword } });
  expect(reset.status()).toBe(200);

  // The volumes list is not in the cache yet (the fleet page read the containers): its request
  // is the one that finds out.
  await nav.getByRole('link', { name: 'Volumes' }).click();
  await expect(page).toHaveURL(/\/login\?/);
  const search = new URL(page.url()).searchParams;
  expect(search.get('next')).toBe('/endpoints/local/volumes');
  expect(search.get('reason')).toBe('expired');
  await expect(page.getByRole('note')).toContainText('Your session ended');

  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(newPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/endpoints\/local\/volumes$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Volumes/ })).toBeVisible();
});
