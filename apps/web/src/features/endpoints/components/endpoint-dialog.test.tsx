// The gateway is mocked (fetch): what the dialog sends for TLS and ssh://, and how it shows the
// test result. The real gateway and engines are exercised in e2e/tests/fleet.multi.ts.
import type { EndpointSummary } from '@berth/api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { EndpointDialog } from './endpoint-dialog';

afterEach(() => vi.unstubAllGlobals());

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';

function bodies(fetchMock: ReturnType<typeof vi.fn>): Array<{ url: string; body: unknown }> {
  return fetchMock.mock.calls.map((call) => {
    const [url, init] = call as [string, RequestInit];
    return { url, body: init.body ? JSON.parse(String(init.body)) : undefined };
  });
}

describe('EndpointDialog', () => {
  it('tests a tcp:// endpoint with TLS and shows kind, version and latency', async () => {
    const fetchMock = vi.fn(async () =>
      Response.json({
        ok: true,
        kind: 'docker',
        apiVersion: '1.41',
        engineVersion: '20.10.24',
        latencyMs: 4,
        error: null,
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<EndpointDialog existing={null} onClose={() => undefined} />);

    fireEvent.change(await screen.findByLabelText('URL'), { target: { value: 'tcp://h:2376' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /^Use TLS/ }));
    fireEvent.change(screen.getByLabelText('CA certificate', { selector: 'textarea' }), {
      target: { value: CA },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'docker 20.10.24 · API 1.41 · 4 ms',
    );
    expect(bodies(fetchMock)).toEqual([
      {
        url: '/api/endpoints/test',
        body: { url: 'tcp://h:2376', alternates: [], tls: { verify: true, ca: CA } },
      },
    ]);
  });

  it('shows why a test failed, and validates before saving', async () => {
    const fetchMock = vi.fn(async () =>
      Response.json({
        ok: false,
        kind: null,
        apiVersion: null,
        engineVersion: null,
        latencyMs: null,
        error: 'Cannot reach the engine at tcp://h:2376: connection refused.',
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<EndpointDialog existing={null} onClose={() => undefined} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Add endpoint' }));
    // Validation runs through the form's schema (asynchronously): wait for it to land.
    await waitFor(() =>
      expect(screen.getByLabelText('Name')).toHaveAccessibleDescription(/Give the endpoint a name/),
    );
    expect(screen.getByLabelText('URL')).toHaveAccessibleDescription(/Enter where the engine/);
    expect(screen.getByLabelText('Name')).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'tcp://h:2376' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('connection refused');
  });

  it('sends the ssh key material when editing an ssh:// endpoint, blank fields kept', async () => {
    const saved: EndpointSummary = {
      id: 'build',
      name: 'Build',
      url: 'ssh://deploy@build',
      alternates: [],
      connectedUrl: 'ssh://deploy@build',
      kind: 'docker',
      apiVersion: '1.41',
      engineVersion: '24.0.0',
      status: 'up',
      error: null,
      checkedAt: 1,
      latencyMs: 9,
      demo: false,
      source: 'saved',
      tls: false,
    };
    const fetchMock = vi.fn(async () => Response.json(saved));
    vi.stubGlobal('fetch', fetchMock);
    const onClose = vi.fn();
    renderWithProviders(<EndpointDialog existing={saved} onClose={onClose} />);

    expect(await screen.findByLabelText('Private key', { selector: 'textarea' })).toHaveAttribute(
      'placeholder',
      '•••••• stored',
    );
    fireEvent.change(screen.getByLabelText('Host key fingerprint (optional)'), {
      target: { value: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [call] = bodies(fetchMock);
    expect(call).toEqual({
      url: '/api/endpoints/build',
      body: {
        name: 'Build',
        url: 'ssh://deploy@build',
        alternates: [],
        ssh: { hostKey: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8' },
      },
    });
  });

  it('a test checks the connection fields first, shows the errors at them and calls nothing', async () => {
    const fetchMock = vi.fn(async () => Response.json({}));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<EndpointDialog existing={null} onClose={() => undefined} />);
    fireEvent.change(await screen.findByLabelText('URL'), { target: { value: 'tcp://h' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() =>
      expect(screen.getByLabelText('URL')).toHaveAccessibleDescription(/host and port/),
    );
    expect(screen.getByLabelText('URL')).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
