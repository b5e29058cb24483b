// The engine is mocked here (fetch): no pouchd can run here, and the recorded pouchd answers
// (shared fixtures) have no checkpoint list with entries, since CRIU could not run. The
// Playwright pouch replay spec covers the recorded CRIU error.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { CheckpointsPanel } from './checkpoints-panel';

afterEach(() => vi.unstubAllGlobals());

function mockEngine() {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://berth.test');
      calls.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search}`);
      if (url.pathname.endsWith('/checkpoints') && (init?.method ?? 'GET') === 'GET')
        return Response.json(['cp1']);
      return new Response(null, { status: 204 });
    }),
  );
  return calls;
}

const base = '/api/endpoints/local/docker/containers/c1';

describe('CheckpointsPanel (engine mocked)', () => {
  it('starts a stopped container from a checkpoint with start?checkpoint=', async () => {
    const calls = mockEngine();
    renderWithProviders(<CheckpointsPanel endpointId="local" containerId="c1" running={false} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Start from cp1' }));
    await waitFor(() => expect(calls).toContain(`POST ${base}/start?checkpoint=cp1`));
    expect(screen.getByRole('button', { name: 'Create checkpoint' })).toBeDisabled();
  });

  it('asks before deleting, then deletes with the directory given', async () => {
    const calls = mockEngine();
    renderWithProviders(<CheckpointsPanel endpointId="local" containerId="c1" running />);
    fireEvent.change(await screen.findByRole('textbox', { name: 'Checkpoint directory' }), {
      target: { value: '/var/cp' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() =>
      expect(calls).toContain(`GET ${base}/checkpoints?checkpointdir=%2Fvar%2Fcp`),
    );
    expect(screen.getByRole('button', { name: 'Start from cp1' })).toBeDisabled();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete cp1' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete checkpoint cp1?' });
    expect(calls.some((c) => c.startsWith('DELETE'))).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(calls).toContain(`DELETE ${base}/checkpoints/cp1?dir=%2Fvar%2Fcp`));
  });

  it('offers a viewer no create or delete, and says which role they need', async () => {
    mockEngine();
    renderWithProviders(<CheckpointsPanel endpointId="local" containerId="c1" running />, {
      me: { id: 2, username: 'v', role: 'viewer', via: 'session' },
    });
    expect(await screen.findByText('cp1')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create checkpoint' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete cp1' })).not.toBeInTheDocument();
    expect(screen.getByText(/creating checkpoints needs the operator role/)).toBeInTheDocument();
    expect(screen.getByText(/deleting checkpoints needs the admin role/)).toBeInTheDocument();
  });
});
