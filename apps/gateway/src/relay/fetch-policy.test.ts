import { DEFAULT_SECURITY_SETTINGS, matchEngineRoute, type EngineFetchPolicy } from '@berth/api';
import { describe, expect, it } from 'vitest';
import { engineFetchesOf } from './engine-fetches';
import { fetchPolicyProblems, hostnameOf } from './fetch-policy';

const policy = (over: Partial<EngineFetchPolicy> = {}): EngineFetchPolicy => ({
  ...DEFAULT_SECURITY_SETTINGS.engineFetch,
  ...over,
});

const pull = (image: string) =>
  engineFetchesOf(
    matchEngineRoute('POST', '/images/create'),
    new URLSearchParams({ fromImage: image }),
    undefined,
  );

const problems = (
  image: string,
  p: EngineFetchPolicy,
  role: 'viewer' | 'operator' | 'admin' = 'operator',
) =>
  fetchPolicyProblems(pull(image), {
    policy: p,
    role,
    savedRegistryHosts: ['registry.saved.test:5000'],
    engineHost: new Set(['10.9.9.9', 'engine.test']),
  });

describe('engineFetchesOf', () => {
  it('reads every place a call names a registry or a download', () => {
    const route = (method: string, path: string) => matchEngineRoute(method, path);
    expect(pull('alpine')).toEqual([{ key: 'fromImage', host: 'docker.io', kind: 'registry' }]);
    expect(
      engineFetchesOf(
        route('POST', '/images/create'),
        new URLSearchParams({ fromSrc: 'https://files.test/x.tar', repo: 'x' }),
        undefined,
      ),
    ).toEqual([{ key: 'fromSrc', host: 'files.test', kind: 'download' }]);
    expect(
      engineFetchesOf(
        route('POST', '/images/create'),
        new URLSearchParams({ fromSrc: '-' }),
        undefined,
      ),
    ).toEqual([]);
    expect(
      engineFetchesOf(route('POST', '/images/r.test/a/b/push'), new URLSearchParams(), undefined),
    ).toEqual([{ key: 'image name', host: 'r.test', kind: 'registry' }]);
    expect(
      engineFetchesOf(
        route('GET', '/images/search'),
        new URLSearchParams({ term: 'r.test:1/x' }),
        undefined,
      ),
    ).toEqual([{ key: 'term', host: 'r.test:1', kind: 'registry' }]);
    expect(
      engineFetchesOf(
        route('POST', '/build'),
        new URLSearchParams({ remote: 'Dockerfile.dev' }),
        undefined,
      ),
    ).toEqual([]);
    expect(
      engineFetchesOf(
        route('POST', '/plugins/pull'),
        new URLSearchParams({ remote: 'r.test/p:1' }),
        undefined,
      ),
    ).toEqual([{ key: 'remote', host: 'r.test', kind: 'registry' }]);
    expect(
      engineFetchesOf(route('POST', '/services/create'), new URLSearchParams(), {
        TaskTemplate: { ContainerSpec: { Image: 'r.test/app:1' } },
      }),
    ).toEqual([{ key: 'TaskTemplate.ContainerSpec.Image', host: 'r.test', kind: 'registry' }]);
    expect(
      engineFetchesOf(route('GET', '/containers/json'), new URLSearchParams(), undefined),
    ).toEqual([]);
  });
});

describe('fetchPolicyProblems', () => {
  it('allows Docker Hub and saved registries by default, and nothing else', async () => {
    expect(await problems('alpine', policy())).toEqual([]);
    expect(await problems('registry.saved.test:5000/team/app', policy())).toEqual([]);
    expect(await problems('ghcr.io/org/app', policy())).toEqual([
      'fromImage points at ghcr.io, which is not a saved registry or an allowed host (Security settings)',
    ]);
    expect(await problems('alpine', policy({ allowDockerHub: false }))).toHaveLength(1);
  });

  it('applies to non-admins by default, to everyone or to no one when set so', async () => {
    expect(await problems('ghcr.io/x', policy(), 'admin')).toEqual([]);
    expect(await problems('ghcr.io/x', policy(), 'viewer')).toHaveLength(1);
    expect(await problems('ghcr.io/x', policy({ appliesTo: 'everyone' }), 'admin')).toHaveLength(1);
    expect(await problems('ghcr.io/x', policy({ appliesTo: 'off' }), 'viewer')).toEqual([]);
  });

  it('matches listed hosts: any port without one, the exact port with one, wildcards for subdomains', async () => {
    const p = policy({ allowedHosts: ['ghcr.io', 'r.corp.test:5000', '*.corp.example'] });
    expect(await problems('ghcr.io:443/x', p)).toEqual([]);
    expect(await problems('r.corp.test:5000/x', p)).toEqual([]);
    expect(await problems('r.corp.test:5001/x', p)).toHaveLength(1);
    expect(await problems('a.b.corp.example/x', p)).toEqual([]);
    expect(await problems('corp.example/x', p)).toHaveLength(1);
  });

  it('refuses loopback, link-local and the engine host unless named exactly; a wildcard is not enough', async () => {
    expect((await problems('127.0.0.1:5000/x', policy()))[0]).toContain('a loopback address');
    expect((await problems('localhost:5000/x', policy()))[0]).toContain('a loopback address');
    expect((await problems('169.254.169.254/x', policy()))[0]).toContain('a link-local address');
    expect((await problems('[::1]:5000/x', policy()))[0]).toContain('a loopback address');
    expect((await problems('10.9.9.9:5000/x', policy()))[0]).toContain(
      "the engine host's own address",
    );
    expect((await problems('engine.test/x', policy()))[0]).toContain(
      "the engine host's own address",
    );
    expect(
      await problems('app.localhost/x', policy({ allowedHosts: ['*.localhost'] })),
    ).toHaveLength(1);
    expect(
      await problems('127.0.0.1:5000/x', policy({ allowedHosts: ['127.0.0.1:5000'] })),
    ).toEqual([]);
  });

  it('refuses what names no readable host', async () => {
    const fetches = engineFetchesOf(
      matchEngineRoute('POST', '/images/create'),
      new URLSearchParams({ fromSrc: 'not a url' }),
      undefined,
    );
    expect(
      await fetchPolicyProblems(fetches, {
        policy: policy(),
        role: 'operator',
        savedRegistryHosts: [],
        engineHost: new Set(),
      }),
    ).toEqual(['fromSrc does not name a host Berth can check']);
  });
});

describe('hostnameOf', () => {
  it.each([
    ['r.test:5000', 'r.test'],
    ['R.Test', 'r.test'],
    ['[::1]:5000', '::1'],
    ['::1', '::1'],
  ])('%s is %s', (host, name) => expect(hostnameOf(host)).toBe(name));
});
