// The gateway is mocked (fetch) to check what the form shows for each of its answers.
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { LoginRoute } from './login-route';

afterEach(() => vi.unstubAllGlobals());

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => Response.json(body, { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function submit(username: string, password: string) {
  // The router renders its first match asynchronously.
  fireEvent.change(await screen.findByLabelText('User name'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('LoginRoute', () => {
  it("shows the gateway's message for a wrong password, sending the CSRF header", async () => {
    const fetchMock = answer(401, { message: 'Wrong user name or password.' });
    renderWithProviders(<LoginRoute />, { path: '/login', routePath: '/login', me: null });
    await submit('admin', 'nope-nope-nope');
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong user name or password.');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/auth/login');
    expect(init.headers).toMatchObject({ 'X-Berth-Csrf': '1' });
  });

  it('says at the field that a user name is needed once the field is left empty', async () => {
    const fetchMock = answer(200, {});
    renderWithProviders(<LoginRoute />, { path: '/login', routePath: '/login', me: null });
    const name = await screen.findByLabelText('User name');
    fireEvent.change(name, { target: { value: '  ' } });
    fireEvent.blur(name);
    expect(await screen.findByText('Enter your user name')).toBeVisible();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says when logins are rate-limited', async () => {
    answer(429, { message: 'Too many failed logins. Try again in 15 minute(s).' });
    renderWithProviders(<LoginRoute />, { path: '/login', routePath: '/login', me: null });
    await submit('admin', 'nope-nope-nope');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Too many failed logins');
    expect(alert).toHaveTextContent('Try again in 15 minute(s).');
  });

  it('explains why the user is here when the session ended', async () => {
    renderWithProviders(<LoginRoute />, {
      path: '/login?next=%2Ftokens&reason=expired',
      routePath: '/login',
      me: null,
    });
    expect(await screen.findByRole('note')).toHaveTextContent('Your session ended');
  });
});
