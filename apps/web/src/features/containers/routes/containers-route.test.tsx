// The engine is mocked here (fetch) to check the page's wiring: list, filter, bulk progress and
// per-item engine messages. The real engine is exercised by the Playwright specs.
import type { ContainerSummary } from '@berth/api';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { ContainersRoute } from './containers-route';

function summary(name: string, state: ContainerSummary['State']): ContainerSummary {
  return {
    Id: `${name}${'0'.repeat(64 - name.length)}`,
    Names: [`/${name}`],
    Image: 'berth/busybox:latest',
    ImageID: 'sha256:abc',
    Command: 'sleep 1000',
    Created: 1_700_000_000,
    Ports: [],
    Labels: {},
    State: state,
    Status: state === 'running' ? 'Up 2 minutes' : 'Exited (0) 1 minute ago',
    NetworkSettings: { Networks: { bridge: { IPAddress: '172.17.0.2' } } },
  };
}

const list = [summary('alpha', 'running'), summary('beta', 'running'), summary('gamma', 'exited')];

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => 600,
  });
});

afterEach(() => vi.unstubAllGlobals());

function mockEngine(kind: 'docker' | 'pouch' = 'docker') {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://berth.test');
      calls.push(`${init?.method ?? 'GET'} ${url.pathname}`);
      // The gateway's endpoint list, where the engine kind comes from.
      if (url.pathname === '/api/endpoints')
        return Response.json([{ id: 'local', name: 'local', kind, status: 'up' }]);
      if (url.pathname.endsWith('/containers/json')) return Response.json(list);
      if (url.pathname.includes('/beta')) {
        return Response.json(
          { message: 'cannot stop container: beta: permission denied' },
          { status: 500 },
        );
      }
      return new Response(null, { status: 204 });
    }),
  );
  return calls;
}

describe('ContainersRoute', () => {
  it('lists, filters, and runs a bulk action with a result per container', async () => {
    const calls = mockEngine();
    renderWithProviders(<ContainersRoute />, {
      path: '/endpoints/local/containers',
      routePath: '/endpoints/$endpointId/containers',
    });

    expect(await screen.findByRole('link', { name: 'alpha' })).toBeInTheDocument();
    expect(calls).toContain('GET /api/endpoints/local/docker/containers/json');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter containers' }), {
      target: { value: 'gam' },
    });
    expect(screen.queryByRole('link', { name: 'alpha' })).not.toBeInTheDocument();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter containers' }), {
      target: { value: '' },
    });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select alpha' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select beta' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select gamma' }));
    const toolbar = screen.getByRole('toolbar', { name: 'Bulk actions' });
    expect(within(toolbar).getByText('3 selected')).toBeInTheDocument();
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Stop' }));

    const results = await screen.findByRole('dialog', { name: 'Stop: 1 of 2 failed' });
    const items = within(within(results).getByRole('list', { name: 'Results' })).getAllByRole(
      'listitem',
    );
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('alpha');
    expect(within(items[0] as HTMLElement).getByLabelText('Done')).toBeInTheDocument();
    expect(items[1]).toHaveTextContent('cannot stop container: beta: permission denied');
    expect(items[2]).toHaveTextContent('Skipped: exited');
    expect(within(results).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '2');
    expect(calls.filter((c) => c.startsWith('POST'))).toEqual([
      'POST /api/endpoints/local/docker/containers/' + list[0]?.Id + '/stop',
      'POST /api/endpoints/local/docker/containers/' + list[1]?.Id + '/stop',
    ]);
  });

  it('filters at every keystroke and writes the text to the URL once typing pauses', async () => {
    mockEngine();
    const { router } = renderWithProviders(<ContainersRoute />, {
      path: '/endpoints/local/containers',
      routePath: '/endpoints/$endpointId/containers',
    });
    expect(await screen.findByRole('link', { name: 'alpha' })).toBeInTheDocument();
    const search = () => router.state.location.search as { q?: string };
    const box = screen.getByRole('searchbox', { name: 'Filter containers' });
    for (const value of ['g', 'ga', 'gam']) fireEvent.change(box, { target: { value } });
    // The list follows at once; the URL not yet.
    expect(screen.queryByRole('link', { name: 'alpha' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'gamma' })).toBeInTheDocument();
    expect(search().q).toBeUndefined();
    await waitFor(() => expect(search().q).toBe('gam'));
  });

  it('asks before removing and passes force and volumes to the engine', async () => {
    const calls = mockEngine();
    renderWithProviders(<ContainersRoute />, {
      path: '/endpoints/local/containers',
      routePath: '/endpoints/$endpointId/containers',
    });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select gamma' }));
    fireEvent.click(
      within(screen.getByRole('toolbar', { name: 'Bulk actions' })).getByRole('button', {
        name: 'Remove',
      }),
    );
    const confirm = screen.getByRole('alertdialog', { name: 'Remove gamma?' });
    expect(calls.some((c) => c.startsWith('DELETE'))).toBe(false);
    fireEvent.click(within(confirm).getByRole('checkbox', { name: /anonymous volumes/ }));
    fireEvent.click(within(confirm).getByRole('checkbox', { name: /Force/ }));
    fireEvent.click(within(confirm).getByRole('button', { name: 'Remove' }));

    await screen.findByRole('dialog', { name: 'Remove: done' });
    const fetchMock = vi.mocked(fetch);
    const removeCall = fetchMock.mock.calls.find(([, init]) => init?.method === 'DELETE');
    expect(String(removeCall?.[0])).toContain(`/containers/${list[2]?.Id}?force=1&v=1`);
  });

  it('shows a viewer no selection and no actions, and says which role they need', async () => {
    mockEngine();
    renderWithProviders(<ContainersRoute />, {
      path: '/endpoints/local/containers',
      routePath: '/endpoints/$endpointId/containers',
      me: { id: 2, username: 'vera', role: 'viewer', via: 'session' },
    });
    expect(await screen.findByRole('link', { name: 'alpha' })).toBeInTheDocument();
    expect(screen.queryByRole('toolbar', { name: 'Bulk actions' })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /^Select / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^(Start|Stop|Kill|Remove)$/ })).toBeNull();
    expect(screen.getByRole('note')).toHaveTextContent(
      'View only: changing containers needs the operator role.',
    );
  });

  it('offers no Kill on a PouchContainer endpoint and says why (engine mocked)', async () => {
    mockEngine('pouch');
    renderWithProviders(<ContainersRoute />, {
      path: '/endpoints/local/containers',
      routePath: '/endpoints/$endpointId/containers',
    });
    expect(await screen.findByRole('link', { name: 'alpha' })).toBeInTheDocument();
    const toolbar = screen.getByRole('toolbar', { name: 'Bulk actions' });
    const note = await within(toolbar).findByRole('note', {
      name: /Not offered by PouchContainer: Kill/,
    });
    expect(note).toHaveAttribute('title', expect.stringContaining('no kill API'));
    expect(within(toolbar).queryByRole('button', { name: 'Kill' })).not.toBeInTheDocument();
    expect(within(toolbar).getByRole('button', { name: 'Stop' })).toBeInTheDocument();
  });

  it('offers Kill on a Docker endpoint', async () => {
    mockEngine('docker');
    renderWithProviders(<ContainersRoute />, {
      path: '/endpoints/local/containers',
      routePath: '/endpoints/$endpointId/containers',
    });
    expect(await screen.findByRole('link', { name: 'alpha' })).toBeInTheDocument();
    const toolbar = screen.getByRole('toolbar', { name: 'Bulk actions' });
    expect(await within(toolbar).findByRole('button', { name: 'Kill' })).toBeInTheDocument();
    expect(within(toolbar).queryByRole('note')).not.toBeInTheDocument();
  });
});
