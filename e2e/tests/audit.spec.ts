import { CSRF_HEADERS } from '../support/auth';
import { expect, test } from '../support/fixtures';

test('the audit log shows logins, failed and successful, and filters them', async ({
  page,
  users,
  playwright,
  baseURL,
}) => {
  const user = await users.create('audited', 'viewer');
  const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: CSRF_HEADERS });
  const wrong = await client.post('/api/auth/login', {
    data: { username: user.username, password: 'wrong-password-1' },
  });
  expect(wrong.status()).toBe(401);
  const right = await client.post('/api/auth/login', {
    data: { username: user.username, password: user.password },
  });
  expect(right.status()).toBe(200);
  await client.dispose();

  await page.goto('/endpoints/local/dashboard');
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Audit log/ })).toBeVisible();

  const filters = page.getByRole('search', { name: 'Audit filters' });
  await filters.getByLabel('User').fill(user.username);
  await filters.getByLabel('Action').fill('login');
  await expect(page).toHaveURL(/action=login/);

  const table = page.getByRole('table', { name: 'Audit log' });
  const rows = table.getByRole('row').filter({ hasText: user.username });
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('audit-total')).toHaveText('2 entries');
  await expect(rows.filter({ hasText: 'denied' })).toContainText('wrong password');
  await expect(rows.filter({ hasText: /ok\s*200/ })).toHaveCount(1);

  await filters.getByLabel('Result').selectOption('denied');
  await expect(rows).toHaveCount(1);

  // The export link carries the same filters.
  const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  const csvUrl = new URL(href!, baseURL);
  expect(csvUrl.pathname).toBe('/api/audit.csv');
  expect(csvUrl.searchParams.get('user')).toBe(user.username);
  expect(csvUrl.searchParams.get('result')).toBe('denied');
  const csv = await page.request.get(csvUrl.toString());
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(`${user.username},`);
});
