// The gateway is mocked (fetch) to check what the form shows for each of its answers.
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { LoginRoute } from './login-route';

afterEach(() => vi.unstubAllGlobals());

const PASSWORD_ONLY = { local: true, oidc: null };

/** The login answer for `/api/auth/login`, and `methods` for what the page may offer. */
function answer(status: number, body: unknown, methods: unknown = PASSWORD_ONLY) {
  const fetchMock = vi.fn(async (url: string) =>
    url === '/api/auth/methods' ? Response.json(methods) : Response.json(body, { status }),
  );
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
    const login = fetchMock.mock.calls.find(([url]) => url === '/api/auth/login');
    const [, init] = login as unknown as [string, RequestInit];
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
    // the page asks which sign-in methods there are, and never tries to log in
    expect(fetchMock.mock.calls.map(([url]) => String(url))).not.toContain('/api/auth/login');
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

  it("shows why a single sign-on was refused, in the gateway's words", async () => {
    renderWithProviders(<LoginRoute />, {
      path: '/login?signin=Berth%20gives%20this%20account%20no%20role.',
      routePath: '/login',
      me: null,
    });
    expect(await screen.findByText('Single sign-on refused')).toBeVisible();
    expect(screen.getByText('Berth gives this account no role.')).toBeVisible();
  });

  it('offers the identity provider, returning to where the user was going', async () => {
    answer(200, {}, { local: true, oidc: { name: 'Keycloak' } });
    renderWithProviders(<LoginRoute />, {
      path: '/login?next=%2Ftokens',
      routePath: '/login',
      me: null,
    });
    const link = await screen.findByRole('link', { name: 'Sign in with Keycloak' });
    expect(link).toHaveAttribute('href', '/api/auth/oidc/start?returnTo=%2Ftokens');
    expect(screen.getByLabelText('User name')).toBeVisible();
  });

  it('folds the password form away for the break-glass admin when password login is off', async () => {
    answer(200, {}, { local: false, oidc: { name: 'Keycloak' } });
    renderWithProviders(<LoginRoute />, { path: '/login', routePath: '/login', me: null });
    await screen.findByRole('link', { name: 'Sign in with Keycloak' });
    expect(screen.getByText('Break-glass admin login')).toBeInTheDocument();
    expect(screen.getByLabelText('User name')).not.toBeVisible();
  });
});
