// The connect dialog on the form kit: a missing container and a bad address are said at their
// fields and nothing is sent. The engine is a fetch stand-in answering an empty list.
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { ConnectContainerDialog } from './network-dialogs';

afterEach(() => vi.unstubAllGlobals());

describe('ConnectContainerDialog', () => {
  it('asks for a container and a well-formed IPv4 address at their fields', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => Response.json([]));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(
      <ConnectContainerDialog
        endpointId="local"
        networkId="n1"
        networkName="backend"
        connected={new Set()}
        onClose={() => {}}
      />,
    );
    fireEvent.change(await screen.findByLabelText('IPv4 address'), {
      target: { value: '10.0.0.999' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText('Choose a container.')).toBeVisible();
    expect(screen.getByText('An IPv4 address, like 172.30.0.10.')).toBeVisible();
    expect(screen.getByLabelText('Container')).toHaveFocus();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });
});
