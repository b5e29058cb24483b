import { expect, test } from '../support/fixtures';

test('a deep link to a container page works on reload', async ({ page, containers }) => {
  const { id, name } = await containers.create('deeplink', { start: true });
  await page.goto(`/endpoints/local/containers/${id}?tab=inspect`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Inspect' })).toHaveAttribute('aria-selected', 'true');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByLabel('Inspect JSON')).toContainText(id);

  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page).toHaveURL(new RegExp(`/endpoints/local/containers/${id}$`));
  await expect(page.getByRole('table', { name: 'Labels' })).toBeVisible();
});

test('the root is the fleet overview and the theme toggle switches and sticks', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Fleet' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'local' })).toBeVisible();

  const html = page.locator('html');
  await expect(html).not.toHaveClass(/\bdark\b/);
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(html).toHaveClass(/\bdark\b/);

  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(html).not.toHaveClass(/\bdark\b/);
});
