// The engine and gateway are mocked (fetch) to check the form's wiring: the body it posts, the
// pull-then-create path, and a gateway refusal (403) shown in place. The real engine is exercised
// by e2e/tests/create.spec.ts.
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, TEST_ADMIN } from '@/testing/render-with-providers';
import { emptyCreateView } from '../../api/create-view-model';
import { CreateContainerForm } from './create-container-form';

afterEach(() => vi.unstubAllGlobals());

function mockEngine(
  create: (body: unknown, attempt: number) => Response,
  kind: 'docker' | 'pouch' = 'docker',
) {
  const calls: Array<{ method: string; path: string; body?: unknown }> = [];
  let attempts = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://berth.test');
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      calls.push({ method: init?.method ?? 'GET', path: url.pathname + url.search, body });
      if (url.pathname === '/api/endpoints')
        return Response.json([{ id: 'local', name: 'local', kind, status: 'up' }]);
      if (url.pathname.endsWith('/containers/create')) return create(body, attempts++);
      if (url.pathname.endsWith('/images/create')) {
        return new Response('{"status":"Pulling"}\n{"status":"Done"}\n');
      }
      if (url.pathname.endsWith('/images/json') || url.pathname.endsWith('/networks')) {
        return Response.json([]);
      }
      if (url.pathname.endsWith('/volumes')) return Response.json({ Volumes: [] });
      return new Response(null, { status: 204 });
    }),
  );
  return calls;
}

function renderForm(me = TEST_ADMIN) {
  return renderWithProviders(
    <CreateContainerForm endpointId="local" initial={emptyCreateView()} />,
    { path: '/endpoints/local/containers/new', me },
  );
}

describe('CreateContainerForm', () => {
  it('posts the mapped body, pulling first when the image is missing', async () => {
    const calls = mockEngine((_, attempt) =>
      attempt === 0
        ? Response.json({ message: 'No such image: web:1' }, { status: 404 })
        : Response.json({ Id: 'abc', Warnings: [] }, { status: 201 }),
    );
    renderForm();
    fireEvent.change(await screen.findByLabelText('Image'), { target: { value: 'web:1' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'web' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add environment variable' }));
    fireEvent.change(screen.getByLabelText('Variable 1 name'), { target: { value: 'A' } });
    fireEvent.change(screen.getByLabelText('Variable 1 value'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));

    await vi.waitFor(() =>
      expect(calls.some((c) => c.path.endsWith('/containers/abc/start'))).toBe(true),
    );
    const order = calls.filter((c) => c.method === 'POST').map((c) => c.path);
    expect(order).toEqual([
      '/api/endpoints/local/docker/containers/create?name=web',
      '/api/endpoints/local/docker/images/create?fromImage=web%3A1',
      '/api/endpoints/local/docker/containers/create?name=web',
      '/api/endpoints/local/docker/containers/abc/start',
    ]);
    expect(calls.find((c) => c.path.includes('containers/create'))?.body).toEqual({
      Image: 'web:1',
      Env: ['A=1'],
      HostConfig: {},
    });
  });

  it("shows the gateway's refusal in place", async () => {
    mockEngine(() =>
      Response.json({ message: 'Privileged containers need the admin role.' }, { status: 403 }),
    );
    renderForm({ ...TEST_ADMIN, role: 'operator' });
    fireEvent.change(await screen.findByLabelText('Image'), { target: { value: 'busybox' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The gateway refused this container');
    expect(alert).toHaveTextContent('Privileged containers need the admin role.');
  });

  it('marks invalid fields and does not post', async () => {
    const calls = mockEngine(() => Response.json({ Id: 'x' }, { status: 201 }));
    renderForm();
    fireEvent.click(await screen.findByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Choose an image.')).toBeInTheDocument();
    expect(screen.getByLabelText('Image')).toHaveAttribute('aria-invalid', 'true');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it("offers pouchd's own settings only on a PouchContainer endpoint, and sends them", async () => {
    const calls = mockEngine(
      () => Response.json({ Id: 'p1', Warnings: [] }, { status: 201 }),
      'pouch',
    );
    renderForm();
    fireEvent.change(await screen.findByLabelText('Image'), {
      target: { value: 'busybox:latest' },
    });
    fireEvent.click(await screen.findByLabelText('Rich container'));
    fireEvent.change(screen.getByLabelText('Rich container mode'), {
      target: { value: 'systemd' },
    });
    fireEvent.click(screen.getByLabelText('Enable lxcfs'));
    fireEvent.change(screen.getByLabelText('Init script'), { target: { value: 'echo init' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add disk quota' }));
    fireEvent.change(screen.getByLabelText('Disk quota 1 directory'), { target: { value: '/' } });
    fireEvent.change(screen.getByLabelText('Disk quota 1 size'), { target: { value: '10g' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await vi.waitFor(() =>
      expect(calls.some((c) => c.path.endsWith('/containers/create'))).toBe(true),
    );
    const create = calls.find((c) => c.path.endsWith('/containers/create'));
    expect(create?.body).toMatchObject({
      Rich: true,
      RichMode: 'systemd',
      InitScript: 'echo init',
      DiskQuota: { '/': '10g' },
      HostConfig: { EnableLxcfs: true },
    });
  });

  it('shows no PouchContainer section on a Docker endpoint', async () => {
    const calls = mockEngine(() => Response.json({ Id: 'd1', Warnings: [] }, { status: 201 }));
    renderForm();
    await screen.findByLabelText('Image');
    await vi.waitFor(() => expect(calls.some((c) => c.path === '/api/endpoints')).toBe(true));
    expect(screen.queryByLabelText('Rich container')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'PouchContainer' })).not.toBeInTheDocument();
  });
});
