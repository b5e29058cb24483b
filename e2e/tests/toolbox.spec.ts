import { readFile } from 'node:fs/promises';
import { engineRequest, inspectContainer } from '../support/engine';
import { expect, test } from '../support/fixtures';

test('update resources live; the engine has the new limits', async ({ page, containers }) => {
  const { id, name } = await containers.create('update', { start: true });
  await page.goto(`/endpoints/local/containers/${id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'Update resources' }).click();
  const dialog = page.getByRole('dialog', { name: 'Update resources' });
  await dialog.getByLabel('Memory limit').fill('128m');
  await dialog.getByLabel('Memory + swap').fill('256m');
  await dialog.getByLabel('PIDs limit').fill('64');
  await dialog.getByLabel('Restart policy').selectOption('unless-stopped');
  await dialog.getByRole('button', { name: 'Update', exact: true }).click();
  await expect
    .poll(async () => {
      const host = (await inspectContainer(id))?.HostConfig;
      return [host?.Memory, host?.PidsLimit, host?.RestartPolicy?.Name];
    })
    .toEqual([128 * 1024 ** 2, 64, 'unless-stopped']);
});

test('commit a container to an image', async ({ page, containers }) => {
  const { id, name } = await containers.create('commit', { start: true });
  const repo = `e2e-commit-${Math.random().toString(36).slice(2, 8)}`;
  try {
    await page.goto(`/endpoints/local/containers/${id}`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await page.getByRole('button', { name: 'Commit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Commit to an image' });
    await dialog.getByLabel('Repository').fill(repo);
    await dialog.getByLabel('Tag').fill('v1');
    await dialog.getByLabel('Message').fill('from the e2e');
    await dialog.getByLabel('Dockerfile changes').fill('ENV COMMITTED=1');
    await dialog.getByRole('button', { name: 'Commit', exact: true }).click();
    await expect(dialog.getByText('Image created')).toBeVisible();
    const image = await engineRequest<{ Comment: string; Config: { Env: string[] } }>(
      'GET',
      `/images/${repo}:v1/json`,
    );
    expect(image.status).toBe(200);
    expect(image.body.Comment).toBe('from the e2e');
    expect(image.body.Config.Env).toContain('COMMITTED=1');
  } finally {
    await engineRequest('DELETE', `/images/${repo}:v1?force=1`);
  }
});

test('export a container as a tar download', async ({ page, containers }) => {
  const { id, name } = await containers.create('export');
  await page.goto(`/endpoints/local/containers/${id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${name}.tar`);
  const tar = await readFile((await download.path()) as string);
  expect(tar.length).toBeGreaterThan(100_000);
  // ustar magic in the first header
  expect(tar.subarray(257, 262).toString('latin1')).toBe('ustar');
});
