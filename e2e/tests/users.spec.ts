import { NO_SESSION, passwordFor } from '../support/auth';
import { uniqueName } from '../support/engine';
import { expect, test } from '../support/fixtures';

test('add a user, disable them (they cannot log in), enable and delete them', async ({
  page,
  browser,
  adminApi,
}) => {
  const username = uniqueName('user');
  const password = passwordFor(username);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: /^Users/ })).toBeVisible();

  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add user' });
  await dialog.getByLabel('User name').fill(username);
  // The gateway's policy, checked inline: the password may not contain the name.
  await dialog.getByLabel('Password', { exact: true }).fill(`${username}-secret`);
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog.getByText('The password must not contain the user name.')).toBeVisible();
  await dialog.getByLabel('Password', { exact: true }).fill(password);
  await dialog.getByLabel('Role').selectOption('operator');
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog).toHaveCount(0);

  const row = page.getByRole('row').filter({ hasText: username });
  await expect(row).toContainText('operator');
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Never');

  try {
    await row.getByRole('button', { name: `Disable ${username}` }).click();
    await expect(row).toContainText('Disabled');

    const other = await browser.newContext({ storageState: NO_SESSION });
    const otherPage = await other.newPage();
    await otherPage.goto('/login');
    await otherPage.getByLabel('User name').fill(username);
    await otherPage.getByLabel('Password').fill(password);
    await otherPage.getByRole('button', { name: 'Log in' }).click();
    await expect(otherPage.getByRole('alert')).toContainText('This account is disabled.');
    await other.close();

    await row.getByRole('button', { name: `Enable ${username}` }).click();
    await expect(row).toContainText('Active');

    await row.getByRole('button', { name: `Delete ${username}` }).click();
    await page
      .getByRole('alertdialog', { name: `Delete ${username}?` })
      .getByRole('button', { name: 'Delete user' })
      .click();
    await expect(row).toHaveCount(0);
  } finally {
    const list = (await (await adminApi.get('/api/users')).json()) as Array<{
      id: number;
      username: string;
    }>;
    const left = list.find((u) => u.username === username);
    if (left) await adminApi.delete(`/api/users/${left.id}`);
  }
});

test('you cannot delete or disable yourself: the page says so and the gateway refuses', async ({
  page,
  adminApi,
}) => {
  await page.goto('/admin/users');
  const row = page.getByRole('row').filter({ hasText: '(you)' });
  await expect(row.getByRole('button', { name: 'Delete admin' })).toBeDisabled();
  await expect(row.getByRole('button', { name: 'Disable admin' })).toBeDisabled();

  const me = (await (await adminApi.get('/api/auth/me')).json()) as { id: number };
  const refused = await adminApi.delete(`/api/users/${me.id}`);
  expect(refused.status()).toBe(409);
  expect(await refused.json()).toEqual({ message: 'You cannot delete yourself.' });
});
