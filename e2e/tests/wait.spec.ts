// ContainerWait from the UI, against the real engine: a one-shot run from the create form, and
// "Wait for exit" on the container page.
import {
  engineRequest,
  IMAGE,
  inspectContainer,
  removeContainer,
  uniqueName,
} from '../support/engine';
import { expect, test } from '../support/fixtures';

test('run once from the create form: the dialog shows the exit code when it ends', async ({
  page,
}) => {
  const name = uniqueName('once');
  try {
    await page.goto('/endpoints/local/containers/new');
    await page.getByLabel('Image', { exact: true }).fill(IMAGE);
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page
      .getByRole('textbox', { name: 'Command', exact: true })
      // Long enough that the dialog is seen waiting on a loaded machine (1 s was not, in CI).
      .fill('sh -c "sleep 5; exit 3"');
    await page.getByLabel('Run once: start it and wait for the exit code').check();
    await page.getByRole('button', { name: 'Run once', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Run once: ${name}` });
    await expect(dialog.getByText('Running; waiting for it to exit…')).toBeVisible();
    await expect(dialog.getByRole('status')).toHaveText('Exited with code 3', { timeout: 20_000 });
    const inspect = await inspectContainer(name);
    expect(inspect?.State.ExitCode).toBe(3);
    await dialog.getByRole('link', { name: 'Open its logs' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  } finally {
    await removeContainer(name);
  }
});

test('wait for exit on the container page shows the exit code, and can stop waiting', async ({
  page,
  containers,
}) => {
  const { id, name } = await containers.create('wait', { start: true, cmd: ['sleep', '3600'] });
  await page.goto(`/endpoints/local/containers/${id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const tools = page.getByRole('toolbar', { name: 'Container tools' });

  await tools.getByRole('button', { name: 'Wait for exit' }).click();
  await expect(tools.getByText('Waiting for the container to exit…')).toBeVisible();
  await tools.getByRole('button', { name: 'Stop waiting' }).click();
  await expect(tools.getByRole('button', { name: 'Wait for exit' })).toBeVisible();
  expect((await inspectContainer(id))?.State.Running).toBe(true);

  await tools.getByRole('button', { name: 'Wait for exit' }).click();
  await expect(tools.getByText('Waiting for the container to exit…')).toBeVisible();
  // The main process is killed from outside Berth: the open wait answers with its code.
  await engineRequest('POST', `/containers/${id}/kill?signal=KILL`);
  await expect(tools.getByText('Exited with code 137')).toBeVisible({ timeout: 20_000 });
});
