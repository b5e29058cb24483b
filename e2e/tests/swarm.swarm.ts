import type { Page } from '@playwright/test';
import { BASE_URL } from '../support/auth';
import { engineCall } from '../support/engine-calls';
import { engineRequest, uniqueName } from '../support/engine';
import { expect, test } from '../support/fixtures';

// One flow, in order: the swarm is this engine's state, shared by every step.
test.describe.configure({ mode: 'serial' });

// A swarm port of this run's own (beside the gateway's), so checkouts testing at once don't meet.
const SWARM_PORT = Number(new URL(BASE_URL).port || 7431) + 30;

async function leaveSwarm() {
  await engineRequest('POST', '/swarm/leave?force=1');
}

test.beforeAll(leaveSwarm);
test.afterAll(leaveSwarm);

test('initialise a swarm; a secret, a config and a service using them from the form; scale it, see its tasks and logs; leave', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const service = uniqueName('svc');

  await page.goto('/endpoints/local/swarm');
  const init = page.getByRole('form', { name: 'Initialise a swarm' });
  await init.getByLabel('Advertise address').fill('127.0.0.1');
  await init.getByLabel('Listen address').fill(`127.0.0.1:${SWARM_PORT}`);
  await init.getByRole('button', { name: 'Initialise swarm' }).click();
  await expect(page.getByRole('heading', { name: 'Join tokens' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByLabel('worker join token')).toContainText('SWMTKN-');

  // the sidebar now has the swarm's section
  const swarmNav = page.getByRole('navigation', { name: 'Swarm', exact: true });

  // a secret and a config from typed text; the config's content can be read back, the secret's not
  const secret = uniqueName('secret');
  const config = uniqueName('config');
  await swarmNav.getByRole('link', { name: 'Secrets' }).click();
  await page.getByRole('button', { name: 'Create secret' }).click();
  const newSecret = page.getByRole('dialog', { name: 'Create secret' });
  await newSecret.getByLabel('Name', { exact: true }).fill(secret);
  await newSecret.getByLabel('Content').fill('s3cret');
  await newSecret.getByRole('button', { name: 'Create secret' }).click();
  await expect(page.getByRole('row').filter({ hasText: secret })).toContainText('unused');
  await swarmNav.getByRole('link', { name: 'Configs' }).click();
  await page.getByRole('button', { name: 'Create config' }).click();
  const newConfig = page.getByRole('dialog', { name: 'Create config' });
  await newConfig.getByLabel('Name', { exact: true }).fill(config);
  await newConfig.getByLabel('Content').fill('greeting=hi');
  await newConfig.getByRole('button', { name: 'Create config' }).click();
  // Inspect asks the engine for the object itself (ConfigInspect), not the list entry
  const configInspect = engineCall(page, 'GET', /\/configs\/[a-z0-9]+$/);
  await page.getByRole('button', { name: `Inspect ${config}` }).click();
  expect((await configInspect).status()).toBe(200);
  await expect(page.getByLabel('Config content')).toHaveText('greeting=hi');
  await expect(page.getByLabel(`Inspect of ${config}`)).toContainText('"Version"');
  await page.getByRole('button', { name: 'Close' }).first().click();

  await swarmNav.getByRole('link', { name: 'Services' }).click();
  await expect(page.getByText('No services')).toBeVisible();
  await page.getByRole('link', { name: 'Create service' }).click();

  const form = page.getByRole('form', { name: 'Create service' });
  await form.getByRole('button', { name: 'Create service' }).click();
  await expect(form.getByLabel('Image', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('An image is required')).toBeVisible();
  await form.getByLabel('Name', { exact: true }).fill(service);
  await form.getByLabel('Image', { exact: true }).fill('berth/busybox:latest');
  await form
    .getByLabel('Command', { exact: true })
    .fill(
      "sh -c 'echo ready-$(cat /run/secrets/db-password)-$(cat /etc/app.conf); exec sleep 3600'",
    );
  await form.getByLabel('Environment', { exact: true }).fill('STAGE=e2e');
  await form.getByRole('button', { name: 'Add secret' }).click();
  await form.getByLabel('Secret 1', { exact: true }).selectOption({ label: secret });
  await form.getByLabel('Secret 1 target').fill('db-password');
  await form.getByRole('button', { name: 'Add config' }).click();
  await form.getByLabel('Config 1', { exact: true }).selectOption({ label: config });
  await form.getByLabel('Config 1 target').fill('/etc/app.conf');
  await expect(page.getByLabel('Service spec preview')).toContainText('STAGE=e2e');
  await form.getByRole('button', { name: 'Create service' }).click();
  // a local image has no registry to pin its digest from: created anyway, and said so
  await expect(form.getByRole('note').filter({ hasText: 'Created, with a warning' })).toContainText(
    'could not be resolved in its registry',
  );
  await form.getByRole('button', { name: 'Open the service' }).click();

  await expect(page.getByRole('heading', { name: service })).toBeVisible();
  await expect(page.getByLabel('Replicas running')).toHaveText('1/1 running', { timeout: 60_000 });

  await page.getByRole('button', { name: `Scale ${service} up` }).click();
  await expect(page.getByRole('button', { name: `Scale ${service} up` })).toBeEnabled();
  await page.getByRole('button', { name: `Scale ${service} up` }).click();
  await expect(page.getByLabel('Replicas running')).toHaveText('3/3 running', { timeout: 60_000 });

  await page.getByRole('tab', { name: /Tasks/ }).click();
  const tasks = page.getByRole('table', { name: 'Tasks' });
  await expect(tasks.getByRole('row').filter({ hasText: 'running' })).toHaveCount(3);
  // each task's container is on this node: its console is one click away
  await expect(tasks.getByRole('link', { name: /Console of task/ })).toHaveCount(3);
  // TaskInspect: the task as the engine has it now, with its container status
  const taskInspect = engineCall(page, 'GET', /\/tasks\/[a-z0-9]+$/);
  await tasks
    .getByRole('button', { name: /^Inspect task / })
    .first()
    .click();
  expect((await taskInspect).status()).toBe(200);
  await expect(page.getByLabel(/^Inspect of task /)).toContainText('"ContainerStatus"');
  await page.getByRole('button', { name: 'Close' }).first().click();

  const inspected = await engineRequest<Array<{ Spec: { Mode: object } }>>(
    'GET',
    `/services?filters=${encodeURIComponent(JSON.stringify({ name: [service] }))}`,
  );
  expect(inspected.body[0]?.Spec.Mode).toEqual({ Replicated: { Replicas: 3 } });

  await page.getByRole('tab', { name: 'Logs' }).click();
  await expect(page.getByText('ready-s3cret-greeting=hi').first()).toBeVisible({
    timeout: 30_000,
  });

  // the secret now says which service uses it
  await swarmNav.getByRole('link', { name: 'Secrets' }).click();
  await expect(page.getByRole('row').filter({ hasText: secret })).toContainText(service);
  const secretInspect = engineCall(page, 'GET', /\/secrets\/[a-z0-9]+$/);
  await page.getByRole('button', { name: `Inspect ${secret}` }).click();
  expect((await secretInspect).status()).toBe(200);
  await expect(page.getByLabel(`Inspect of ${secret}`)).toContainText(`"Name": "${secret}"`);
  await page.getByRole('button', { name: 'Close' }).first().click();

  // NodeInspect: the node's full description (resources, engine) from the engine
  await swarmNav.getByRole('link', { name: 'Nodes' }).click();
  const nodeInspect = engineCall(page, 'GET', /\/nodes\/[a-z0-9]+$/);
  await page
    .getByRole('button', { name: /^Inspect / })
    .first()
    .click();
  expect((await nodeInspect).status()).toBe(200);
  await expect(page.getByLabel(/^Inspect of node /)).toContainText('"NanoCPUs"');
  await page.getByRole('button', { name: 'Close' }).first().click();

  // the cluster view shows this node's column with the three tasks
  await swarmNav.getByRole('link', { name: 'Cluster' }).click();
  const column = page.getByRole('region', { name: /^Node / });
  await expect(column.getByRole('listitem').filter({ hasText: service })).toHaveCount(3);

  // leave through the UI: the last manager is warned and needs force
  await swarmNav.getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('button', { name: 'Leave swarm' }).click();
  const leave = page.getByRole('alertdialog', { name: 'Leave the swarm?' });
  await expect(leave).toContainText('This is the last manager');
  await leave.getByRole('button', { name: 'Leave', exact: true }).click();
  await expect(leave.getByRole('alert')).toContainText(/force/i);
  await leave.getByLabel('Force').check();
  await leave.getByRole('button', { name: 'Leave', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Initialise a swarm' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('navigation', { name: 'Swarm', exact: true })).toHaveCount(0);
});

/** Engine list calls the page makes through the relay, by list (`services`, `nodes`, …). */
function countListCalls(page: Page, lists: readonly string[]): Record<string, number> {
  const counts = Object.fromEntries(lists.map((list) => [list, 0]));
  page.on('request', (request) => {
    const match = /\/api\/endpoints\/[^/]+\/docker(?:\/v\d+\.\d+)?\/([a-z]+(?:\/json)?)$/.exec(
      new URL(request.url()).pathname,
    );
    const list = match?.[1];
    if (list !== undefined && list in counts) counts[list] = (counts[list] ?? 0) + 1;
  });
  return counts;
}

test('fleet: a container started outside Berth shows in the local card’s counts, no containers list call', async ({
  page,
  containers,
}) => {
  const calls = countListCalls(page, ['containers/json']);
  await page.goto('/');
  const card = page
    .getByRole('article')
    .filter({ has: page.locator('a[href="/endpoints/local/dashboard"]') });
  const running = card
    .getByRole('list', { name: 'Containers' })
    .getByRole('listitem')
    .filter({ hasText: 'running' })
    .locator('span')
    .first();
  await expect(running).toHaveText(/^\d+$/);
  await expect(page.locator('[data-live="up"]').first()).toBeAttached();
  const before = Number(await running.textContent());
  await containers.create('fleet-live', { start: true });
  await expect(running).toHaveText(String(before + 1), { timeout: 10_000 });
  // The cards and the fleet search paint from each endpoint's live model.
  expect(calls['containers/json']).toBe(0);
});

test('services and nodes lists follow a scale and a node label made through the relay, no list call', async ({
  page,
  adminApi,
}) => {
  test.setTimeout(120_000);
  const relay = '/api/endpoints/local/docker';
  const init = await engineRequest('POST', '/swarm/init', {
    ListenAddr: `127.0.0.1:${SWARM_PORT + 1}`,
    AdvertiseAddr: '127.0.0.1',
  });
  expect(init.status).toBe(200);
  const name = uniqueName('scaled');
  const created = await engineRequest<{ ID: string }>('POST', '/services/create', {
    Name: name,
    TaskTemplate: { ContainerSpec: { Image: 'berth/busybox:latest', Command: ['sleep', '3600'] } },
    Mode: { Replicated: { Replicas: 1 } },
  });
  expect(created.status).toBe(201);
  const id = created.body.ID;

  const calls = countListCalls(page, ['services', 'nodes']);
  await page.goto('/endpoints/local/swarm/services');
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByLabel('1 of 1 running')).toBeVisible({ timeout: 60_000 });
  const firstLoad = { ...calls };

  // Scaled by another client of Berth's API (as the docker CLI pointed at Berth would).
  const current = (await (await adminApi.get(`${relay}/services/${id}`)).json()) as {
    Version: { Index: number };
    Spec: Record<string, unknown>;
  };
  const scaled = await adminApi.post(
    `${relay}/services/${id}/update?version=${current.Version.Index}`,
    { data: { ...current.Spec, Mode: { Replicated: { Replicas: 3 } } } },
  );
  expect(scaled.status()).toBe(200);
  await expect(row.getByLabel('3 of 3 running')).toBeVisible({ timeout: 60_000 });
  expect(calls.services).toBe(firstLoad.services);

  // A node's labels changed the same way show in the open nodes list.
  await page
    .getByRole('navigation', { name: 'Swarm', exact: true })
    .getByRole('link', { name: 'Nodes' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nodes' })).toBeVisible();
  const nodes = (await (await adminApi.get(`${relay}/nodes`)).json()) as Array<{ ID: string }>;
  const node = (await (await adminApi.get(`${relay}/nodes/${nodes[0]?.ID}`)).json()) as {
    ID: string;
    Version: { Index: number };
    Spec: Record<string, unknown>;
  };
  const labelled = await adminApi.post(
    `${relay}/nodes/${node.ID}/update?version=${node.Version.Index}`,
    { data: { ...node.Spec, Labels: { zone: 'harbour' } } },
  );
  expect(labelled.status()).toBe(200);
  await expect(page.getByRole('row').filter({ hasText: 'zone=harbour' })).toBeVisible();
  // Not one services or nodes list call since the first paint (none at all while the model
  // answered from the start).
  expect(calls).toEqual(firstLoad);
  expect(calls).toEqual({ services: 0, nodes: 0 });
  await engineRequest('DELETE', `/services/${id}`);
});
