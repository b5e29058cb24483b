import { engineRequest, IDLE_CMD, IMAGE, removeContainer, uniqueName } from '../support/engine';
import { engineCall } from '../support/engine-calls';
import { expect, test } from '../support/fixtures';

test('volume create, use and remove; an in-use volume is refused with the engine message', async ({
  page,
}) => {
  const volume = uniqueName('vol');
  const user = uniqueName('voluser');
  try {
    await page.goto('/endpoints/local/volumes');
    await page.getByRole('button', { name: 'Create volume' }).click();
    const create = page.getByRole('dialog', { name: 'Create volume' });
    await create.getByLabel('Name', { exact: true }).fill(volume);
    await create.getByRole('button', { name: 'Add label' }).click();
    await create.getByLabel('Label 1 key').fill('berth.e2e');
    await create.getByLabel('Label 1 value').fill('1');
    await create.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(create).toBeHidden();
    const made = await engineRequest<{ Labels: Record<string, string> }>(
      'GET',
      `/volumes/${volume}`,
    );
    expect(made.body.Labels).toEqual({ 'berth.e2e': '1' });

    await engineRequest('POST', `/containers/create?name=${user}`, {
      Image: IMAGE,
      Cmd: IDLE_CMD,
      HostConfig: { Mounts: [{ Type: 'volume', Source: volume, Target: '/data' }] },
    });
    await page.reload();
    await page.getByRole('searchbox', { name: 'Filter volumes' }).fill(volume);
    const row = page.getByRole('row').filter({ hasText: volume });
    await expect(row).toContainText(user);

    await row.getByRole('button', { name: `Remove ${volume}` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Remove ${volume}?` });
    await expect(confirm).toContainText('In use');
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(confirm.getByRole('alert')).toContainText(/in use/i);
    await confirm.getByRole('button', { name: 'Cancel' }).click();

    await removeContainer(user);
    await page.reload();
    await page.getByRole('searchbox', { name: 'Filter volumes' }).fill(volume);
    await expect(page.getByRole('row').filter({ hasText: volume })).toContainText('unused');
    await page.getByRole('button', { name: `Remove ${volume}` }).click();
    await page
      .getByRole('alertdialog', { name: `Remove ${volume}?` })
      .getByRole('button', { name: 'Remove', exact: true })
      .click();
    await expect(page.getByRole('row').filter({ hasText: volume })).toHaveCount(0);
    expect((await engineRequest('GET', `/volumes/${volume}`)).status).toBe(404);
  } finally {
    await removeContainer(user);
    await engineRequest('DELETE', `/volumes/${volume}`);
  }
});

test('inspect asks the engine for the volume itself (VolumeInspect) and shows its answer', async ({
  page,
}) => {
  const volume = uniqueName('volinspect');
  await engineRequest('POST', '/volumes/create', {
    Name: volume,
    Labels: { 'berth.e2e': 'inspect' },
  });
  try {
    await page.goto('/endpoints/local/volumes');
    await page.getByRole('searchbox', { name: 'Filter volumes' }).fill(volume);
    const inspect = engineCall(page, 'GET', new RegExp(`^/volumes/${volume}$`));
    await page.getByRole('button', { name: `Inspect ${volume}` }).click();
    expect((await inspect).status()).toBe(200);
    const json = page.getByLabel('Volume inspect');
    await expect(json).toContainText(`"Name": "${volume}"`);
    await expect(json).toContainText('"berth.e2e": "inspect"');
  } finally {
    await engineRequest('DELETE', `/volumes/${volume}`);
  }
});
