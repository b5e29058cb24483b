import type { WallLayoutSummary } from '@berth/api';
import { BASE_URL, NO_SESSION } from '../support/auth';
import { expect, test } from '../support/fixtures';
import {
  addSecondEndpoint,
  removeEndpoint,
  removeFromSecondEngine,
  runOnSecondEngine,
  SECOND_ENGINE,
} from '../support/second-engine';

test.skip(!SECOND_ENGINE, 'needs the harness’s second engine (BERTH_E2E_SECOND_ENGINE)');

test('a wall pairs by code without a password, shows its layout, follows the second engine, and is revoked', async ({
  page,
  adminApi,
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  const second = await addSecondEndpoint(adminApi, 'wall');
  const layoutName = `e2e-wall-${Math.random().toString(36).slice(2, 8)}`;
  const created = await adminApi.post('/api/wall/layouts', {
    data: {
      name: layoutName,
      config: {
        rotateSeconds: 300,
        pages: [
          {
            title: 'Operations',
            tiles: [
              { type: 'endpoints' },
              { type: 'containers', endpoint: second.id },
              { type: 'events' },
            ],
          },
        ],
      },
    },
  });
  expect(created.status()).toBe(201);
  const layout = (await created.json()) as WallLayoutSummary;

  // The TV: no session, full HD.
  const wallContext = await browser.newContext({
    storageState: NO_SESSION,
    baseURL: BASE_URL,
    viewport: { width: 1920, height: 1080 },
  });
  const wall = await wallContext.newPage();
  const started: string[] = [];
  try {
    await wall.goto('/wall');
    const code = wall.getByTestId('pairing-code');
    await expect(code).toHaveText(/^[A-Z0-9]{6}$/);
    await expect(wall.getByText('No password is needed on this screen.')).toBeVisible();
    const shown = (await code.textContent()) ?? '';

    // The admin approves it from their own session.
    await page.goto('/admin/wall');
    const form = page.getByRole('form', { name: 'Pair a screen' });
    await form.getByLabel('Code on the wall').fill(shown.toLowerCase());
    await form.getByLabel('Screen name').fill('E2E TV');
    await form.getByLabel('Layout').selectOption({ label: layoutName });
    await form.getByRole('button', { name: 'Approve' }).click();
    const note = form.getByRole('note');
    await expect(note).toContainText(/Paired E2E TV as wall-e2e-tv/);
    // the screen's user name, made from the name given (unique: wall-e2e-tv, wall-e2e-tv-2…)
    const device = /as (wall-e2e-tv(?:-\d+)?)\./.exec((await note.textContent()) ?? '')?.[1] ?? '';
    const devices = page.getByRole('list', { name: 'Paired screens' });
    await expect(devices).toContainText(device);

    // The wall shows the layout by itself.
    await expect(wall.getByRole('heading', { level: 1, name: 'Operations' })).toBeVisible();
    await expect(wall.getByRole('region', { name: /^Endpoint health/ })).toContainText(second.name);
    const grid = wall.getByRole('list', { name: `Containers on ${second.name}` });
    const container = await runOnSecondEngine('wall-tile');
    started.push(container.id);
    await expect(grid.getByRole('listitem').filter({ hasText: container.name })).toHaveAttribute(
      'data-state',
      'running',
    );
    await expect(wall.getByRole('list', { name: 'Events ticker' })).toContainText(container.name);
    await testInfo.attach('wall-1920x1080', {
      body: await wall.screenshot(),
      contentType: 'image/png',
    });
    // A paired screen is a viewer bound to its layout: it cannot change anything.
    const denied = await wall.request.post('/api/wall/layouts', {
      data: { name: 'nope', config: { pages: [{ tiles: [{ type: 'endpoints' }] }] } },
      headers: { 'X-Berth-Csrf': '1' },
    });
    expect(denied.status()).toBe(403);

    // Revoking ends the session at once: the wall goes back to a pairing code.
    await devices.getByRole('button', { name: `Revoke ${device}`, exact: true }).click();
    await page
      .getByRole('alertdialog', { name: `Revoke ${device}?` })
      .getByRole('button', { name: 'Revoke screen' })
      .click();
    await expect(wall.getByTestId('pairing-code')).toHaveText(/^[A-Z0-9]{6}$/, {
      timeout: 30_000,
    });
  } finally {
    await wallContext.close();
    for (const id of started) await removeFromSecondEngine(id);
    await adminApi.delete(`/api/wall/layouts/${layout.id}`);
    await removeEndpoint(adminApi, second.id);
  }
});

test('an admin arranges a wall layout in the editor', async ({ page, adminApi }) => {
  const name = `e2e-layout-${Math.random().toString(36).slice(2, 8)}`;
  await page.goto('/admin/wall');
  await page.getByRole('button', { name: 'New layout' }).click();
  const dialog = page.getByRole('dialog', { name: 'New wall layout' });
  await dialog.getByRole('button', { name: 'Save layout' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Give the layout a name.');

  await dialog.getByLabel('Layout name').fill(name);
  await dialog.getByLabel('Next page every (seconds)').fill('20');
  await dialog.getByRole('button', { name: 'Add tile' }).click();
  await dialog.getByLabel('Page 1 tile 3 type').selectOption('charts');
  await dialog.getByRole('button', { name: 'Save layout' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'Page 1, tile 3: choose at least one container to chart.',
  );
  await dialog.getByLabel('Page 1 tile 3 type').selectOption('services');
  await dialog.getByRole('button', { name: 'Add page' }).click();
  await dialog.getByLabel('Page 2 title').fill('Containers');
  await dialog.getByRole('button', { name: 'Save layout' }).click();
  await expect(dialog).toBeHidden();

  const layouts = page.getByRole('list', { name: 'Layouts' });
  await expect(layouts).toContainText(name);
  await expect(layouts.getByRole('listitem').filter({ hasText: name })).toContainText(
    '2 pages · 4 tiles · next page every 20 s',
  );
  const saved = (
    (await (await adminApi.get('/api/wall/layouts')).json()) as WallLayoutSummary[]
  ).find((l) => l.name === name);
  expect(saved?.config.pages[0]?.tiles.map((t) => t.type)).toEqual([
    'endpoints',
    'events',
    'services',
  ]);
  expect(saved?.config.pages[1]).toEqual({
    title: 'Containers',
    tiles: [{ type: 'containers', endpoint: 'local' }],
  });

  await layouts.getByRole('button', { name: `Delete ${name}` }).click();
  await page
    .getByRole('alertdialog', { name: `Delete ${name}?` })
    .getByRole('button', { name: 'Delete layout' })
    .click();
  await expect(layouts.getByText(name)).toHaveCount(0);
});

test('the wall says it is reconnecting while the network is gone, and recovers by itself', async ({
  page,
  adminApi,
}) => {
  const name = `e2e-offline-${Math.random().toString(36).slice(2, 8)}`;
  const created = await adminApi.post('/api/wall/layouts', {
    data: { name, config: { rotateSeconds: 60, pages: [{ tiles: [{ type: 'endpoints' }] }] } },
  });
  const layout = (await created.json()) as WallLayoutSummary;
  try {
    await page.goto(`/wall?layout=${layout.id}`);
    const health = page.getByRole('region', { name: /^Endpoint health/ });
    await expect(health).toContainText('local');
    await expect(page.getByTestId('wall-reconnecting')).toHaveCount(0);

    await page.context().setOffline(true);
    await expect(page.getByTestId('wall-reconnecting')).toBeVisible({ timeout: 20_000 });
    // what it showed stays on screen meanwhile
    await expect(health).toContainText('local');

    await page.context().setOffline(false);
    await expect(page.getByTestId('wall-reconnecting')).toHaveCount(0, { timeout: 30_000 });
    await expect(health).toContainText('local');
  } finally {
    await page.context().setOffline(false);
    await adminApi.delete(`/api/wall/layouts/${layout.id}`);
  }
});
