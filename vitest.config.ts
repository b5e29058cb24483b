import { defineConfig } from 'vitest/config';

// Unit tests live beside the code; gateway integration tests (test/*.test.ts) need a real engine
// named by DOCKER_HOST, which `npm test` starts.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'api', include: ['packages/api/src/**/*.test.ts'], environment: 'node' } },
      {
        test: { name: 'gateway', include: ['apps/gateway/src/**/*.test.ts'], environment: 'node' },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/gateway/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One engine is shared; files run one after another so their containers don't collide.
          fileParallelism: false,
        },
      },
      'apps/web',
    ],
  },
});
