import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test as setup } from '@playwright/test';
import { ADMIN, ADMIN_STATE } from '../support/auth';

// `npm test` starts the gateway with no users: this is the first-run page's end-to-end test, and
// it leaves the admin's session for the other specs. Against a gateway that already has its
// admin (re-running while developing) it logs in instead.
setup(
  'first run: create the admin on the first-run page, then use Berth',
  async ({ page, request }) => {
    const { needed } = (await (await request.get('/api/auth/setup')).json()) as { needed: boolean };
    setup.info().annotations.push({
      type: 'first-run',
      description: needed ? 'created the admin' : 'admin existed: logged in',
    });

    // Any page leads to the first-run page (or the login page) while there is no session.
    await page.goto('/endpoints/local/containers');

    if (needed) {
      await expect(page).toHaveURL(/\/setup$/);
      const form = page.getByRole('form', { name: 'Create the admin account' });
      await expect(
        page.getByRole('heading', { level: 1, name: 'Create the admin account' }),
      ).toBeVisible();
      await form.getByLabel('User name').fill(ADMIN.username);

      // The policy shows inline before the gateway is asked.
      await form.getByLabel('Password', { exact: true }).fill('short');
      await expect(form.getByRole('list', { name: 'Password rules' })).toContainText(
        'At least 10 characters (not met yet)',
      );
      await form.getByRole('button', { name: 'Create admin account' }).click();
      await expect(
        form.getByText('The password must be at least 10 characters long.'),
      ).toBeVisible();

      await form.getByLabel('Password', { exact: true }).fill(ADMIN.password);
      await form.getByLabel('Confirm password').fill(ADMIN.password);
      await expect(form.getByRole('list', { name: 'Password rules' })).not.toContainText('not met');
      await form.getByRole('button', { name: 'Create admin account' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Fleet' })).toBeVisible();

      // Once done, the first-run page is gone for good.
      await page.goto('/setup');
      await expect(page.getByRole('heading', { level: 1, name: 'Fleet' })).toBeVisible();
    } else {
      await expect(page).toHaveURL(/\/login\?next=/);
      await page.getByLabel('User name').fill(ADMIN.username);
      await page.getByLabel('Password').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await expect(page).toHaveURL(/\/endpoints\/local\/containers$/);
    }

    await expect(page.getByTestId('current-user')).toHaveText(ADMIN.username);
    // Written by hand: readable by this user only (it is a live admin session), and ending in a
    // newline as Prettier wants, so `prettier --check .` passes while it exists.
    const state = await page.context().storageState();
    mkdirSync(dirname(ADMIN_STATE), { recursive: true });
    writeFileSync(ADMIN_STATE, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  },
);
