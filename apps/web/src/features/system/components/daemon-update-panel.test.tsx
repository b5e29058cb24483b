// The daemon settings form on the form kit: a bad proxy is said at its field and nothing is
// sent. The engine is a fetch stand-in (PouchContainer's daemon update is not run here).
import { endpointKeys } from '@berth/api';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { DaemonUpdatePanel } from './daemon-update-panel';

afterEach(() => vi.unstubAllGlobals());

describe('DaemonUpdatePanel', () => {
  it('puts a proxy that is not http(s) at its field, focused, and sends nothing', async () => {
    const fetchMock = vi.fn(async () => Response.json({ Labels: ['zone=a'] }));
    vi.stubGlobal('fetch', fetchMock);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    queryClient.setQueryData(endpointKeys.info('local'), { Labels: ['zone=a'] });
    renderWithProviders(<DaemonUpdatePanel endpointId="local" />, { queryClient });
    expect(await screen.findByLabelText('Labels')).toHaveValue('zone=a');
    fireEvent.change(screen.getByLabelText('Image proxy'), { target: { value: 'ftp://x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Update daemon' }));
    expect(await screen.findByText(/An http:\/\/ or https:\/\/ address/)).toBeVisible();
    expect(screen.getByLabelText('Image proxy')).toHaveFocus();
    expect(fetchMock.mock.calls.some((call) => JSON.stringify(call).includes('POST'))).toBe(false);
  });
});
