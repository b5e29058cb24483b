import { BASE_URL } from '../support/auth';
import { engineRequest, IMAGE, uniqueName } from '../support/engine';
import { expect, test } from '../support/fixtures';

// A swarm port of this run's own (beside the gateway's and swarm.swarm.ts's), so checkouts
// testing at once don't meet.
const SWARM_PORT = Number(new URL(BASE_URL).port || 7431) + 31;

async function leaveSwarm() {
  await engineRequest('POST', '/swarm/leave?force=1');
}

test.beforeAll(leaveSwarm);
test.afterAll(leaveSwarm);

test('a person deploys a compose file as a swarm stack, sees its services and removes it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const init = await engineRequest('POST', '/swarm/init', {
    ListenAddr: `127.0.0.1:${SWARM_PORT}`,
    AdvertiseAddr: `127.0.0.1:${SWARM_PORT}`,
  });
  expect(init.status).toBe(200);
  const name = uniqueName('swstk')
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '');

  await page.goto('/endpoints/local/stacks');
  await page.getByRole('link', { name: 'Create stack' }).click();
  await page.getByLabel('Stack name').fill(name);
  await page.getByLabel('Deploy as').selectOption('swarm');
  const editor = page.getByRole('textbox', { name: 'Compose file' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(
    [
      'services:',
      '  web:',
      `    image: ${IMAGE}`,
      '    command: ["sleep", "3600"]',
      '    deploy:',
      '      replicas: 2',
      '',
    ].join('\n'),
  );
  await expect(page.getByText('The file is valid.')).toBeVisible();
  await page.getByRole('button', { name: 'Deploy' }).click();

  const progress = page.getByRole('dialog', { name: `Deploying ${name}` });
  const steps = progress.getByRole('list', { name: 'Deploy steps' });
  await expect(steps.locator(`[data-step="network:${name}_default"]`)).toHaveAttribute(
    'data-status',
    'done',
  );
  await expect(steps.locator(`[data-step="service:${name}_web"]`)).toContainText(
    `Swarm service ${name}_web`,
  );
  await expect(progress.getByText('Version 1 is running.')).toBeVisible({ timeout: 60_000 });
  await progress.getByRole('button', { name: 'Open stack' }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  // Swarm has no stop or start of a stack: only what swarm can do is offered.
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Containers' })).toHaveCount(0);
  await expect(
    page.getByRole('list', { name: 'Services' }).locator('[data-service="web"]'),
  ).toContainText('/2 running');
  const service = await engineRequest<{ Spec: { Mode: { Replicated: { Replicas: number } } } }>(
    'GET',
    `/services/${name}_web`,
  );
  expect(service.body.Spec.Mode.Replicated.Replicas).toBe(2);

  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  const confirm = page.getByRole('alertdialog', { name: `Remove stack ${name}?` });
  await confirm.getByLabel('Also delete the stored file and its history').check();
  await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
  // docker stack rm semantics: the tasks stop (sleep takes its 10 s grace), then the network goes.
  await expect(page.getByRole('heading', { level: 1, name: 'Stacks' })).toBeVisible({
    timeout: 90_000,
  });
  await expect(page.locator(`[data-stack="${name}"]`)).toHaveCount(0);
  expect((await engineRequest('GET', `/services/${name}_web`)).status).toBe(404);
});
