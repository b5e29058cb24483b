// The engine is mocked (fetch), named so: the form's fields, and which calls it makes per engine kind.
import type { ContainerInspect } from '@berth/api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { ConnectForm } from './connect-form';

const inspect = {
  Id: 'c'.repeat(64),
  Name: '/web',
  State: { Running: true, Paused: false },
  Config: { User: '', WorkingDir: '', Tty: true, OpenStdin: true },
} as unknown as ContainerInspect;

afterEach(() => vi.unstubAllGlobals());

function renderForm() {
  // the engine's answer to the /bin/bash probe (stubbed): no bash in this image
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json({ message: 'no such file' }, { status: 404 })),
  );
  const onConnect = vi.fn();
  renderWithProviders(<ConnectForm endpointId="local" inspect={inspect} onConnect={onConnect} />);
  return onConnect;
}

describe('ConnectForm', () => {
  it('asks for a custom command at its field, then connects with it split into arguments', async () => {
    const onConnect = renderForm();
    fireEvent.change(await screen.findByLabelText('Command'), { target: { value: 'custom' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    const custom = await screen.findByLabelText('Custom command');
    await waitFor(() => expect(custom).toHaveAccessibleDescription(/Type the command to run/));
    expect(custom).toHaveFocus();
    expect(onConnect).not.toHaveBeenCalled();

    fireEvent.change(custom, { target: { value: '/bin/ash -l' } });
    fireEvent.change(screen.getByLabelText('User'), { target: { value: ' app ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() =>
      expect(onConnect).toHaveBeenCalledWith({
        mode: 'exec',
        cmd: ['/bin/ash', '-l'],
        user: 'app',
      }),
    );
  });

  it('attaches to the main process, with or without the logs so far', async () => {
    const onConnect = renderForm();
    fireEvent.click(await screen.findByRole('radio', { name: 'Attach to the main process' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Replay logs/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledWith({ mode: 'attach', logs: false }));
  });
});

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

const probed = {
  Id: 'c1',
  Name: '/web',
  State: { Running: true, Paused: false },
  Config: {},
} as unknown as ContainerInspect;

function renderProbed() {
  renderWithProviders(<ConnectForm endpointId="local" inspect={probed} onConnect={() => {}} />, {
    path: '/endpoints/local/containers/c1',
    routePath: '/endpoints/$endpointId/containers/$containerId',
  });
}

describe('ConnectForm: is there a /bin/bash (engine mocked)', () => {
  it('asks Docker with a stat of the archive API', async () => {
    const calls = mockEngine('docker');
    renderProbed();
    expect(await screen.findByRole('option', { name: '/bin/bash' })).toBeInTheDocument();
    expect(calls).toContain('HEAD /api/endpoints/local/docker/containers/c1/archive');
  });

  it('never probes pouchd, which has no archive API: offers bash and says it cannot tell', async () => {
    const calls = mockEngine('pouch');
    renderProbed();
    expect(
      await screen.findByText(/cannot tell whether the image has \/bin\/bash/),
    ).toBeInTheDocument();
    expect(screen.getByRole('option', { name: '/bin/bash' })).toBeInTheDocument();
    await waitFor(() => expect(calls).toContain('GET /api/endpoints'));
    expect(calls.filter((call) => call.includes('/archive'))).toEqual([]);
  });
});
