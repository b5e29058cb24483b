import { uniqueName } from '../support/engine';
import { expect, test } from '../support/fixtures';

test('create an API token: shown once, works as a Bearer token, and revoking ends it', async ({
  page,
  playwright,
  baseURL,
}) => {
  const name = uniqueName('token');
  await page.goto('/endpoints/local/dashboard');
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitem', { name: 'API tokens' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^API tokens/ })).toBeVisible();

  await page.getByRole('button', { name: 'Create token' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API token' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Role').selectOption('viewer');
  await dialog.getByRole('button', { name: 'Create token' }).click();

  const shown = page.getByRole('dialog', { name: `Token “${name}” created` });
  await expect(shown).toContainText("you won't see it again");
  await expect(shown.getByRole('button', { name: 'Copy token' })).toBeVisible();
  const token = await shown.getByLabel('API token').inputValue();
  expect(token).toMatch(/^berth_/);
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toHaveCount(0);

  // The list never shows the secret again.
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(page.getByText(token)).toHaveCount(0);

  const script = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
  const me = await script.get('/api/auth/me');
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ role: 'viewer', via: 'token' });

  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Revoke ${name}?` });
  await confirm.getByRole('button', { name: 'Revoke token' }).click();
  await expect(row).toHaveCount(0);
  expect((await script.get('/api/auth/me')).status()).toBe(401);
  await script.dispose();
});
