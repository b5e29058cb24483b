import { engineRequest } from '../support/engine';
import { test } from '../support/fixtures';

test.afterAll(async () => {
  await engineRequest('POST', '/swarm/leave?force=1');
});

test('shots', async ({ page }) => {
  test.setTimeout(240_000);
  const shot = async (name: string) => {
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/tmp/hswarm-shots/${name}-${scheme}.png` });
    }
  };
  await page.goto('/endpoints/local/swarm');
  await page.getByRole('button', { name: 'Initialise swarm' }).waitFor();
  await shot('01-init');
  await engineRequest('POST', '/swarm/init', { ListenAddr: '127.0.0.1:7511', AdvertiseAddr: '127.0.0.1' });
  const secret = await engineRequest<{ ID: string }>('POST', '/secrets/create', { Name: 'db-password', Data: Buffer.from('x').toString('base64') });
  const config = await engineRequest<{ ID: string }>('POST', '/configs/create', { Name: 'app-conf', Data: Buffer.from('greeting=hi\nport=80\n').toString('base64'), Labels: { team: 'web' } });
  await engineRequest('POST', '/services/create', {
    Name: 'web',
    TaskTemplate: {
      ContainerSpec: {
        Image: 'berth/busybox:latest',
        Command: ['sh', '-c', 'while true; do echo tick $(date); sleep 1; done'],
        Secrets: [{ SecretID: secret.body.ID, SecretName: 'db-password', File: { Name: 'db-password', UID: '0', GID: '0', Mode: 292 } }],
        Configs: [{ ConfigID: config.body.ID, ConfigName: 'app-conf', File: { Name: '/app.conf', UID: '0', GID: '0', Mode: 292 } }],
      },
    },
    Mode: { Replicated: { Replicas: 3 } },
  });
  await engineRequest('POST', '/services/create', {
    Name: 'broken',
    TaskTemplate: { ContainerSpec: { Image: 'berth/busybox:latest', Command: ['sh', '-c', 'exit 3'] }, RestartPolicy: { Condition: 'none' } },
    Mode: { Replicated: { Replicas: 1 } },
  });
  await page.waitForTimeout(5000);
  await page.goto('/endpoints/local/swarm');
  await page.getByRole('heading', { name: 'Join tokens' }).waitFor();
  await shot('02-overview');
  await page.goto('/endpoints/local/swarm/nodes');
  await page.getByRole('table').waitFor();
  await shot('03-nodes');
  await page.goto('/endpoints/local/swarm/services');
  await page.getByRole('table').waitFor();
  await shot('04-services');
  await page.goto('/endpoints/local/swarm/services/new');
  await shot('05-create');
  await page.goto('/endpoints/local/swarm/services/web');
  await page.getByRole('heading', { name: 'web' }).waitFor();
  await shot('06-service');
  await page.getByRole('tab', { name: /Tasks/ }).click();
  await page.waitForTimeout(500);
  await shot('07-tasks');
  await page.getByRole('tab', { name: 'Logs' }).click();
  await page.waitForTimeout(2500);
  await shot('08-logs');
  await page.goto('/endpoints/local/swarm/cluster');
  await page.waitForTimeout(1000);
  await shot('09-cluster');
  await page.goto('/endpoints/local/swarm/configs');
  await page.getByRole('table').waitFor();
  await page.getByRole('button', { name: 'Inspect app-conf' }).click();
  await shot('10-config');
  await page.goto('/endpoints/local/swarm/secrets');
  await page.getByRole('table').waitFor();
  await shot('11-secrets');
  await page.goto('/endpoints/local/plugins');
  await page.waitForTimeout(800);
  await shot('12-plugins');
  await page.getByRole('button', { name: 'Install plugin' }).click();
  await shot('13-install');
});
