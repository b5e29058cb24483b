// The gateway is mocked (fetch) to check what the form sends and where its refusals land.
import { DEFAULT_SSO_SETTINGS, type SsoSettings } from '@berth/api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { SsoSettingsForm } from './sso-settings-form';

afterEach(() => vi.unstubAllGlobals());

const saved: SsoSettings = {
  ...DEFAULT_SSO_SETTINGS,
  oidc: { ...DEFAULT_SSO_SETTINGS.oidc, clientSecretSet: true },
  redirectUri: 'https://berth.example.com/api/auth/oidc/callback',
  postLogoutRedirectUri: 'https://berth.example.com/login',
  trustedProxies: [],
};

describe('SsoSettingsForm', () => {
  it('checks the issuer at the field before anything is sent', async () => {
    const fetchMock = vi.fn(async () => Response.json(saved));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<SsoSettingsForm saved={saved} />);
    fireEvent.click(await screen.findByLabelText('Sign in with OpenID Connect'));
    fireEvent.change(screen.getByLabelText('Issuer URL'), {
      target: { value: 'http://id.example.com' },
    });
    fireEvent.change(screen.getByLabelText('Client id'), { target: { value: 'berth' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save single sign-on settings' }));
    expect(await screen.findByText(/must use https:\/\//)).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the settings, an empty secret meaning "keep the saved one"', async () => {
    const fetchMock = vi.fn(async () => Response.json(saved));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<SsoSettingsForm saved={saved} />);
    expect(await screen.findByText(saved.redirectUri)).toBeInTheDocument();
    expect(screen.getByText('Saved. Leave empty to keep it.')).toBeInTheDocument();
    fireEvent.click(screen.getByLabelText('Sign in with OpenID Connect'));
    fireEvent.change(screen.getByLabelText('Issuer URL'), {
      target: { value: 'https://id.example.com/realms/main' },
    });
    fireEvent.change(screen.getByLabelText('Client id'), { target: { value: 'berth' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    fireEvent.change(screen.getByLabelText('Group 1'), { target: { value: 'ops' } });
    fireEvent.change(screen.getByLabelText('Role 1'), { target: { value: 'operator' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save single sign-on settings' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/settings/sso');
    const body = JSON.parse(String(init.body)) as Record<string, Record<string, unknown>>;
    expect(body.oidc).toMatchObject({
      enabled: true,
      issuer: 'https://id.example.com/realms/main',
      clientSecret: '',
    });
    expect(body.mapping?.rules).toEqual([{ group: 'ops', role: 'operator' }]);
  });
});
