// The engine is mocked (fetch): the point is which calls the form makes for each engine kind.
import type { ContainerInspect } from '@berth/api';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { ConnectForm } from './connect-form';

afterEach(() => vi.unstubAllGlobals());

function mockEngine(kind: 'docker' | 'pouch') {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://berth.test');
      calls.push(`${init?.method ?? 'GET'} ${url.pathname}`);
      if (url.pathname === '/api/endpoints')
        return Response.json([{ id: 'local', name: 'local', kind, status: 'up' }]);
      // Docker: the image has /bin/bash (the stat answers 200).
      return new Response(null, { status: 200 });
    }),
  );
  return calls;
}

const inspect = {
  Id: 'c1',
  Name: '/web',
  State: { Running: true, Paused: false },
  Config: {},
} as unknown as ContainerInspect;

function renderForm() {
  renderWithProviders(<ConnectForm endpointId="local" inspect={inspect} onConnect={() => {}} />, {
    path: '/endpoints/local/containers/c1',
    routePath: '/endpoints/$endpointId/containers/$containerId',
  });
}

describe('ConnectForm: is there a /bin/bash (engine mocked)', () => {
  it('asks Docker with a stat of the archive API', async () => {
    const calls = mockEngine('docker');
    renderForm();
    expect(await screen.findByRole('option', { name: '/bin/bash' })).toBeInTheDocument();
    expect(calls).toContain('HEAD /api/endpoints/local/docker/containers/c1/archive');
  });

  it('never probes pouchd, which has no archive API: offers bash and says it cannot tell', async () => {
    const calls = mockEngine('pouch');
    renderForm();
    expect(
      await screen.findByText(/cannot tell whether the image has \/bin\/bash/),
    ).toBeInTheDocument();
    expect(screen.getByRole('option', { name: '/bin/bash' })).toBeInTheDocument();
    await waitFor(() => expect(calls).toContain('GET /api/endpoints'));
    expect(calls.filter((call) => call.includes('/archive'))).toEqual([]);
  });
});
