import type { EndpointSummary } from '@berth/api';
import type { APIRequestContext, Page } from '@playwright/test';
import { ADMIN_STATE, BASE_URL, CSRF_HEADERS } from '../support/auth';
import { IMAGE, uniqueName } from '../support/engine';
import { expect, test } from '../support/fixtures';

// Berth on the harness's real five-node swarm (3 managers, 2 workers, one dockerd each in a
// network namespace of its own): what a team running a cluster does on the nodes page and sees
// in the cluster view. The endpoint knows every manager's address, as a team would set it up.

interface ClusterNode {
  name: string;
  host: string;
  role: 'manager' | 'worker';
}
const CLUSTER = JSON.parse(process.env.BERTH_E2E_CLUSTER ?? '[]') as ClusterNode[];

test.skip(CLUSTER.length === 0, 'needs the harness’s five-node swarm (BERTH_E2E_CLUSTER)');
test.describe.configure({ mode: 'serial' });

const [leader, ...others] = CLUSTER;
const managers = CLUSTER.filter((n) => n.role === 'manager');
const workers = CLUSTER.filter((n) => n.role === 'worker');

let api: APIRequestContext;
let endpoint: EndpointSummary;
const services: string[] = [];

const relay = (path: string) => `/api/endpoints/${endpoint.id}/docker${path}`;

test.beforeAll(async ({ playwright }) => {
  api = await playwright.request.newContext({
    baseURL: BASE_URL,
    storageState: ADMIN_STATE,
    extraHTTPHeaders: CSRF_HEADERS,
  });
  const added = await api.post('/api/endpoints', {
    data: {
      name: uniqueName('cluster'),
      url: leader!.host,
      alternates: others.filter((n) => n.role === 'manager').map((n) => n.host),
    },
  });
  expect(added.status(), await added.text()).toBe(201);
  endpoint = (await added.json()) as EndpointSummary;
});

test.afterAll(async () => {
  for (const id of services) await api.delete(relay(`/services/${id}`));
  await api.delete(`/api/endpoints/${endpoint.id}`);
  await api.dispose();
});

/** A node's id, as the swarm names it (its hostname is the harness's node name). */
async function nodeId(name: string): Promise<string> {
  const list = (await (await api.get(relay('/nodes'))).json()) as Array<{
    ID: string;
    Description: { Hostname: string };
  }>;
  const found = list.find((n) => n.Description.Hostname === name);
  if (!found) throw new Error(`no node ${name} in the swarm`);
  return found.ID;
}

async function createService(name: string, replicas: number): Promise<void> {
  const created = await api.post(relay('/services/create'), {
    data: {
      Name: name,
      TaskTemplate: {
        ContainerSpec: { Image: IMAGE, Command: ['sleep', '3600'], StopGracePeriod: 1e9 },
        RestartPolicy: { Condition: 'any', Delay: 1e9 },
      },
      Mode: { Replicated: { Replicas: replicas } },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  services.push(((await created.json()) as { ID: string }).ID);
}

/** Opens a node's edit dialog from the nodes page. */
async function editNode(page: Page, name: string) {
  await page.goto(`/endpoints/${endpoint.id}/swarm/nodes`);
  await page.getByRole('button', { name: `Edit ${name}` }).click();
  return page.getByRole('dialog', { name: `Edit ${name}` });
}

const column = (page: Page, name: string) => page.getByRole('region', { name: `Node ${name}` });
const cards = (page: Page, service: string) =>
  page
    .getByRole('region', { name: /^Node / })
    .getByRole('listitem')
    .filter({ hasText: service });

test('the nodes page shows the five nodes with their roles, the leader and manager reachability', async ({
  page,
}) => {
  await page.goto(`/endpoints/${endpoint.id}/swarm/nodes`);
  const table = page.getByRole('table', { name: 'Nodes' });
  for (const node of CLUSTER) {
    const row = table.getByRole('row').filter({ hasText: node.name });
    await expect(row).toContainText(node === leader ? 'manager (leader)' : node.role);
    await expect(row).toContainText('ready');
    await expect(row).toContainText(/\d+(\.\d+)? CPU/);
  }
  // the endpoint knows the other managers to fail over to
  await page.goto('/admin/endpoints');
  await expect(page.getByRole('row').filter({ hasText: endpoint.name })).toContainText(
    `+ ${managers.length - 1} other managers`,
  );
  await page.goto(`/endpoints/${endpoint.id}/swarm/nodes`);
  // every manager, the leader too, is reachable; workers have no manager status
  await expect(table.getByRole('row').filter({ hasText: 'reachable' })).toHaveCount(
    managers.length,
  );
});

test('draining a worker in the UI moves its tasks to the other nodes in the cluster view', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const spread = uniqueName('spread');
  await createService(spread, 5);
  await page.goto(`/endpoints/${endpoint.id}/swarm/cluster`);
  await expect(cards(page, spread).filter({ hasText: 'running' })).toHaveCount(5, {
    timeout: 60_000,
  });
  const victim = workers[0]!;
  // the swarm spreads replicas: one of the five lands on each node, so the victim holds one
  await expect(
    column(page, victim.name).getByRole('listitem').filter({ hasText: spread }),
  ).not.toHaveCount(0);

  const dialog = await editNode(page, victim.name);
  await dialog.getByLabel('Availability').selectOption('drain');
  await dialog.getByRole('button', { name: 'Save node' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('table', { name: 'Nodes' }).getByRole('row').filter({ hasText: victim.name }),
  ).toContainText('drain');

  await page
    .getByRole('navigation', { name: 'Swarm', exact: true })
    .getByRole('link', { name: 'Cluster' })
    .click();
  await expect(column(page, victim.name)).toContainText('drain');
  await expect(
    column(page, victim.name).getByRole('listitem').filter({ hasText: spread }),
  ).toHaveCount(0, {
    timeout: 60_000,
  });
  await expect(cards(page, spread).filter({ hasText: 'running' })).toHaveCount(5, {
    timeout: 60_000,
  });

  // and back to active: it takes new tasks again
  const again = await editNode(page, victim.name);
  await again.getByLabel('Availability').selectOption('active');
  await again.getByRole('button', { name: 'Save node' }).click();
  await expect(again).toBeHidden();
});

test('promoting a worker in the UI makes it a reachable manager', async ({ page }) => {
  test.setTimeout(90_000);
  const worker = workers[1]!;
  const dialog = await editNode(page, worker.name);
  await dialog.getByLabel('Role').selectOption('manager');
  await dialog.getByRole('button', { name: 'Save node' }).click();
  await expect(dialog).toBeHidden();
  const row = page
    .getByRole('table', { name: 'Nodes' })
    .getByRole('row')
    .filter({ hasText: worker.name });
  await expect(row).toContainText('manager', { timeout: 30_000 });
  await expect(row).toContainText('reachable', { timeout: 60_000 });

  // demoted again, so the swarm keeps the shape the other specs expect
  const back = await editNode(page, worker.name);
  await back.getByLabel('Role').selectOption('worker');
  await back.getByRole('button', { name: 'Save node' }).click();
  await expect(back).toBeHidden();
  await expect(row).toContainText('worker', { timeout: 30_000 });
});

test('a service with a constraint on a node label runs only on the labelled node', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const target = managers[managers.length - 1]!;
  const label = await editNode(page, target.name);
  await label.getByLabel('Labels').fill('zone=blue');
  await label.getByRole('button', { name: 'Save node' }).click();
  await expect(label).toBeHidden();
  await expect(
    page.getByRole('table', { name: 'Nodes' }).getByRole('row').filter({ hasText: target.name }),
  ).toContainText('zone=blue');

  const pinned = uniqueName('pinned');
  await page.goto(`/endpoints/${endpoint.id}/swarm/services/new`);
  const form = page.getByRole('form', { name: 'Create service' });
  await form.getByLabel('Name', { exact: true }).fill(pinned);
  await form.getByLabel('Image', { exact: true }).fill(IMAGE);
  await form.getByLabel('Command', { exact: true }).fill('sleep 3600');
  await form.getByLabel('Replicas', { exact: true }).fill('3');
  await form.getByLabel('Placement constraints', { exact: true }).fill('node.labels.zone==blue');
  // the image is on every node but in no registry: nothing to pin a digest from
  await form.getByLabel('Resolve the image to a digest in its registry').uncheck();
  await expect(page.getByLabel('Service spec preview')).toContainText('node.labels.zone==blue');
  await form.getByRole('button', { name: 'Create service' }).click();
  await expect(page.getByRole('heading', { name: pinned })).toBeVisible();
  await expect(page.getByLabel('Replicas running')).toHaveText('3/3 running', { timeout: 60_000 });
  const serviceId = page.url().split('/services/')[1]?.split(/[/?#]/)[0];
  if (serviceId) services.push(serviceId);

  await page.goto(`/endpoints/${endpoint.id}/swarm/cluster`);
  await expect(cards(page, pinned)).toHaveCount(3);
  await expect(
    column(page, target.name).getByRole('listitem').filter({ hasText: pinned }),
  ).toHaveCount(3);
  expect(await nodeId(target.name)).toBeTruthy();
});
