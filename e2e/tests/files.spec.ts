import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';

/** The bytes of the one regular file in a tar (ustar; the engine writes PAX only for long names). */
function fileFromTar(tar: Buffer, name: string): Buffer {
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const entryName = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(
      header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim(),
      8,
    );
    const type = String.fromCharCode(header[156] ?? 48);
    if ((type === '0' || type === '\0') && entryName.replace(/^\.?\//, '') === name) {
      return tar.subarray(offset + 512, offset + 512 + size);
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${name} is not in the archive`);
}

async function openFiles(page: Page, id: string, name: string) {
  await page.goto(`/endpoints/local/containers/${id}?tab=files`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('upload a file into a container and download it back byte for byte', async ({
  page,
  containers,
}) => {
  const { id, name } = await containers.create('files', { start: true });
  await openFiles(page, id, name);
  await expect(page.getByRole('table', { name: 'Files' })).toBeVisible();
  await page.getByRole('button', { name: 'tmp', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Folder path' })).toContainText('tmp');

  const payload = randomBytes(300_000);
  await page.getByLabel('Choose files to upload').setInputFiles({
    name: 'payload.bin',
    mimeType: 'application/octet-stream',
    buffer: payload,
  });
  await expect(page.getByRole('status').filter({ hasText: 'Uploaded payload.bin' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'payload.bin' });
  await expect(row).toContainText('rw-r--r--');

  const downloading = page.waitForEvent('download');
  await row.getByRole('link', { name: 'Download payload.bin' }).click();
  const download = await downloading;
  const tar = await readFile((await download.path()) as string);
  expect(fileFromTar(tar, 'payload.bin').equals(payload)).toBe(true);
});

test('a path that does not exist shows the engine message', async ({ page, containers }) => {
  const { id, name } = await containers.create('files-missing', { start: true });
  await openFiles(page, id, name);
  await page.getByRole('textbox', { name: 'Go to path' }).fill('/no/such/place');
  await page.getByRole('textbox', { name: 'Go to path' }).press('Enter');
  await expect(page.getByText('Could not open /no/such/place')).toBeVisible();
});

test('processes and changes tabs', async ({ page, containers }) => {
  const { id } = await containers.create('toolbox', {
    start: true,
    cmd: ['sh', '-c', 'touch /made-here; while true; do sleep 1; done'],
  });
  await page.goto(`/endpoints/local/containers/${id}?tab=processes`);
  await expect(page.getByRole('table', { name: 'Processes' })).toContainText('sleep');
  await page.getByRole('tab', { name: 'Changes' }).click();
  await expect(page.getByRole('list', { name: 'Changes' })).toContainText('/made-here');
});
