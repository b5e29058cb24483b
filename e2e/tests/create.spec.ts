import {
  engineRequest,
  IMAGE,
  inspectContainer,
  removeContainer,
  uniqueName,
} from '../support/engine';
import { expect, test } from '../support/fixtures';

test('create a container from the form; the engine has what was asked', async ({ page }) => {
  const name = uniqueName('form');
  const network = uniqueName('formnet');
  const volume = uniqueName('formvol');
  await engineRequest('POST', '/networks/create', { Name: network });
  try {
    await page.goto('/endpoints/local/containers');
    await page.getByRole('link', { name: 'Create container' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Create container' })).toBeVisible();

    await page.getByLabel('Image', { exact: true }).fill(IMAGE);
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('textbox', { name: 'Command', exact: true }).fill(`sh -c "sleep 1000"`);

    await page.getByRole('button', { name: 'Add environment variable' }).click();
    await page.getByLabel('Variable 1 name').fill('GREETING');
    await page.getByLabel('Variable 1 value').fill('hello world');

    await page.getByRole('button', { name: 'Add port' }).click();
    await page.getByLabel('Container port 1').fill('8080');
    await page.getByLabel('Host IP 1').fill('127.0.0.1');

    await page.getByRole('button', { name: 'Add mount' }).click();
    await page.getByLabel('Mount 1 source').fill(volume);
    await page.getByLabel('Mount 1 target').fill('/data');
    await page.getByRole('button', { name: 'Add mount' }).click();
    await page.getByLabel('Mount 2 type').selectOption('tmpfs');
    await page.getByLabel('Mount 2 size').fill('16m');
    await page.getByLabel('Mount 2 target').fill('/scratch');

    await page.getByRole('button', { name: 'Add network' }).click();
    await page.getByLabel('Network 1', { exact: true }).fill(network);
    await page.getByLabel('Network 1 aliases').fill('webby');

    await page.getByText('Request preview').click();
    await expect(page.getByLabel('Request preview')).toContainText('"GREETING=hello world"');

    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 20_000 });

    const inspect = await inspectContainer(name);
    expect(inspect?.State.Running).toBe(true);
    expect(inspect?.Config.Env).toContain('GREETING=hello world');
    expect(inspect?.Config.Cmd).toEqual(['sh', '-c', 'sleep 1000']);
    expect(inspect?.HostConfig.PortBindings?.['8080/tcp']?.[0]?.HostIp).toBe('127.0.0.1');
    expect(inspect?.HostConfig.Mounts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Type: 'volume', Source: volume, Target: '/data' }),
        expect.objectContaining({ Type: 'tmpfs', Target: '/scratch' }),
      ]),
    );
    const endpoint = inspect?.NetworkSettings.Networks?.[network] as
      { Aliases?: string[] } | undefined;
    expect(endpoint?.Aliases).toContain('webby');
  } finally {
    await removeContainer(name);
    await engineRequest('DELETE', `/volumes/${volume}`);
    await engineRequest('DELETE', `/networks/${network}`);
  }
});

test('the engine refusal shows in the form: an image that does not exist', async ({ page }) => {
  await page.goto('/endpoints/local/containers/new');
  await page.getByLabel('Image', { exact: true }).fill('berth/no-such-image-here:none');
  await page.getByLabel('Pull the image if it is missing').uncheck();
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(/No such image/i);
});

test('inline validation names the field', async ({ page }) => {
  await page.goto('/endpoints/local/containers/new');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByText('Choose an image.')).toBeVisible();
  await expect(page.getByLabel('Image', { exact: true })).toHaveAttribute('aria-invalid', 'true');
});

test('recreate a container from its page with an edited env; the old one is replaced', async ({
  page,
  containers,
}) => {
  const { id, name } = await containers.create('recreate', { start: true });
  await page.goto(`/endpoints/local/containers/${id}`);
  await page.getByRole('link', { name: 'Duplicate/Edit' }).click();
  await page.getByRole('radio', { name: /Recreate/ }).check();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
  await page.getByRole('button', { name: 'Add environment variable' }).click();
  await page.getByLabel('Variable 1 name').fill('EDITED');
  await page.getByLabel('Variable 1 value').fill('yes');
  await page.getByRole('button', { name: 'Recreate', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible({
    timeout: 20_000,
  });
  const now = await inspectContainer(name);
  expect(now?.Id).not.toBe(id);
  expect(now?.State.Running).toBe(true);
  expect(now?.Config.Env).toContain('EDITED=yes');
  expect(await inspectContainer(id)).toBeNull();
});

test('Duplicate/Edit → Recreate of a container with unusual settings: inspect is the same after', async ({
  page,
}) => {
  const name = uniqueName('odd');
  const volume = uniqueName('oddvol');
  const created = await engineRequest<{ Id: string }>('POST', `/containers/create?name=${name}`, {
    Image: IMAGE,
    Cmd: ['sh', '-c', "trap 'exit 0' TERM USR1; while true; do sleep 1; done"],
    Hostname: 'odd-host',
    Domainname: 'example.internal',
    WorkingDir: '/tmp',
    Env: ['ODD=1'],
    Labels: { 'berth.e2e': '1', odd: 'yes' },
    ExposedPorts: { '9000/tcp': {} },
    StopSignal: 'SIGUSR1',
    StopTimeout: 7,
    AttachStdout: true,
    AttachStderr: true,
    Healthcheck: { Test: ['CMD-SHELL', 'true'], Interval: 5e9, Retries: 2 },
    HostConfig: {
      Binds: [`${volume}:/data:ro`],
      Tmpfs: { '/run': 'rw,noexec,nosuid,size=8m' },
      ReadonlyRootfs: true,
      ShmSize: 32 * 1024 ** 2,
      SecurityOpt: ['no-new-privileges'],
      Sysctls: { 'net.ipv4.ip_unprivileged_port_start': '0' },
      OomScoreAdj: 100,
      GroupAdd: ['4321'],
      DnsSearch: ['example.internal'],
      DnsOptions: ['ndots:2'],
      ExtraHosts: ['gw.internal:10.0.0.1'],
      CapAdd: ['NET_ADMIN'],
      CapDrop: ['MKNOD'],
      CpuShares: 512,
      Memory: 64 * 1024 ** 2,
      PidsLimit: 50,
      Ulimits: [{ Name: 'nofile', Soft: 1024, Hard: 2048 }],
      Devices: [
        { PathOnHost: '/dev/null', PathInContainer: '/dev/nothing', CgroupPermissions: 'rwm' },
      ],
      IpcMode: 'shareable',
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
      LogConfig: { Type: 'json-file', Config: { 'max-size': '1m' } },
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  try {
    const started = await engineRequest('POST', `/containers/${created.body.Id}/start`);
    expect(started.status, JSON.stringify(started.body)).toBe(204);
    const before = await inspectContainer(name);

    await page.goto(`/endpoints/local/containers/${created.body.Id}`);
    await page.getByRole('link', { name: 'Duplicate/Edit' }).click();
    await page.getByRole('radio', { name: /Recreate/ }).check();
    // The form says what it carries through without a field for it.
    await expect(
      page.getByRole('note').filter({ hasText: 'Kept from the container' }),
    ).toContainText('HostConfig.ReadonlyRootfs');
    await page.getByRole('button', { name: 'Recreate', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible({
      timeout: 20_000,
    });

    const after = await inspectContainer(name);
    expect(after?.Id).not.toBe(before?.Id);
    expect(after?.State.Running).toBe(true);
    expect(after?.Config).toEqual(before?.Config);
    expect(after?.HostConfig).toEqual(before?.HostConfig);
  } finally {
    await removeContainer(name);
    await engineRequest('DELETE', `/volumes/${volume}`);
  }
});
