// The create-service form on the kit: errors at the field that is wrong (a row's own field), the
// first one focused, and the live preview following what is typed. The engine is a fetch
// stand-in answering empty lists (no swarm runs in unit tests).
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { CreateServiceRoute } from './create-service-route';

afterEach(() => vi.unstubAllGlobals());

function renderRoute() {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => Response.json([]));
  vi.stubGlobal('fetch', fetchMock);
  renderWithProviders(<CreateServiceRoute />, {
    path: '/endpoints/local/swarm/services/new',
    routePath: '/endpoints/$endpointId/swarm/services/new',
  });
  return fetchMock;
}

describe('CreateServiceRoute', () => {
  it('needs an image, puts a bind mount error at its source, and sends nothing', async () => {
    const fetchMock = renderRoute();
    const form = await screen.findByRole('form', { name: 'Create service' });
    fireEvent.click(within(form).getByRole('button', { name: 'Add mount' }));
    fireEvent.change(await screen.findByLabelText('Mount 1 type'), { target: { value: 'bind' } });
    fireEvent.change(screen.getByLabelText('Mount 1 source'), { target: { value: 'data' } });
    fireEvent.change(screen.getByLabelText('Mount 1 target'), { target: { value: '/data' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create service' }));

    const image = screen.getByLabelText('Image');
    await waitFor(() => expect(image).toHaveAttribute('aria-invalid', 'true'));
    expect(image).toHaveFocus();
    expect(screen.getByText('A bind mount needs an absolute host path.')).toBeVisible();
    expect(screen.getByLabelText('Mount 1 source')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Mount 1 target')).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Some fields need a fix: see the messages in red.')).toBeVisible();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('shows the spec it would send as it is typed', async () => {
    renderRoute();
    fireEvent.change(await screen.findByLabelText('Image'), { target: { value: 'nginx:alpine' } });
    fireEvent.change(screen.getByLabelText('Environment'), { target: { value: 'STAGE=unit' } });
    const preview = screen.getByLabelText('Service spec preview');
    await waitFor(() => expect(preview).toHaveTextContent('"Image": "nginx:alpine"'));
    expect(preview).toHaveTextContent('STAGE=unit');
  });
});
