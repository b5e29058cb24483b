import { JsonLines, readDistribution } from '@berth/api';
import type { DistributionInspect } from '@berth/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_PASSWORD, REGISTRY_USER } from '../../../scripts/lib/registry.mjs';
import type { Gateway } from '../src/gateway';
import { bearer, engine, startTestGateway, tokenFor } from './harness';

let gateway: Gateway;
let admin: Record<string, string>;
let viewer: Record<string, string>;
const registry = process.env.BERTH_TEST_REGISTRY;

const relay = (method: string, path: string, headers: Record<string, string>) =>
  fetch(`${gateway.url}/api/endpoints/local/docker${path}`, { method, headers });

beforeAll(async () => {
  gateway = await startTestGateway();
  admin = bearer(tokenFor(gateway, 'admin'));
  viewer = bearer(tokenFor(gateway, 'viewer'));
});

afterAll(async () => {
  await gateway?.close();
});

describe.skipIf(!registry)('distribution (check registry) against the real registry', () => {
  it('a viewer reads the digest and platforms of a pushed tag with saved credentials open to viewers', async () => {
    const saved = await fetch(`${gateway.url}/api/registries`, {
      method: 'POST',
      headers: { ...admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'dist-ci',
        server: registry,
        username: REGISTRY_USER,
        password: REGISTRY_PASSWORD,
        viewers: true,
      }),
    });
    const registryId = String(((await saved.json()) as { id: number }).id);
    const repo = `${registry}/berth/dist-check`;
    await engine(
      'POST',
      `/images/berth/busybox:latest/tag?repo=${encodeURIComponent(repo)}&tag=ci`,
    );
    const push = await relay('POST', `/images/${encodeURIComponent(repo)}/push?tag=ci`, {
      ...admin,
      'X-Berth-Registry': registryId,
    });
    const lines = new JsonLines<{ status?: string; error?: string; aux?: { Digest?: string } }>();
    const messages = [...lines.push(new Uint8Array(await push.arrayBuffer())), ...lines.end()];
    expect(messages.filter((m) => m.error)).toEqual([]);
    const pushed = messages.find((m) => m.aux?.Digest)?.aux?.Digest;
    expect(pushed).toMatch(/^sha256:/);

    const name = encodeURIComponent(`${repo}:ci`);
    const anonymous = await relay('GET', `/distribution/${name}/json`, viewer);
    expect(anonymous.status).toBeGreaterThanOrEqual(400);
    expect(((await anonymous.json()) as { message: string }).message).toMatch(
      /auth|unauthorized|credentials/i,
    );

    const checked = await relay('GET', `/distribution/${name}/json`, {
      ...viewer,
      'X-Berth-Registry': registryId,
    });
    expect(checked.status).toBe(200);
    const body = readDistribution((await checked.json()) as DistributionInspect);
    expect(body.digest).toBe(pushed);
    expect(body.mediaType).toMatch(/manifest/);
    expect(body.platforms.some((p) => p.startsWith('linux/'))).toBe(true);
    await engine('DELETE', `/images/${name}`);
  });
});
