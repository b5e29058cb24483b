// PouchContainer in the browser, against the pouch replay: a stand-in for pouchd that answers
// with a real PouchContainer 1.3.0's recorded responses (no pouchd can be installed here). The
// harness starts it on a unix socket (BERTH_E2E_POUCH); this spec adds it as an endpoint through
// the admin API and removes it afterwards. Its own Playwright project runs after the others, so
// the extra endpoint never shows in their pages.
import type { APIRequestContext } from '@playwright/test';
import type { EndpointSummary } from '@berth/api';
import { ADMIN_STATE, CSRF_HEADERS } from '../support/auth';
import { expect, test } from '../support/fixtures';

const POUCH = process.env.BERTH_E2E_POUCH;

test.describe.configure({ mode: 'serial' });

let api: APIRequestContext;
let endpoint: EndpointSummary;

test.beforeAll(async ({ playwright, baseURL }) => {
  test.skip(!POUCH, 'BERTH_E2E_POUCH is not set (the harness starts the pouch replay)');
  api = await playwright.request.newContext({
    baseURL,
    storageState: ADMIN_STATE,
    extraHTTPHeaders: CSRF_HEADERS,
  });
  const res = await api.post('/api/endpoints', {
    data: { name: `Pouch replay ${process.pid}`, url: POUCH },
  });
  expect(res.status(), await res.text()).toBe(201);
  endpoint = (await res.json()) as EndpointSummary;
});

test.afterAll(async () => {
  if (endpoint) await api.delete(`/api/endpoints/${endpoint.id}`);
  await api?.dispose();
});

const at = (path: string) => `/endpoints/${endpoint.id}/${path}`;

test('pouch replay: the gateway learns the engine and the UI shows a PouchContainer badge', async ({
  page,
}) => {
  expect(endpoint).toMatchObject({ kind: 'pouch', apiVersion: '1.24', engineVersion: '1.3.0' });
  await page.goto(at('dashboard'));
  const header = page.getByRole('banner');
  await expect(header.getByTestId('engine-badge')).toHaveText('PouchContainer 1.3.0');
  const engine = page.getByRole('region', { name: 'Engine', exact: true });
  await expect(engine.getByTestId('engine-badge')).toHaveText('PouchContainer 1.3.0');
  await expect(engine).toContainText('PouchContainer 1.3.0 · API 1.24');
  // The replay keeps the live events stream open as pouchd does: the endpoint stays up.
  const status = async () =>
    ((await (await api.get(`/api/endpoints/${endpoint.id}`)).json()) as EndpointSummary).status;
  await page.waitForTimeout(2_000);
  expect(await status()).toBe('up');
  await expect(page.getByText('Engine unreachable')).toHaveCount(0);
});

test('pouch replay: the container list shows each state from pouchd’s Status text, and no Kill', async ({
  page,
}) => {
  await page.goto(at('containers'));
  const table = page.getByRole('table', { name: 'Containers' });
  const row = (name: string) =>
    table.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  for (const [name, state] of [
    ['fx-running', 'running'],
    ['fx-paused', 'paused'],
    ['fx-stopped', 'exited'],
    ['fx-exited', 'exited'],
    ['fx-created', 'created'],
  ] as const) {
    await expect(row(name).getByText(state, { exact: true }).first(), name).toBeVisible();
  }
  const bulk = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bulk.getByRole('button', { name: 'Stop', exact: true })).toBeVisible();
  await expect(bulk.getByRole('button', { name: 'Kill', exact: true })).toHaveCount(0);
  await expect(
    bulk.getByRole('note', { name: /Not offered by PouchContainer: Kill/ }),
  ).toBeVisible();
});

test('pouch replay: the checkpoints panel shows CRIU’s error as the engine gives it', async ({
  page,
}) => {
  await page.goto(at('containers'));
  await page.getByRole('link', { name: 'fx-running', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'fx-running' })).toBeVisible();
  const actions = page.getByRole('toolbar', { name: 'Container actions' });
  await expect(actions.getByRole('button', { name: 'Stop', exact: true })).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Kill', exact: true })).toHaveCount(0);
  const tools = page.getByRole('toolbar', { name: 'Container tools' });
  await expect(tools.getByRole('button', { name: 'Upgrade' })).toBeVisible();
  await expect(tools.getByRole('link', { name: 'Export' })).toHaveCount(0);
  const tabs = page.getByRole('tablist', { name: 'Container views' });
  await expect(tabs.getByRole('tab', { name: 'Changes' })).toHaveCount(0);

  await tabs.getByRole('tab', { name: 'Checkpoints' }).click();
  const panel = page.getByRole('region', { name: 'Checkpoints' });
  await expect(panel.getByText('No checkpoints')).toBeVisible();
  await panel.getByRole('button', { name: 'Create checkpoint' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create checkpoint' });
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog.getByText('Name the checkpoint.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('cp1');
  await dialog.getByRole('checkbox', { name: /Stop the container after the checkpoint/ }).check();
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  const error = dialog.getByRole('alert');
  await expect(error).toContainText('The engine could not create the checkpoint');
  await expect(error).toContainText('criu failed: type DUMP');
});

test('pouch replay: no prune, build, clean up or disk usage where pouchd has none; daemon settings for the admin', async ({
  page,
}) => {
  await page.goto(at('images'));
  await expect(page.getByRole('button', { name: 'Pull image' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Prune images' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Build image' })).toHaveCount(0);
  await expect(
    page.getByRole('note', { name: /Not offered by PouchContainer: Build, Prune/ }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'busybox:latest' }).first()).toBeVisible();
  // pouchd saves one image, by name: images/save?name=
  await page.getByRole('checkbox', { name: 'Select busybox:latest' }).check();
  await expect(page.getByRole('link', { name: 'Save 1 as tar' })).toHaveAttribute(
    'href',
    /\/docker\/images\/save\?name=registry\.hub\.docker\.com%2Flibrary%2Fbusybox%3Alatest$/,
  );
  // History times come in nanoseconds from pouchd: shown as an age, not a date far ahead.
  await page.getByRole('link', { name: 'busybox:latest' }).first().click();
  await page.getByRole('tab', { name: 'Layers' }).click();
  await expect(page.getByRole('table', { name: 'Layers' }).getByRole('row').nth(1)).toContainText(
    /ago/,
  );

  await page.goto(at('volumes'));
  await expect(page.getByRole('button', { name: 'Create volume' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Prune volumes' })).toHaveCount(0);
  await page.goto(at('networks'));
  await expect(page.getByRole('button', { name: 'Prune networks' })).toHaveCount(0);

  await page.goto(at('system'));
  await expect(page.getByRole('link', { name: 'Clean up' })).toHaveCount(0);
  await expect(
    page.getByRole('note', { name: /Not offered by PouchContainer: Disk usage, Clean up/ }),
  ).toBeVisible();
  const daemon = page.getByRole('form', { name: 'Daemon settings' });
  await expect(daemon.getByRole('textbox', { name: 'Labels' })).toHaveValue(/node_ip=127\.0\.0\.1/);
  await daemon.getByRole('textbox', { name: 'Image proxy' }).fill('not a url');
  await daemon.getByRole('button', { name: 'Update daemon' }).click();
  await expect(daemon.getByText(/An http:\/\/ or https:\/\/ address/)).toBeVisible();
  await daemon.getByRole('textbox', { name: 'Image proxy' }).fill('http://proxy.example.com:3128');
  await daemon.getByRole('button', { name: 'Update daemon' }).click();
  await expect(daemon.getByRole('status')).toHaveText('Daemon updated.');
});
