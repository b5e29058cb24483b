import { engineRequest, inspectContainer, uniqueName } from '../support/engine';
import { expect, test } from '../support/fixtures';

test('network create, connect, disconnect and remove; the engine agrees', async ({
  page,
  containers,
}) => {
  const { id, name } = await containers.create('netc', { start: true });
  const network = uniqueName('net');
  try {
    await page.goto('/endpoints/local/networks');
    await page.getByRole('button', { name: 'Create network' }).click();
    const create = page.getByRole('dialog', { name: 'Create network' });
    await create.getByLabel('Name', { exact: true }).fill(network);
    await create.getByRole('button', { name: 'Add subnet' }).click();
    await create.getByLabel('Subnet 1', { exact: true }).fill('172.31.77.0/24');
    await create.getByLabel('Attachable').check();
    await create.getByRole('button', { name: 'Create', exact: true }).click();

    await expect(page.getByRole('heading', { level: 1, name: network })).toBeVisible();
    const made = await engineRequest<{ IPAM: { Config: Array<{ Subnet: string }> } }>(
      'GET',
      `/networks/${network}`,
    );
    expect(made.body.IPAM.Config[0]?.Subnet).toBe('172.31.77.0/24');

    await page.getByRole('button', { name: 'Connect container' }).click();
    const connect = page.getByRole('dialog', { name: `Connect a container to ${network}` });
    await connect.getByLabel('Container').selectOption({ value: id });
    await connect.getByLabel('Aliases').fill('alias-one');
    await connect.getByLabel('IPv4 address').fill('172.31.77.50');
    await connect.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Connected containers' })).toContainText(name);
    const joined = (await inspectContainer(id))?.NetworkSettings.Networks?.[network] as
      { IPAddress?: string; Aliases?: string[] } | undefined;
    expect(joined?.IPAddress).toBe('172.31.77.50');
    expect(joined?.Aliases).toContain('alias-one');

    await page.getByRole('button', { name: `Disconnect ${name}` }).click();
    await expect(page.getByText('No containers on this network')).toBeVisible();
    expect((await inspectContainer(id))?.NetworkSettings.Networks?.[network]).toBeUndefined();

    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await page
      .getByRole('alertdialog', { name: `Remove ${network}?` })
      .getByRole('button', { name: 'Remove', exact: true })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Networks' })).toBeVisible();
    expect((await engineRequest('GET', `/networks/${network}`)).status).toBe(404);
  } finally {
    await engineRequest('DELETE', `/networks/${network}`);
  }
});

test('the engine refuses an overlapping subnet, and the dialog says why', async ({ page }) => {
  const first = uniqueName('net-a');
  await engineRequest('POST', '/networks/create', {
    Name: first,
    IPAM: { Config: [{ Subnet: '172.31.88.0/24' }] },
  });
  try {
    await page.goto('/endpoints/local/networks');
    await page.getByRole('button', { name: 'Create network' }).click();
    const create = page.getByRole('dialog', { name: 'Create network' });
    await create.getByLabel('Name', { exact: true }).fill(uniqueName('net-b'));
    await create.getByRole('button', { name: 'Add subnet' }).click();
    await create.getByLabel('Subnet 1', { exact: true }).fill('172.31.88.0/24');
    await create.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(create.getByRole('alert')).toContainText(/overlap/i);
  } finally {
    await engineRequest('DELETE', `/networks/${first}`);
  }
});
