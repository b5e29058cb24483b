// The registry dialog on the form kit, with the gateway's own body schema: errors at the field,
// and an edit that leaves the password blank sends none. The gateway is a fetch stand-in.
import type { RegistrySummary } from '@berth/api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { RegistryDialog } from './registry-dialog';

afterEach(() => vi.unstubAllGlobals());

function stubGateway() {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => Response.json({ id: 3 }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('RegistryDialog', () => {
  it('a new registry: each missing field says so at the field, and nothing is sent', async () => {
    const fetchMock = stubGateway();
    renderWithProviders(<RegistryDialog existing={null} onClose={() => {}} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save registry' }));
    expect(await screen.findByText('Enter a name')).toBeVisible();
    expect(screen.getByText('Enter the password or access token')).toBeVisible();
    expect(screen.getByLabelText('Name')).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('an edit with a blank password keeps the stored one (no password in the body)', async () => {
    const fetchMock = stubGateway();
    const existing = {
      id: 3,
      name: 'hub',
      server: 'registry.example.com',
      username: 'ci',
      viewers: false,
    } as RegistrySummary;
    renderWithProviders(<RegistryDialog existing={existing} onClose={() => {}} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save registry' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledOnce());
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toContain('/api/registries/3');
    expect(JSON.parse(String(init?.body))).toEqual({
      name: 'hub',
      server: 'registry.example.com',
      username: 'ci',
      viewers: false,
    });
  });
});
