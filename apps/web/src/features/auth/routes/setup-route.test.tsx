// The gateway is mocked (fetch): the form checks the policy itself before asking it.
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { SetupRoute } from './setup-route';

afterEach(() => vi.unstubAllGlobals());

describe('SetupRoute', () => {
  it('checks the password policy inline and sends nothing until it is met', async () => {
    const fetchMock = vi.fn(async () =>
      Response.json({ id: 1, username: 'admin', role: 'admin', via: 'session' }, { status: 201 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<SetupRoute />, { path: '/setup', routePath: '/setup', me: null });

    const password = await screen.findByLabelText('Password', { selector: 'input' });
    fireEvent.change(password, { target: { value: 'admin-pass' } });
    expect(screen.getByRole('list', { name: 'Password rules' })).toHaveTextContent(
      'Does not contain the user name (not met yet)',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Create admin account' }));
    expect(await screen.findByText('The password must not contain the user name.')).toBeVisible();
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.change(password, { target: { value: 'harbour-lights-2026' } });
    fireEvent.change(screen.getByLabelText('Confirm password'), {
      target: { value: 'harbour-lights-2026' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create admin account' }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledOnce());
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/auth/setup');
    expect(JSON.parse(String(init.body))).toEqual({
      username: 'admin',
      password: 'harbour-lights-2026',
    });
  });
});
