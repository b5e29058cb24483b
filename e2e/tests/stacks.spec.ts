import { engineRequest, IMAGE, uniqueName } from '../support/engine';
import { expect, test } from '../support/fixtures';
import type { Page } from '@playwright/test';

interface EngineContainer {
  Id: string;
  Names: string[];
  State: string;
  Labels: Record<string, string>;
}

async function stackContainers(project: string): Promise<EngineContainer[]> {
  const filters = encodeURIComponent(
    JSON.stringify({ label: [`com.docker.compose.project=${project}`] }),
  );
  return (
    await engineRequest<EngineContainer[]>('GET', `/containers/json?all=1&filters=${filters}`)
  ).body;
}

const composeFile = (greeting: string) =>
  [
    'services:',
    '  db:',
    `    image: ${IMAGE}`,
    '    command: sh -c "touch /tmp/ready; exec sleep 3600"',
    '    init: true',
    '    healthcheck:',
    '      test: ["CMD", "test", "-f", "/tmp/ready"]',
    '      interval: 1s',
    '  web:',
    `    image: ${IMAGE}`,
    // `$$` is compose's escape: the container's shell expands $GREETING, into its log.
    '    command: sh -c "echo greeting-is-$$GREETING; exec sleep 3600"',
    '    init: true',
    '    depends_on:',
    '      db:',
    '        condition: service_healthy',
    '    environment:',
    `      GREETING: ${greeting}`,
    '',
  ].join('\n');

/** Replaces the whole text of a CodeMirror editor, as a person pasting would. */
async function replaceEditorText(page: Page, label: string, text: string) {
  const editor = page.getByRole('textbox', { name: label });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

test('a person creates a stack in the editor, watches it deploy, edits it with a diff and removes it', async ({
  page,
}) => {
  // Two deploys with a healthcheck wait on a shared, busy machine: more than the default 45 s.
  test.setTimeout(180_000);
  const name = uniqueName('stk')
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '');
  try {
    await page.goto('/endpoints/local/stacks');
    await expect(page.getByRole('heading', { level: 1, name: 'Stacks' })).toBeVisible();
    await page.getByRole('link', { name: 'Create stack' }).click();
    await page.getByLabel('Stack name').fill(name);

    // A schema error is shown inline, at its line, before anything is deployed.
    await replaceEditorText(
      page,
      'Compose file',
      `services:\n  web:\n    image: ${IMAGE}\n    imagee: typo\n`,
    );
    await expect(page.getByRole('list', { name: 'Problems' })).toContainText(
      'Line 4: services.web: unknown key "imagee"',
    );
    await expect(page.getByRole('button', { name: 'Deploy' })).toBeDisabled();

    await replaceEditorText(page, 'Compose file', composeFile('hello'));
    await expect(page.getByText('The file is valid.')).toBeVisible();
    await page.getByRole('button', { name: 'Deploy' }).click();

    const progress = page.getByRole('dialog', { name: `Deploying ${name}` });
    const steps = progress.getByRole('list', { name: 'Deploy steps' });
    await expect(steps.locator(`[data-step="network:${name}_default"]`)).toBeVisible();
    await expect(steps.locator('[data-step="wait:db (healthy)"]')).toHaveAttribute(
      'data-status',
      'done',
      { timeout: 60_000 },
    );
    await expect(steps.locator(`[data-step="container:${name}-web-1"]`)).toHaveAttribute(
      'data-status',
      'done',
      { timeout: 60_000 },
    );
    await expect(progress.getByText('Version 1 is running.')).toBeVisible();
    await progress.getByRole('button', { name: 'Open stack' }).click();

    // The stack page shows it running, live.
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.locator('[data-status="running"]').first()).toBeVisible();
    await expect(page.getByRole('table', { name: 'Containers' })).toContainText(`${name}-web-1`);
    expect((await stackContainers(name)).filter((c) => c.State === 'running')).toHaveLength(2);
    const webBefore = (await stackContainers(name)).find(
      (c) => c.Labels['com.docker.compose.service'] === 'web',
    )?.Id;

    // Edit: the diff shows the changed line and that only web is recreated.
    await page.getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Edit ${name}` })).toBeVisible();
    await replaceEditorText(page, 'Compose file', composeFile('changed'));
    await expect(page.getByText('The file is valid.')).toBeVisible();
    await page.getByRole('button', { name: 'Review and redeploy' }).click();
    const diff = page.getByRole('dialog', { name: 'Redeploy with these changes?' });
    await expect(diff.locator('[data-diff="removed"]')).toContainText('GREETING: hello');
    await expect(diff.locator('[data-diff="added"]')).toContainText('GREETING: changed');
    await expect(diff.locator('[data-service="web"]')).toHaveAttribute('data-action', 'recreate');
    await expect(diff.locator('[data-service="db"]')).toHaveAttribute('data-action', 'unchanged');
    await diff.getByRole('button', { name: 'Redeploy' }).click();
    const redeploy = page.getByRole('dialog', { name: `Redeploying ${name}` });
    await expect(redeploy.getByText('Version 2 is running.')).toBeVisible({ timeout: 60_000 });
    await redeploy.getByRole('button', { name: 'Open stack' }).click();
    const webAfter = (await stackContainers(name)).find(
      (c) => c.Labels['com.docker.compose.service'] === 'web',
    )?.Id;
    expect(webAfter).not.toBe(webBefore);

    // The merged logs of the stack's containers show what the new web printed.
    await page.getByRole('link', { name: 'Logs' }).click();
    await expect(page.getByText('greeting-is-changed')).toBeVisible({ timeout: 30_000 });
    await page.goBack();

    // History has both versions; rolling back to the first deploys it again as version 3.
    const versions = page.getByRole('list', { name: 'Versions' });
    await expect(versions.getByRole('listitem')).toHaveCount(2);
    await versions.getByRole('button', { name: 'Roll back to 1' }).click();
    await expect(
      page.getByRole('dialog', { name: `Deploying ${name}` }).getByText('Version 3 is running.'),
    ).toBeVisible({ timeout: 60_000 });
    await page
      .getByRole('dialog', { name: `Deploying ${name}` })
      .getByRole('button', { name: 'Done' })
      .click();
    await expect(versions.getByRole('listitem')).toHaveCount(3);
    const rolledBack = (await stackContainers(name)).find(
      (c) => c.Labels['com.docker.compose.service'] === 'web',
    );
    const env = await engineRequest<{ Config: { Env: string[] } }>(
      'GET',
      `/containers/${rolledBack?.Id ?? 'none'}/json`,
    );
    expect(env.body.Config.Env).toContain('GREETING=hello');

    // Remove asks first and then leaves nothing behind.
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: `Remove stack ${name}?` });
    await confirm.getByLabel('Also delete the stored file and its history').check();
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Stacks' })).toBeVisible();
    await expect(page.locator(`[data-stack="${name}"]`)).toHaveCount(0);
    expect(await stackContainers(name)).toEqual([]);
    expect((await engineRequest('GET', `/networks/${name}_default`)).status).toBe(404);
  } finally {
    for (const c of await stackContainers(name))
      await engineRequest('DELETE', `/containers/${c.Id}?force=1`);
    await engineRequest('DELETE', `/networks/${name}_default`);
  }
});
