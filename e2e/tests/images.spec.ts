import { readFile } from 'node:fs/promises';
import type { ImageInspect } from '@berth/api';
import { writeTar } from '@berth/api';
import {
  createContainer,
  engineRequest,
  IMAGE,
  removeContainer,
  uniqueName,
} from '../support/engine';
import { engineCall } from '../support/engine-calls';
import { expect, test } from '../support/fixtures';

async function imageId(reference: string): Promise<string | null> {
  const response = await engineRequest<ImageInspect>('GET', `/images/${reference}/json`);
  return response.status === 200 ? response.body.Id : null;
}

async function removeImage(reference: string): Promise<void> {
  await engineRequest('DELETE', `/images/${reference}?force=1`);
}

test('tag an image from its page, then remove the tag', async ({ page }) => {
  const repo = uniqueName('tag');
  const id = await imageId(IMAGE);
  expect(id).toBeTruthy();
  try {
    await page.goto(`/endpoints/local/images/${id}`);
    await page.getByRole('button', { name: 'Tag', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('New tag').fill(`${repo}:v1`);
    await dialog.getByRole('button', { name: 'Tag image' }).click();
    await expect(dialog).toBeHidden();
    const tags = page.getByRole('list', { name: 'Tags' });
    await expect(tags).toContainText(`${repo}:v1`);
    expect(await imageId(`${repo}:v1`)).toBe(id);

    await page.getByRole('button', { name: `Remove tag ${repo}:v1` }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'Remove image' }).click();
    await expect(confirm.getByRole('list', { name: 'Removal results' })).toContainText(
      `Untagged${repo}:v1`,
    );
    await confirm.getByRole('button', { name: 'Close' }).last().click();
    await expect(tags).not.toContainText(`${repo}:v1`);
    expect(await imageId(`${repo}:v1`)).toBeNull();
    expect(await imageId(IMAGE)).toBe(id);
  } finally {
    await removeImage(`${repo}:v1`);
  }
});

test('build from a typed Dockerfile; the built image is listed', async ({ page }) => {
  const tag = `${uniqueName('build')}:latest`;
  try {
    await page.goto('/endpoints/local/images');
    await page.getByRole('link', { name: 'Build image' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Build image' })).toBeVisible();
    await page
      .getByRole('textbox', { name: 'Dockerfile' })
      .fill('FROM berth/busybox:latest\nRUN echo built > /built.txt\n');
    await page.getByRole('textbox', { name: 'Tags' }).fill(tag);
    await page.getByRole('button', { name: 'Build image' }).click();
    const log = page.getByRole('log', { name: 'Build log' });
    await expect(log).toContainText('RUN echo built > /built.txt');
    await expect(page.getByText('Image built')).toBeVisible({ timeout: 30_000 });
    expect(await imageId(tag)).toBeTruthy();

    await page.getByRole('link', { name: 'Images', exact: true }).first().click();
    await page.getByRole('searchbox', { name: 'Filter images' }).fill(tag);
    await expect(
      page.getByRole('table', { name: 'Images' }).getByRole('link', { name: tag }),
    ).toBeVisible();
  } finally {
    await removeImage(tag);
  }
});

test('pulling an image that does not exist shows the engine error', async ({ page }) => {
  await page.goto('/endpoints/local/images');
  await page.getByRole('button', { name: 'Pull image' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pull image' });
  // A registry on localhost that nobody runs: the engine fails fast, with no internet needed.
  await dialog.getByLabel('Image reference').fill('127.0.0.1:9/berth-e2e/nope');
  await dialog.getByRole('button', { name: 'Pull image' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/connection refused|127\.0\.0\.1:9/, {
    timeout: 30_000,
  });
  await expect(dialog.getByRole('button', { name: 'Close' }).last()).toBeEnabled();
});

test('removing an image a running container uses shows the engine conflict', async ({ page }) => {
  const repo = uniqueName('used');
  const holder = uniqueName('holder');
  // An image of its own (a commit of a fresh container), so no other spec shares it.
  const source = await createContainer(holder);
  const committed = await engineRequest<{ Id: string }>(
    'POST',
    `/commit?container=${source}&repo=${repo}&tag=v1`,
  );
  const id = committed.body.Id;
  const user = uniqueName('user');
  try {
    const created = await engineRequest<{ Id: string }>('POST', `/containers/create?name=${user}`, {
      Image: `${repo}:v1`,
      Cmd: ['sh', '-c', "trap 'exit 0' TERM; while true; do sleep 1; done"],
      Labels: { 'berth.e2e': '1' },
    });
    await engineRequest('POST', `/containers/${created.body.Id}/start`);

    await page.goto(`/endpoints/local/images/${id}`);
    await expect(page.getByRole('list', { name: 'Containers using this image' })).toContainText(
      user,
    );
    await page.getByRole('button', { name: 'Remove image' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'Remove image' }).click();
    await expect(confirm.getByRole('alert')).toContainText(/conflict: unable to delete/);
    expect(await imageId(id)).toBe(id);
  } finally {
    await removeContainer(user);
    await removeContainer(holder);
    await removeImage(id);
  }
});

test('save an image as a tar, remove it, and load it back', async ({ page }, testInfo) => {
  const repo = uniqueName('saved');
  const holder = uniqueName('saver');
  const source = await createContainer(holder);
  await engineRequest('POST', `/commit?container=${source}&repo=${repo}&tag=v1`);
  await removeContainer(holder);
  try {
    await page.goto('/endpoints/local/images');
    await page.getByRole('searchbox', { name: 'Filter images' }).fill(repo);
    await page.getByRole('checkbox', { name: `Select ${repo}:v1` }).check();
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Save 1 as tar' }).click();
    const download = await downloading;
    const file = testInfo.outputPath('saved.tar');
    await download.saveAs(file);

    await removeImage(`${repo}:v1`);
    expect(await imageId(`${repo}:v1`)).toBeNull();

    await page.getByRole('button', { name: 'Load', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Load images' });
    await dialog.getByLabel('Image archive (.tar)').setInputFiles(file);
    await dialog.getByRole('button', { name: 'Load images' }).click();
    await expect(dialog.getByRole('list', { name: 'Loaded images' })).toContainText(`${repo}:v1`);
    expect(await imageId(`${repo}:v1`)).toBeTruthy();
  } finally {
    await removeImage(`${repo}:v1`);
  }
});

const REGISTRY = process.env.BERTH_TEST_REGISTRY;

test('with a saved registry: push a tagged image with progress and pull it back', async ({
  page,
  adminApi,
}) => {
  test.skip(!REGISTRY, 'BERTH_TEST_REGISTRY is not set');
  const name = uniqueName('reg');
  const reference = `${REGISTRY}/berth-e2e/${name}:v1`;
  let registryId: number | null = null;
  try {
    await page.goto('/endpoints/local/registries');
    await page.getByRole('button', { name: 'Add registry' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add registry' });
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByLabel('Server').fill(REGISTRY ?? '');
    await dialog.getByLabel('User name').fill('berth-ci');
    await dialog.getByLabel('Password').fill('registry-pass-2026');
    await dialog.getByRole('button', { name: 'Save registry' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row').filter({ hasText: name });
    await row.getByRole('button', { name: 'Test login' }).click();
    await expect(row).toContainText('Login Succeeded');
    const listed = (await (await adminApi.get('/api/registries')).json()) as Array<{
      id: number;
      name: string;
    }>;
    registryId = listed.find((r) => r.name === name)?.id ?? null;

    const id = await imageId(IMAGE);
    await engineRequest(
      'POST',
      `/images/${IMAGE}/tag?repo=${encodeURIComponent(reference.replace(/:v1$/, ''))}&tag=v1`,
    );
    await page.goto(`/endpoints/local/images/${id}`);
    await page.getByRole('button', { name: 'Push', exact: true }).click();
    const push = page.getByRole('dialog', { name: 'Push image' });
    await push.getByLabel('Tag to push').selectOption(reference);
    await push.getByLabel('Saved registry').selectOption(String(registryId));
    await push.getByRole('button', { name: 'Push image' }).click();
    await expect(push.getByRole('progressbar', { name: 'Push progress' })).toBeVisible();
    await expect(push.getByText('Push complete')).toBeVisible({ timeout: 30_000 });
    await push.getByRole('button', { name: 'Close' }).last().click();

    await removeImage(reference);
    await page.goto('/endpoints/local/images');
    await page.getByRole('button', { name: 'Pull image' }).click();
    const pull = page.getByRole('dialog', { name: 'Pull image' });
    // Credentials are offered only for the registry the name points at, and chosen by themselves.
    await pull.getByLabel('Image reference').fill('other.registry.example/team/app');
    await expect(pull.getByText('No saved registry for other.registry.example')).toBeVisible();
    await pull.getByLabel('Image reference').fill(reference);
    await expect(pull.getByLabel('Saved registry')).toHaveValue(String(registryId));
    await expect(pull.getByText(`Credentials go to ${REGISTRY} only.`)).toBeVisible();
    await pull.getByRole('button', { name: 'Pull image' }).click();
    await expect(pull.getByText('Pull complete')).toBeVisible({ timeout: 30_000 });
    expect(await imageId(reference)).toBe(id);
  } finally {
    await removeImage(reference);
    if (registryId !== null) await adminApi.delete(`/api/registries/${registryId}`);
  }
});

test("the image page saves one image with ImageGet (/images/{name}/get), the list's selection with get-all", async ({
  page,
}) => {
  const repo = uniqueName('getone');
  const holder = uniqueName('getter');
  const source = await createContainer(holder);
  await engineRequest('POST', `/commit?container=${source}&repo=${repo}&tag=v1`);
  await removeContainer(holder);
  try {
    await page.goto('/endpoints/local/images');
    await page.getByRole('searchbox', { name: 'Filter images' }).fill(repo);
    await page.getByRole('checkbox', { name: `Select ${repo}:v1` }).check();
    await expect(page.getByRole('link', { name: 'Save 1 as tar' })).toHaveAttribute(
      'href',
      new RegExp(`/docker/images/get\\?names=${repo}%3Av1$`),
    );
    await page
      .getByRole('link', { name: `${repo}:v1` })
      .first()
      .click();
    const save = page.getByRole('link', { name: 'Save as tar' });
    await expect(save).toHaveAttribute('href', new RegExp(`/docker/images/${repo}%3Av1/get$`));
    const downloading = page.waitForEvent('download');
    await save.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${repo}_v1.tar`);
    // The engine's tar of this one image: its manifest names the tag.
    const tar = await readFile((await download.path()) as string);
    expect(tar.toString('latin1')).toContain(`"RepoTags":["${repo}:v1"]`);
  } finally {
    await removeImage(`${repo}:v1`);
  }
});

test('import an image from an uploaded root filesystem tarball, with progress (fromSrc=-)', async ({
  page,
}) => {
  const repo = uniqueName('imported');
  const tar = writeTar([
    { name: 'etc/berth-imported', data: new TextEncoder().encode('from a tarball\n') },
  ]);
  try {
    await page.goto('/endpoints/local/images');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import image' });
    // validation at the field, before anything is sent
    await dialog.getByLabel('Tag').fill('v1');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByText('A tag needs a repository.')).toBeVisible();
    await dialog.getByLabel('Repository').fill(repo);
    await dialog.getByLabel('Commit message').fill('imported by the e2e');
    await dialog.getByLabel('Dockerfile instructions').fill('ENV IMPORTED=1');
    await dialog.getByLabel('Root filesystem tarball').setInputFiles({
      name: 'rootfs.tar',
      mimeType: 'application/x-tar',
      buffer: Buffer.from(tar),
    });
    const call = engineCall(page, 'POST', /^\/images\/create$/);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const response = await call;
    expect(new URL(response.url()).searchParams.get('fromSrc')).toBe('-');
    await expect(dialog.getByRole('status')).toContainText(/Imported sha256:[0-9a-f]{64}/, {
      timeout: 20_000,
    });
    const image = await engineRequest<{ Comment: string; Config: { Env: string[] | null } }>(
      'GET',
      `/images/${repo}:v1/json`,
    );
    expect(image.status).toBe(200);
    expect(image.body.Comment).toBe('imported by the e2e');
    expect(image.body.Config.Env).toContain('IMPORTED=1');
  } finally {
    await removeImage(`${repo}:v1`);
  }
});
