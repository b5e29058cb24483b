// Single sign-on end to end: the admin sets up the REAL test OpenID provider (oidc-provider,
// started by scripts/check.mjs / scripts/test.mjs at BERTH_TEST_OIDC_ISSUER) on the settings page,
// then people sign in through the provider's own login page in Chromium and land with the role
// their groups map to; a group changed at the provider gives the new role at the next login.
import type { SsoSettings } from '@berth/api';
import type { APIRequestContext, Page } from '@playwright/test';
import { ADMIN_STATE, CSRF_HEADERS, NO_SESSION } from '../support/auth';
import { uniqueName } from '../support/engine';
import { expect, test } from '../support/fixtures';

const ISSUER = process.env.BERTH_TEST_OIDC_ISSUER ?? '';
const SHOTS = process.env.BERTH_E2E_SHOTS;

// One provider setup for the whole gateway: these tests run one after the other.
test.describe.configure({ mode: 'serial' });
// Each test walks several pages on two sites (Berth and the provider) on a shared machine.
test.setTimeout(90_000);

async function registerClient(api: APIRequestContext, baseURL: string) {
  const res = await api.post(`${ISSUER}/reg`, {
    data: {
      redirect_uris: [`${baseURL}/api/auth/oidc/callback`],
      post_logout_redirect_uris: [`${baseURL}/login`],
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { client_id: string; client_secret: string };
}

async function setAccount(api: APIRequestContext, name: string, groups: string[]) {
  const res = await api.put(`${ISSUER}/__test/accounts/${name}`, {
    data: { password: `${name}-idp-2026`, groups },
  });
  expect(res.status()).toBe(204);
}

/** From Berth's login page through the provider's login form, back to Berth. */
async function signInThroughProvider(page: Page, name: string) {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
  await expect(page.getByRole('heading', { name: 'Test identity provider' })).toBeVisible();
  await page.getByLabel('Username').fill(name);
  await page.getByLabel('Password').fill(`${name}-idp-2026`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(name);
}

test.beforeAll(() => {
  if (!ISSUER) throw new Error('BERTH_TEST_OIDC_ISSUER is not set (scripts/check.mjs sets it).');
});

test.afterAll(async ({ playwright, baseURL }) => {
  // Leave the gateway as the other specs expect it: no single sign-on.
  const api = await playwright.request.newContext({
    baseURL,
    storageState: ADMIN_STATE,
    extraHTTPHeaders: CSRF_HEADERS,
  });
  const saved = (await (await api.get('/api/settings/sso')).json()) as SsoSettings;
  const { clientSecretSet: _set, ...oidc } = saved.oidc;
  await api.put('/api/settings/sso', {
    data: {
      oidc: { ...oidc, enabled: false },
      forwardAuth: saved.forwardAuth,
      mapping: saved.mapping,
      localLogin: { enabled: true, breakGlassUser: saved.localLogin.breakGlassUser },
    },
  });
  await api.dispose();
});

test('an admin sets up the provider; a user signs in there and lands with the mapped role', async ({
  page,
  browser,
  adminApi,
  baseURL,
}) => {
  const client = await registerClient(adminApi, baseURL ?? '');
  await page.goto('/admin/sso');
  await expect(page.getByRole('heading', { level: 1, name: 'Single sign-on' })).toBeVisible();
  await expect(page.getByText(`${baseURL}/api/auth/oidc/callback`)).toBeVisible();
  await page.getByLabel('Sign in with OpenID Connect').check();
  await page.getByLabel('Provider name').fill('Test IdP');
  await page.getByLabel('Issuer URL').fill(ISSUER);
  await page.getByLabel('Client id').fill(client.client_id);
  await page.getByLabel('Client secret').fill(client.client_secret);
  await page.getByLabel('Scopes').fill('openid profile email groups');
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByLabel('Group 1').fill('ops');
  await page.getByLabel('Role 1').selectOption('operator');
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByLabel('Group 2').fill('infra-admins');
  await page.getByLabel('Role 2').selectOption('admin');
  await page.getByLabel('Everyone else').selectOption('viewer');
  await page.getByRole('button', { name: 'Save single sign-on settings' }).click();
  await expect(page.getByText('Saved. Leave empty to keep it.')).toBeVisible();
  if (SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}/sso-settings-${scheme}.png` });
    }
  }

  const name = uniqueName('idp');
  await setAccount(adminApi, name, ['ops']);
  const context = await browser.newContext({ storageState: NO_SESSION });
  const userPage = await context.newPage();
  try {
    if (SHOTS) {
      await userPage.goto('/login');
      await userPage.getByRole('link', { name: 'Sign in with Test IdP' }).waitFor();
      for (const scheme of ['light', 'dark'] as const) {
        await userPage.emulateMedia({ colorScheme: scheme });
        await userPage.screenshot({ path: `${SHOTS}/sso-login-${scheme}.png` });
      }
    }
    await signInThroughProvider(userPage, name);
    await expect(
      userPage.getByRole('button', { name: `Account: ${name} (operator)` }),
    ).toBeVisible();
    const audit = await adminApi.get(`/api/audit?action=login&user=${name}`);
    const entry = ((await audit.json()) as { entries: Array<{ detail: string }> }).entries[0];
    expect(entry?.detail).toContain('method=oidc');
    expect(entry?.detail).toContain('ops→operator');
  } finally {
    await context.close();
  }
});

test('a group changed at the provider gives the new role at the next login', async ({
  browser,
  adminApi,
}) => {
  const name = uniqueName('idp');
  await setAccount(adminApi, name, ['ops']);
  const context = await browser.newContext({ storageState: NO_SESSION });
  const page = await context.newPage();
  try {
    await signInThroughProvider(page, name);
    await expect(page.getByRole('button', { name: `Account: ${name} (operator)` })).toBeVisible();

    await setAccount(adminApi, name, ['infra-admins']);
    // Logging out ends the provider's session too (its end-session page), then back to Berth.
    await page.getByRole('button', { name: `Account: ${name} (operator)` }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect(page).toHaveURL(/\/login/);

    await signInThroughProvider(page, name);
    await expect(page.getByRole('button', { name: `Account: ${name} (admin)` })).toBeVisible();
  } finally {
    await context.close();
  }
});
