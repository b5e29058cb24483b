// The dialog's wiring with the engine mocked (fetch): what it posts and where errors show. The
// real engine reading the fields back is apps/gateway/test/container-update.test.ts.
import type { ContainerInspect } from '@berth/api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { UpdateResourcesDialog } from './update-resources-dialog';

afterEach(() => vi.unstubAllGlobals());

const inspect = {
  Id: 'c1',
  Name: '/web',
  HostConfig: { Memory: 256 * 1024 ** 2, RestartPolicy: { Name: 'always' }, CpuShares: 512 },
} as unknown as ContainerInspect;

function mockEngine() {
  const posted: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_input: string, init?: RequestInit) => {
      if (init?.method === 'POST') posted.push(JSON.parse(String(init.body)));
      return Response.json({ Warnings: [] });
    }),
  );
  return posted;
}

function renderDialog(onClose = vi.fn()) {
  renderWithProviders(
    <UpdateResourcesDialog endpointId="local" inspect={inspect} onClose={onClose} />,
  );
  return onClose;
}

describe('UpdateResourcesDialog', () => {
  it('prefills from the container and sends only what changed', async () => {
    const posted = mockEngine();
    const onClose = renderDialog();
    expect(await screen.findByLabelText('Memory limit')).toHaveValue('256m');
    expect(screen.getByLabelText('Restart policy')).toHaveValue('always');
    fireEvent.change(screen.getByLabelText('PIDs limit'), { target: { value: '64' } });
    fireEvent.click(screen.getByRole('button', { name: 'Update' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(posted).toEqual([{ PidsLimit: 64 }]);
  });

  it('shows a wrong unit at its field and sends nothing', async () => {
    const posted = mockEngine();
    renderDialog();
    const memory = await screen.findByLabelText('Memory limit');
    fireEvent.change(memory, { target: { value: '512 megs' } });
    fireEvent.click(screen.getByRole('button', { name: 'Update' }));
    expect(await screen.findByText('A size like 512m or 1g.')).toBeVisible();
    expect(memory).toHaveFocus();
    expect(posted).toEqual([]);
  });

  it('opens the collapsed Advanced group for an error inside it and focuses that field', async () => {
    const posted = mockEngine();
    renderDialog();
    const advanced = (await screen.findByText('Advanced')).closest('details') as HTMLDetailsElement;
    expect(advanced.open).toBe(false);
    fireEvent.click(screen.getByText('Advanced'));
    fireEvent.click(screen.getByRole('button', { name: 'Add read rate' }));
    fireEvent.change(screen.getByLabelText('Read rate 1 device'), { target: { value: 'sda' } });
    fireEvent.change(screen.getByLabelText('Read rate 1 bytes/s'), { target: { value: '10m' } });
    advanced.open = false;
    fireEvent(advanced, new Event('toggle'));
    await waitFor(() => expect(advanced.open).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Update' }));
    await waitFor(() => expect(advanced.open).toBe(true));
    expect(await screen.findByText('A device path like /dev/sda.')).toBeVisible();
    await waitFor(() => expect(screen.getByLabelText('Read rate 1 device')).toHaveFocus());
    expect(posted).toEqual([]);
  });
});
