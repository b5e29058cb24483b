import { defineConfig } from '@playwright/test';
import { ADMIN_STATE, BASE_URL } from './support/auth';

// The harness (npm test) has already started a private engine (DOCKER_HOST), built the SPA and
// started the gateway serving it at BERTH_E2E_URL, with no users yet. Specs never start servers
// themselves. The `setup` project creates the admin on the first-run page (or logs in, when a
// gateway is reused) and saves the session that every other spec starts from.

export default defineConfig({
  testDir: 'tests',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 3,
  forbidOnly: Boolean(process.env.CI),
  // CI shares two cores with a real engine: one retry, and Playwright reports such a test as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Debian's Chromium; Playwright never downloads a browser here.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts$/ },
    {
      name: 'chromium',
      testMatch: /.*\.spec\.ts$/,
      dependencies: ['setup'],
      use: { storageState: ADMIN_STATE },
    },
    // The projects below change what every page sees (extra endpoints, swarm mode), so they run
    // one after the other once the ordinary specs are done.
    // PouchContainer against the pouch replay (BERTH_E2E_POUCH): adds an endpoint.
    {
      name: 'pouch',
      testMatch: /.*\.pouch\.ts$/,
      dependencies: ['chromium'],
      use: { storageState: ADMIN_STATE },
    },
    // Specs that add the harness's second engine as an endpoint: after the others, so endpoint
    // lists elsewhere never change under a running spec.
    {
      name: 'multi-endpoint',
      testMatch: /.*\.multi\.ts$/,
      dependencies: ['pouch'],
      use: { storageState: ADMIN_STATE },
    },
    // Swarm mode changes the engine for every other spec (networks, events, the wall): it runs
    // last, alone, and leaves the swarm again at the end.
    {
      name: 'swarm',
      testMatch: /.*\.swarm\.ts$/,
      dependencies: ['multi-endpoint'],
      use: { storageState: ADMIN_STATE },
    },
    // The harness's five-node swarm (BERTH_E2E_CLUSTER), added as an endpoint of its own.
    {
      name: 'cluster',
      testMatch: /.*\.cluster\.ts$/,
      dependencies: ['swarm'],
      use: { storageState: ADMIN_STATE },
    },
  ],
});
